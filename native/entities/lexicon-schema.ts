/**
 * Schemas of the entity lexicons under `assets/lexicons/`. The files are data
 * that linguists edit by hand and that new languages add as a folder, so
 * every file is parsed with one of these before use: a typo becomes an
 * error naming the file and the field, never a silently missing alias.
 */
import { z } from 'zod';

/** A language code as used for folders and spelling keys (ISO 639-1/-3). */
export const langCode = z.string().regex(/^[a-z]{2,3}$/, 'language code: 2–3 lower-case letters');

const text = z.string().trim().min(1);
const id = z.string().regex(/^[a-z0-9][a-z0-9_.-]*$/, 'id: lower-case ASCII, digits, _ . -');

/** Every data file says where its content came from and under which licence. */
const provenance = {
  _source: text,
  _licence: text,
  _notes: z.string().optional(),
};

/** Native-script spellings keyed by language; a new language adds a key, not a field. */
export const spellingsSchema = z.record(langCode, z.array(text));

// ---------------------------------------------------------------- language

/** `"0900-097F"`: an inclusive code-point range, hex. */
const rangeSchema = z
  .string()
  .regex(/^[0-9A-Fa-f]{4,5}-[0-9A-Fa-f]{4,5}$/, 'range: "XXXX-XXXX" hex');

export const languageFileSchema = z.strictObject({
  ...provenance,
  code: langCode,
  name: text,
  native_name: text,
  /** ISO 15924 code: Deva, Telu, Taml, Latn… */
  script: z.string().regex(/^[A-Z][a-z]{3}$/),
  /** Code-point ranges of the script's letters and marks (what a native spelling may use). */
  script_ranges: z.array(rangeSchema).min(1),
});
export type LanguageFile = z.infer<typeof languageFileSchema>;

// ---------------------------------------------------------------- brands

export const brandSchema = z.strictObject({
  id,
  canonical: text,
  category: z.string().regex(/^[a-z_]+$/),
  /** Latin-script alternates: abbreviations, old names, spaced forms. */
  latin: z.array(text).optional(),
  spellings: spellingsSchema,
});
export const brandsFileSchema = z.strictObject({
  ...provenance,
  brands: z.array(brandSchema).min(1),
});
export type BrandRecord = z.infer<typeof brandSchema>;

// ---------------------------------------------------------------- places

export const placeKinds = ['city', 'town', 'locality', 'district'] as const;
const pinSchema = z.string().regex(/^[1-9][0-9]{5}$/, 'PIN: 6 digits, not starting with 0');

export const placeSchema = z.strictObject({
  id,
  canonical: text,
  kind: z.enum(placeKinds),
  state: text,
  /** The district or city a locality belongs to, by name (display only). */
  in: text.optional(),
  pin: z
    .strictObject({ from: pinSchema, to: pinSchema })
    .refine((p) => p.from <= p.to, { message: 'pin.from must be ≤ pin.to' }),
  latin: z.array(text).optional(),
  spellings: spellingsSchema,
});
export const placesFileSchema = z.strictObject({
  ...provenance,
  places: z.array(placeSchema).min(1),
});
export type PlaceRecord = z.infer<typeof placeSchema>;

// ---------------------------------------------------------------- persons

export const personSchema = z.strictObject({
  id,
  latin: text,
  kind: z.enum(['given', 'family']),
  /** Only where the name is gendered; family names and unisex names leave it out. */
  gender: z.enum(['f', 'm']).optional(),
  latin_variants: z.array(text).optional(),
  spellings: spellingsSchema,
});
export const personsFileSchema = z.strictObject({
  ...provenance,
  persons: z.array(personSchema).min(1),
});
export type PersonRecord = z.infer<typeof personSchema>;

// ---------------------------------------------------------------- loanwords

