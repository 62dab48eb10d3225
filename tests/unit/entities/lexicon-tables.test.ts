import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  lexiconLanguages,
  lexiconRoot,
  loadFormats,
  loadLoanwords,
  loadPersons,
  loadPlaces,
  spellingInScript,
} from '../../../native/entities/lexicon.js';
import { personsFileSchema, placesFileSchema } from '../../../native/entities/lexicon-schema.js';

const readJson = (rel: string): unknown =>
  JSON.parse(readFileSync(join(lexiconRoot(), rel), 'utf8')) as unknown;

/** Every spelling under a `spellings` map must be in the script of its key's language. */
function offScript(owner: string, spellings: Record<string, string[]>): string[] {
  const bad: string[] = [];
  for (const [lang, forms] of Object.entries(spellings)) {
    for (const f of forms) if (!spellingInScript(f, lang)) bad.push(`${owner}.${lang}: ${f}`);
  }
  return bad;
}

// India Post's first PIN digit is the postal zone; a place filed under the
// wrong state (or a mistyped PIN) shows up here.
const PIN_ZONE: Record<string, string> = {
  Delhi: '1',
  Haryana: '1',
  Punjab: '1',
  Chandigarh: '1',
  'Himachal Pradesh': '1',
  'Jammu and Kashmir': '1',
  Ladakh: '1',
  'Uttar Pradesh': '2',
  Uttarakhand: '2',
  Rajasthan: '3',
  Gujarat: '3',
  Maharashtra: '4',
  'Madhya Pradesh': '4',
  Chhattisgarh: '4',
  Goa: '4',
  'Andhra Pradesh': '5',
  Telangana: '5',
  Karnataka: '5',
  'Tamil Nadu': '6',
  Kerala: '6',
  Puducherry: '6',
  'West Bengal': '7',
  Odisha: '7',
  Assam: '7',
  Meghalaya: '7',
  Tripura: '7',
  Manipur: '7',
  Mizoram: '7',
  Nagaland: '7',
  'Arunachal Pradesh': '7',
  Sikkim: '7',
  'Andaman and Nicobar Islands': '7',
  Bihar: '8',
  Jharkhand: '8',
};

describe('language folders', () => {
  it('has hi, te, ta and en, each described by a language.json', () => {
    expect(lexiconLanguages()).toEqual(expect.arrayContaining(['en', 'hi', 'ta', 'te']));
  });
});

describe('places lexicon', () => {
  const places = loadPlaces();
  it('validates and meets the floor of 500 places', () => {
    expect(places.length).toBeGreaterThanOrEqual(500);
  });
  it('has unique ids', () => {
    expect(new Set(places.map((p) => p.id)).size).toBe(places.length);
  });
  it('weights toward AP/Telangana, Tamil Nadu and the Hindi belt', () => {
    const n = (states: string[]) => places.filter((p) => states.includes(p.state)).length;
    expect(n(['Andhra Pradesh', 'Telangana'])).toBeGreaterThanOrEqual(100);
    expect(n(['Tamil Nadu'])).toBeGreaterThanOrEqual(100);
    expect(
      n(['Uttar Pradesh', 'Bihar', 'Madhya Pradesh', 'Rajasthan', 'Delhi']),
    ).toBeGreaterThanOrEqual(100);
  });
  it('puts every locality in a city or town of the same state', () => {
    const towns = new Set(
      places.filter((p) => p.kind !== 'locality').map((p) => `${p.canonical}|${p.state}`),
    );
    const orphans = places
      .filter((p) => p.kind === 'locality' && !towns.has(`${p.in ?? ''}|${p.state}`))
      .map((p) => `${p.id} in ${p.in ?? '?'}`);
    expect(orphans).toEqual([]);
  });
  it('gives 6-digit PIN ranges with from ≤ to and the postal zone of the state', () => {
    const bad: string[] = [];
    for (const p of places) {
      const { from, to } = p.pin;
      if (!/^\d{6}$/.test(from) || !/^\d{6}$/.test(to) || from > to)
        bad.push(`${p.id}: ${from}-${to}`);
      const zone = PIN_ZONE[p.state];
      if (zone === undefined) bad.push(`${p.id}: unknown state ${p.state}`);
      else if (from[0] !== zone || to[0] !== zone)
        bad.push(`${p.id}: ${from}-${to} not zone ${zone} (${p.state})`);
    }
    expect(bad).toEqual([]);
  });
  it('writes every native spelling in its script, with hi, te and ta for every place', () => {
    const file = placesFileSchema.parse(readJson('common/places.json'));
    const bad = file.places.flatMap((p) => [
      ...offScript(p.id, p.spellings),
      ...['hi', 'te', 'ta'].filter((l) => !p.spellings[l]?.length).map((l) => `${p.id}: no ${l}`),
    ]);
    expect(bad).toEqual([]);
  });
});

