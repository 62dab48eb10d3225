/**
 * Loaders for the entity lexicons in `assets/lexicons/`: brands, places,
 * persons, English loanwords, entity formats and sentence templates. A
 * language is a folder of data (`assets/lexicons/<lang>/`), so nothing here
 * names a language; `common/` holds the multi-script tables.
 *
 * Every file is validated with its schema on first use and cached for the
 * life of the process: the tables are read-only and the scorer asks for them
 * once per utterance.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import {
  brandsFileSchema,
  formatsFileSchema,
  languageFileSchema,
  loanwordsFileSchema,
  personsFileSchema,
  placesFileSchema,
  templatesFileSchema,
} from './lexicon-schema.js';
import type {
  FormatsFile,
  LanguageFile,
  PersonRecord,
  PlaceRecord,
  TemplateRecord,
} from './lexicon-schema.js';

export interface BrandEntry {
  id: string;
  canonical: string;
  category: string;
  /** Canonical, Latin alternates and every native spelling; NFC, Latin lower-cased, unique. */
  aliases: string[];
}

export interface PlaceEntry {
  id: string;
  canonical: string;
  kind: PlaceRecord['kind'];
  state: string;
  /** For a locality: the city it belongs to. */
  in?: string;
  pin: { from: string; to: string };
  aliases: string[];
}

export interface PersonEntry {
  id: string;
  /** The language folder the name came from (the region it is typical of). */
  lang: string;
  latin: string;
  kind: PersonRecord['kind'];
  gender?: 'f' | 'm';
  spellings: Record<string, string[]>;
  aliases: string[];
}

export interface LoanwordEntry {
  latin: string;
  domain: string;
  spellings: Record<string, string[]>;
}

export type TemplateEntry = TemplateRecord;
export type Formats = FormatsFile;
export type LanguageInfo = LanguageFile;

let rootCache: string | undefined;

/**
 * Absolute path of `assets/lexicons`. Walk up from this module rather than
 * use a fixed relative path: the engine runs both from `native/entities/`
 * (tests, tsx) and from `dist/native/entities/` (the build).
 */
export function lexiconRoot(): string {
  if (rootCache !== undefined) return rootCache;
  const start = dirname(fileURLToPath(import.meta.url));
  let dir = start;
  for (;;) {
    const candidate = join(dir, 'assets', 'lexicons');
    if (existsSync(candidate) && statSync(candidate).isDirectory()) {
      rootCache = candidate;
      return candidate;
    }
    const up = dirname(dir);
    if (up === dir) throw new Error(`assets/lexicons not found in any folder above ${start}`);
    dir = up;
  }
}

/**
 * Validate parsed JSON against a schema; on failure throw an error that names
 * the file and the first offending field (`brands[12].spellings.te[0]`), which
 * is what the person fixing the data needs.
 */
export function parseLexicon<T>(schema: z.ZodType<T>, data: unknown, file: string): T {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const lines = result.error.issues.slice(0, 5).map((issue) => {
    const field = formatPath(issue.path);
    return `  ${field || '(top level)'}: ${issue.message}`;
  });
  const more = result.error.issues.length > 5 ? `\n  … ${result.error.issues.length - 5} more` : '';
  throw new Error(`invalid lexicon file ${file}:\n${lines.join('\n')}${more}`);
}

function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += (out ? '.' : '') + String(part);
  }
  return out;
}

const fileCache = new Map<string, unknown>();

/** Read, parse and validate `assets/lexicons/<rel>` once per process. */
function loadFile<T>(rel: string, schema: z.ZodType<T>): T {
  const hit = fileCache.get(rel);
  if (hit !== undefined) return hit as T;
  const parsed = readLexiconFile(join(lexiconRoot(), rel), schema);
  fileCache.set(rel, parsed);
  return parsed;
}

/** Read, parse and validate one lexicon file anywhere (a folder under review), uncached. */
export function readLexiconFile<T>(path: string, schema: z.ZodType<T>): T {
  const shown = relative(process.cwd(), path) || path;
  if (!existsSync(path)) throw new Error(`lexicon file missing: ${shown}`);
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8')) as unknown;
  } catch (e) {
    throw new Error(`cannot parse lexicon file ${shown}: ${(e as Error).message}`);
  }
  return parseLexicon(schema, data, shown);
}

/** NFC everywhere (files may be saved decomposed); Latin folded so "PAYTM" finds Paytm. */
export function aliasKey(s: string): string {
  return s.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}

function aliasList(...groups: (readonly string[] | undefined)[]): string[] {
  const out = new Set<string>();
  for (const g of groups) for (const s of g ?? []) out.add(aliasKey(s));
  return [...out];
}

function allSpellings(spellings: Record<string, string[]>): string[] {
  return Object.values(spellings).flat();
}

function nfcSpellings(spellings: Record<string, string[]>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [lang, forms] of Object.entries(spellings))
    out[lang] = forms.map((f) => f.normalize('NFC'));
  return out;
}

let brandsCache: BrandEntry[] | undefined;