export const loanwordSchema = z.strictObject({
  latin: z.string().regex(/^[a-z0-9][a-z0-9 '&.-]*$/, 'latin: lower-case English spelling'),
  domain: z.string().regex(/^[a-z_]+$/),
  spellings: spellingsSchema,
});
export const loanwordsFileSchema = z.strictObject({
  ...provenance,
  loanwords: z.array(loanwordSchema).min(1),
});
export type LoanwordRecord = z.infer<typeof loanwordSchema>;

// ---------------------------------------------------------------- templates

export const slotNames = [
  'phone',
  'otp',
  'account',
  'pincode',
  'amount',
  'house_number',
  'place',
  'brand',
  'person',
  'loanword',
  'date',
  'time',
  'vehicle_reg',
  'upi_id',
] as const;
export type SlotName = (typeof slotNames)[number];

export const templateClasses = [
  'digits',
  'currency',
  'addresses',
  'brands',
  'codemix',
  'proper_nouns',
  'dates_times',
  'mixed',
] as const;
export type TemplateClass = (typeof templateClasses)[number];

export const templateSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z]{2,3}-[a-z_]+-\d{3}$/, 'template id: "<lang>-<class>-NNN"'),
    class: z.enum(templateClasses),
    text,
    /** Slot names in order of appearance, each once. */
    slots: z.array(z.enum(slotNames)),
    /**
     * `machine`: written by a translation model (`charkha generate
     * --templates-from`) and not yet read by a person; `approved`: read and
     * kept (`charkha lexicon approve`). Absent: written by a person.
     */
    review: z.enum(['machine', 'approved']).optional(),
    /** The template this one was translated from (`en-digits-001`). */
    translated_from: z
      .string()
      .regex(/^[a-z]{2,3}-[a-z_]+-\d{3}$/)
      .optional(),
  })
  // A code-mix sentence may carry its entities as literal English words;
  // every other class exists to place typed entities, so it needs a slot.
  .refine((t) => t.slots.length > 0 || t.class === 'codemix', {
    message: 'only a codemix template may have no slot',
    path: ['slots'],
  });
export const templatesFileSchema = z.strictObject({
  ...provenance,
  lang: langCode,
  templates: z.array(templateSchema).min(1),
});
export type TemplateRecord = z.infer<typeof templateSchema>;

/** Translated templates whose slots did not come back exactly once: kept for a person, never used. */
export const rejectedTemplatesFileSchema = z.strictObject({
  ...provenance,
  lang: langCode,
  rejected: z.array(
    z.strictObject({
      translated_from: text,
      source_text: text,
      translation: z.string(),
      reason: text,
    }),
  ),
});
export type RejectedTemplatesFile = z.infer<typeof rejectedTemplatesFileSchema>;

// ---------------------------------------------------------------- formats

const perLangWords = z.record(langCode, z.array(text));

export const formatsFileSchema = z.strictObject({
  ...provenance,
  currency: z.strictObject({
    /** Written forms before or after the number: ₹, Rs., INR, रु. … */
    symbols: z.array(z.strictObject({ form: text, position: z.enum(['prefix', 'suffix']) })),
    /** Words for "rupees" and "paise" per language, as written in running text. */
    rupee_words: perLangWords,
    paise_words: perLangWords,
    /** Multiplier words with their values: lakh = 100000, crore = 10000000, thousand… */
    multipliers: z.array(
      z.strictObject({ value: z.number().int().positive(), words: perLangWords }),
    ),
    /** Indian digit grouping: 5,00,000. */
    grouping: z.literal('indian'),
  }),
  phone: z.strictObject({
    mobile_patterns: z.array(text),
    mobile_first_digits: z.array(z.string().regex(/^[0-9]$/)),
    landline_patterns: z.array(text),
    std_codes: z.array(
      z.strictObject({ city: text, state: text, code: z.string().regex(/^0\d{2,4}$/) }),
    ),
    toll_free_patterns: z.array(text),
  }),
  vehicle_reg: z.strictObject({
    /** L = letter, D = digit, sp = optional space; e.g. "SS DD LL DDDD". */
    patterns: z.array(text),
    states: z.array(
      z.strictObject({
        code: z.string().regex(/^[A-Z]{2}$/),
        state: text,
        rto: z.strictObject({ from: z.number().int().min(1), to: z.number().int().min(1) }),
        /** Example registrations of that state, as they are written. */
        examples: z.array(text).min(1),
      }),
    ),
    bharat_series: text,
  }),
  upi: z.strictObject({
    handle_suffixes: z.array(
      z.strictObject({ suffix: z.string().regex(/^@[a-z0-9]+$/), provider: text }),
    ),
    local_part_patterns: z.array(text),
  }),
  dates: z.record(
    langCode,
    z.strictObject({
      months: z.array(z.array(text).min(1)).length(12),
      weekdays: z.array(z.array(text).min(1)).length(7),
      relative: z.array(
        z.strictObject({ offset_days: z.number().int(), words: z.array(text).min(1) }),
      ),
      patterns: z.array(text).min(1),
    }),
  ),
  times: z.record(
    langCode,
    z.strictObject({
      day_parts: z.array(
        z.strictObject({
          from: z.number().int().min(0).max(23),
          to: z.number().int().min(0).max(24),
          words: z.array(text).min(1),
        }),
      ),
      fractions: z.array(
        z.strictObject({ minutes: z.number().int(), words: z.array(text).min(1), meaning: text }),
      ),
      patterns: z.array(text).min(1),
    }),
  ),
});
export type FormatsFile = z.infer<typeof formatsFileSchema>;