describe('persons lexicon', () => {
  it('validates and meets the floor of 300 names over hi, te and ta', () => {
    const all = loadPersons();
    expect(all.length).toBeGreaterThanOrEqual(300);
    for (const lang of ['hi', 'te', 'ta']) {
      const names = loadPersons(lang);
      expect(names.length).toBeGreaterThanOrEqual(90);
      expect(names.filter((n) => n.kind === 'given').length).toBeGreaterThan(30);
      expect(names.filter((n) => n.kind === 'family').length).toBeGreaterThan(30);
    }
    expect(new Set(all.map((p) => p.id)).size).toBe(all.length);
  });
  it('writes every name in its own language script at least, every spelling in its script', () => {
    for (const lang of ['hi', 'te', 'ta']) {
      const file = personsFileSchema.parse(readJson(`${lang}/persons.json`));
      const bad = file.persons.flatMap((p) => [
        ...offScript(p.id, p.spellings),
        ...(p.spellings[lang]?.length ? [] : [`${p.id}: no ${lang} spelling`]),
        ...(p.kind === 'family' && p.gender ? [`${p.id}: family name with gender`] : []),
      ]);
      expect(bad).toEqual([]);
    }
  });
});

describe('loanwords lexicon', () => {
  const words = loadLoanwords();
  it('validates and meets the floor of 500 loanwords', () => {
    expect(words.length).toBeGreaterThanOrEqual(500);
  });
  it('has each Latin word once and spellings in hi, te and ta', () => {
    expect(new Set(words.map((w) => w.latin)).size).toBe(words.length);
    const bad = words.flatMap((w) => [
      ...offScript(w.latin, w.spellings),
      ...['hi', 'te', 'ta']
        .filter((l) => !w.spellings[l]?.length)
        .map((l) => `${w.latin}: no ${l}`),
    ]);
    expect(bad).toEqual([]);
  });
  it('includes the everyday code-mix core', () => {
    const latin = new Set(words.map((w) => w.latin));
    for (const w of [
      'delivery',
      'order',
      'account',
      'payment',
      'refund',
      'booking',
      'ticket',
      'recharge',
      'balance',
      'otp',
      'password',
      'update',
      'cancel',
      'meeting',
      'office',
      'salary',
      'loan',
      'emi',
    ]) {
      expect(latin.has(w), w).toBe(true);
    }
    const order = words.find((w) => w.latin === 'order');
    expect(order?.spellings.hi).toContain('ऑर्डर');
    expect(order?.spellings.te).toContain('ఆర్డర్');
    expect(order?.spellings.ta).toContain('ஆர்டர்');
  });
});

describe('formats', () => {
  const f = loadFormats();
  it('has currency words for every template language and the Indian multipliers', () => {
    for (const lang of ['hi', 'te', 'ta', 'en']) {
      expect(f.currency.rupee_words[lang]?.length, lang).toBeGreaterThan(0);
    }
    expect(f.currency.multipliers.map((m) => m.value)).toEqual(
      expect.arrayContaining([1000, 100000, 10000000]),
    );
  });
  it('has STD codes of the metros and unique vehicle state codes with sane RTO ranges', () => {
    const std = new Map(f.phone.std_codes.map((s) => [s.city, s.code]));
    expect(std.get('Hyderabad')).toBe('040');
    expect(std.get('Chennai')).toBe('044');
    expect(std.get('Delhi')).toBe('011');
    const codes = f.vehicle_reg.states.map((s) => s.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const s of f.vehicle_reg.states) {
      expect(s.rto.from, s.code).toBeLessThanOrEqual(s.rto.to);
      for (const e of s.examples) expect(e.replace(/\s/g, '').startsWith(s.code), e).toBe(true);
    }
  });
  it('lists the common UPI handles', () => {
    const suffixes = f.upi.handle_suffixes.map((h) => h.suffix);
    for (const s of ['@okaxis', '@ybl', '@paytm', '@upi', '@okhdfcbank', '@oksbi', '@ibl'])
      expect(suffixes).toContain(s);
  });
  it('has 12 months and 7 weekdays per language, each in its script', () => {
    for (const [lang, d] of Object.entries(f.dates)) {
      const bad = [...d.months.flat(), ...d.weekdays.flat()].filter(
        (w) => !spellingInScript(w, lang),
      );
      expect(bad, lang).toEqual([]);
    }
  });
});

// A dependent vowel sign or virama must follow a consonant: a sign at the
// start of a word, two signs in a row or two viramas are typing slips that a
// script-range check lets through.
describe('well-formed Indic text in every lexicon file', () => {
  const SIGN = '\u093e-\u094d\u0c3e-\u0c4d\u0bbe-\u0bcd';
  const malformed = new RegExp(`(^|\\s)[${SIGN}]|[${SIGN}][${SIGN}]`, 'u');
  const files = [
    'common/brands.json',
    'common/places.json',
    'common/loanwords.json',
    'common/formats.json',
    ...['hi', 'te', 'ta', 'en'].flatMap((l) => [`${l}/templates.json`]),
    ...['hi', 'te', 'ta'].map((l) => `${l}/persons.json`),
  ];
  it.each(files)('%s', (file) => {
    const bad: string[] = [];
    const walk = (v: unknown): void => {
      if (typeof v === 'string') {
        if (malformed.test(v.normalize('NFC'))) bad.push(v);
      } else if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object') Object.values(v).forEach(walk);
    };
    walk(readJson(file));
    expect(bad).toEqual([]);
  });
});