/** Brands, Indian and global, with every alias in every script. */
export function loadBrands(): BrandEntry[] {
  if (brandsCache) return brandsCache;
  const file = loadFile('common/brands.json', brandsFileSchema);
  brandsCache = file.brands.map((b) => ({
    id: b.id,
    canonical: b.canonical,
    category: b.category,
    aliases: aliasList([b.canonical], b.latin, allSpellings(b.spellings)),
  }));
  return brandsCache;
}

let placesCache: PlaceEntry[] | undefined;

/** Cities, towns, localities and districts with their postal PIN ranges. */
export function loadPlaces(): PlaceEntry[] {
  if (placesCache) return placesCache;
  const file = loadFile('common/places.json', placesFileSchema);
  placesCache = file.places.map((p) => {
    const entry: PlaceEntry = {
      id: p.id,
      canonical: p.canonical,
      kind: p.kind,
      state: p.state,
      pin: { from: p.pin.from, to: p.pin.to },
      aliases: aliasList([p.canonical], p.latin, allSpellings(p.spellings)),
    };
    if (p.in) entry.in = p.in;
    return entry;
  });
  return placesCache;
}

const personsCache = new Map<string, PersonEntry[]>();

/**
 * Person names (given and family) typical of a language's region; without a
 * language, those of every language folder that has a `persons.json`.
 */
export function loadPersons(lang?: string): PersonEntry[] {
  if (lang === undefined)
    return lexiconLanguages().flatMap((l) => (hasFile(`${l}/persons.json`) ? loadPersons(l) : []));
  const hit = personsCache.get(lang);
  if (hit) return hit;
  const file = loadFile(`${lang}/persons.json`, personsFileSchema);
  const entries = file.persons.map((p): PersonEntry => {
    const spellings = nfcSpellings(p.spellings);
    const entry: PersonEntry = {
      id: p.id,
      lang,
      latin: p.latin,
      kind: p.kind,
      spellings,
      aliases: aliasList([p.latin], p.latin_variants, allSpellings(spellings)),
    };
    if (p.gender) entry.gender = p.gender;
    return entry;
  });
  personsCache.set(lang, entries);
  return entries;
}

let loanwordsCache: LoanwordEntry[] | undefined;

/** English words used in Indian code-mix, with their native spellings per language. */
export function loadLoanwords(): LoanwordEntry[] {
  if (loanwordsCache) return loanwordsCache;
  const file = loadFile('common/loanwords.json', loanwordsFileSchema);
  loanwordsCache = file.loanwords.map((w) => ({
    latin: w.latin,
    domain: w.domain,
    spellings: nfcSpellings(w.spellings),
  }));
  return loanwordsCache;
}

/**
 * Sentence templates of one language: `assets/lexicons/<lang>/templates.json`,
 * or `<folder>/templates.json` of a lexicon folder under review.
 */
export function loadTemplates(lang: string, folder?: string): TemplateEntry[] {
  const file =
    folder === undefined
      ? loadFile(`${lang}/templates.json`, templatesFileSchema)
      : readLexiconFile(join(folder, 'templates.json'), templatesFileSchema);
  if (file.lang !== lang) {
    const shown = folder === undefined ? `${lang}/templates.json` : join(folder, 'templates.json');
    throw new Error(
      `invalid lexicon file ${shown}:\n  lang: is "${file.lang}", expected "${lang}"`,
    );
  }
  return file.templates;
}

/** Currency, phone, vehicle-registration, UPI, date and time formats. */
export function loadFormats(): Formats {
  return loadFile('common/formats.json', formatsFileSchema);
}

/** A language folder's description: names, script, the code-point ranges of its script. */
export function loadLanguage(lang: string): LanguageInfo {
  return loadFile(`${lang}/language.json`, languageFileSchema);
}

/** Language folders present under `assets/lexicons/` (every folder but `common`), sorted. */
export function lexiconLanguages(): string[] {
  const root = lexiconRoot();
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && d.name !== 'common' && /^[a-z]{2,3}$/.test(d.name))
    .map((d) => d.name)
    .sort();
}

function hasFile(rel: string): boolean {
  return existsSync(join(lexiconRoot(), rel));
}

/** Characters a native spelling may hold besides its script's letters: joiners, digits, spacing. */
const NEUTRAL = new Set([0x200c, 0x200d, 0x20, 0x27, 0x2e, 0x26, 0x2b, 0x2d]);

const rangesCache = new Map<string, [number, number][]>();

/**
 * Whether every character of `s` is in the script of language `lang` (its
 * `language.json` ranges), ZWNJ/ZWJ, an ASCII digit, a space or `' . & + -`.
 * Used to keep a Latin or wrong-script letter out of native spellings.
 */
export function spellingInScript(s: string, lang: string): boolean {
  let ranges = rangesCache.get(lang);
  if (!ranges) {
    ranges = loadLanguage(lang).script_ranges.map((r) => {
      const [a, b] = r.split('-');
      return [parseInt(a, 16), parseInt(b, 16)] as [number, number];
    });
    rangesCache.set(lang, ranges);
  }
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    if (NEUTRAL.has(cp) || (cp >= 0x30 && cp <= 0x39)) continue;
    if (!ranges.some(([a, b]) => cp >= a && cp <= b)) return false;
  }
  return true;
}
