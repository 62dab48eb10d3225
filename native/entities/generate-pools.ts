import { loadBrands, loadFormats, loadLoanwords, loadPersons, loadPlaces } from './lexicon.js';
import { spellingInScript } from './lexicon.js';
import { sameWordAcrossScripts } from '../text/translit-key.js';

/**
 * The lexicon entries a generator draws from, per language, in file order
 * (arrays only, so iteration order never depends on a Map or Set).
 */

export interface NamePick {
  id: string;
  /** Written forms in the language's script, most common first. */
  native: string[];
  /** Latin form (brand canonical, loanword spelling), when there is one. */
  latin?: string;
  /** Brands: the lexicon category (bank, food_delivery…). */
  category?: string;
}

export interface PlacePick extends NamePick {
  pinFrom: number;
  pinTo: number;
}

export interface Pools {
  lang: string;
  brands: NamePick[];
  places: PlacePick[];
  persons: NamePick[];
  loanwords: NamePick[];
  upiSuffixes: string[];
  /** Latin given names for UPI local parts. */
  upiNames: string[];
  months: string[];
  /** Latin loanword → its first native spelling (transliteration-checked). */
  loanwordNative: Map<string, string>;
}

const cache = new Map<string, Pools>();

/** Single words only: a multi-word name is a harder target than the engine is asked to read. */
function oneWord(s: string): boolean {
  return !/\s/u.test(s);
}

function nativeForms(aliases: readonly string[], lang: string): string[] {
  return aliases.filter(
    (a) => /\p{L}/u.test(a) && !/[A-Za-z]/.test(a) && spellingInScript(a, lang),
  );
}

export function poolsFor(lang: string): Pools {
  const hit = cache.get(lang);
  if (hit) return hit;
  const formats = loadFormats();
  const brands: NamePick[] = loadBrands()
    .map((b) => ({
      id: b.id,
      native: nativeForms(b.aliases, lang),
      latin: b.canonical,
      category: b.category,
    }))
    .filter((b) => b.native.length > 0 && /^[A-Za-z]+$/.test(b.latin));
  // Same-named places (dwarka, dwarka_delhi) share a native spelling: the
  // engine resolves it to the first, so a generated place uses that one.
  const placeOwner = new Map<string, string>();
  for (const p of loadPlaces())
    for (const a of p.aliases) if (!placeOwner.has(a)) placeOwner.set(a, p.id);
  const places: PlacePick[] = loadPlaces()
    .map((p) => ({
      id: p.id,
      native: nativeForms(p.aliases, lang).filter((a) => oneWord(a) && placeOwner.get(a) === p.id),
      pinFrom: Number(p.pin.from),
      pinTo: Number(p.pin.to),
    }))
    .filter((p) => p.native.length > 0);
  // A name spelled alike in several languages' lists (రమేష్: hi-ramesh,
  // te-ramesh) is one alias; its canonical id is the first entry that has
  // it, in lexicon order, which is the id the EHR alias index resolves to.
  const firstId = new Map<string, string>();
  for (const p of loadPersons())
    for (const a of p.aliases) if (!firstId.has(a)) firstId.set(a, p.id);
  const persons: NamePick[] = loadPersons(lang)
    .filter((p) => p.kind === 'given')
    .map((p) => {
      const native = (p.spellings[lang] ?? []).filter(oneWord);
      const id = native.length > 0 ? (firstId.get(native[0].normalize('NFC')) ?? p.id) : p.id;
      return { id, native, latin: p.latin };
    })
    .filter((p) => p.native.length > 0);
  const loanwords: NamePick[] = loadLoanwords()
    .filter((w) => /^[a-z]+$/.test(w.latin))
    .map((w) => ({
      id: w.latin,
      native: (w.spellings[lang] ?? []).filter(oneWord),
      latin: w.latin,
    }))
    // Acronyms (SIP, OTP: एसआईपी) are letter names, not transliterations:
    // the transliteration key cannot pair them with their Latin spelling.
    .filter((w) => w.native.length > 0 && sameWordAcrossScripts(w.latin!, w.native[0], lang));
  const upiNames = persons
    .map((p) => (p.latin ?? '').toLowerCase())
    .filter((n) => /^[a-z]{3,}$/.test(n));
  const dates = (formats.dates as Record<string, { months: string[][] }>)[lang];
  const pools: Pools = {
    lang,
    brands,
    places,
    persons,
    loanwords,
    upiSuffixes: formats.upi.handle_suffixes.map((h) => h.suffix),
    upiNames,
    loanwordNative: new Map(loanwords.map((w) => [w.latin!, w.native[0]])),
    months: dates ? dates.months.map((m) => m[0]) : [],
  };
  cache.set(lang, pools);
  return pools;
}
