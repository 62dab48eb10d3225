import { translitKey } from '../text/translit-key.js';
import { loadBrands, loadLoanwords, loadPersons, loadPlaces } from './lexicon.js';
import { REGIONS } from './tagger-gazetteer.js';

/**
 * The name side of the tagger: brands, places and persons from the lexicon
 * aliases, loanwords from the loanword table's spellings and, for spellings
 * the table lacks, the transliteration key of their Latin form.
 */

export interface NameHit {
  type: 'brand' | 'place' | 'person' | 'loanword';
  value: string;
}

interface NameIndex {
  /** NFC, lower-cased alias → entry; the first kind wins (brand, place, person). */
  aliases: Map<string, NameHit>;
  /** Per language: native loanword spelling → Latin. */
  loanSpellings: Map<string, Map<string, string>>;
  /** Transliteration key of each one-word place alias → place (variant spellings: దిల్లీ, ఢిల్లీ). */
  placeKeys: Map<string, NameHit>;
  /** Transliteration key of each Latin loanword → Latin (single words only). */
  loanKeys: Map<string, string>;
  maxWords: number;
}

let index: NameIndex | undefined;

export function aliasKey(s: string): string {
  return s.normalize('NFC').toLowerCase();
}

const PLACE_KEY_MIN = 5;

/** Names this short are everyday syllables far more often than names. */
const MIN_ALIAS_CP = 2;

export function nameIndex(): NameIndex {
  if (index) return index;
  const aliases = new Map<string, NameHit>();
  let maxWords = 1;
  const add = (alias: string, hit: NameHit): void => {
    const k = aliasKey(alias);
    if ([...k].length < MIN_ALIAS_CP || aliases.has(k)) return;
    aliases.set(k, hit);
    maxWords = Math.max(maxWords, k.split(' ').length);
  };
  for (const b of loadBrands()) for (const a of b.aliases) add(a, { type: 'brand', value: b.id });
  for (const p of loadPlaces()) for (const a of p.aliases) add(a, { type: 'place', value: p.id });
  for (const r of REGIONS) for (const f of r.forms) add(f, { type: 'place', value: r.id });
  for (const p of loadPersons()) for (const a of p.aliases) add(a, { type: 'person', value: p.id });
  const placeKeys = new Map<string, NameHit>();
  const addKey = (alias: string, hit: NameHit): void => {
    if (alias.includes(' ') || [...alias].length < 4) return;
    const k = translitKey(alias);
    // Short keys (consonant skeletons of 3–4 letters) collide with everyday words.
    if (k.length >= PLACE_KEY_MIN && !placeKeys.has(k)) placeKeys.set(k, hit);
  };
  for (const p of loadPlaces())
    for (const a of p.aliases) addKey(a, { type: 'place', value: p.id });
  for (const r of REGIONS) for (const f of r.forms) addKey(f, { type: 'place', value: r.id });
  const loanSpellings = new Map<string, Map<string, string>>();
  const loanKeys = new Map<string, string>();
  for (const w of loadLoanwords()) {
    for (const [lang, list] of Object.entries(w.spellings)) {
      let m = loanSpellings.get(lang);
      if (!m) loanSpellings.set(lang, (m = new Map()));
      for (const s of list) if (!m.has(s.normalize('NFC'))) m.set(s.normalize('NFC'), w.latin);
    }
    if (!w.latin.includes(' ')) {
      const k = translitKey(w.latin);
      if (k.length >= 3 && !loanKeys.has(k)) loanKeys.set(k, w.latin);
    }
  }
  index = { aliases, placeKeys, loanSpellings, loanKeys, maxWords: Math.min(maxWords, 4) };
  return index;
}

/** A native-script word as a loanword: its spelling in the table, or its transliteration key. */
export function nativeLoanword(word: string, lang: string): string | undefined {
  const idx = nameIndex();
  const w = word.normalize('NFC');
  const exact = idx.loanSpellings.get(lang)?.get(w);
  if (exact !== undefined) return exact;
  if ([...w].length < 4) return undefined;
  return idx.loanKeys.get(translitKey(w, lang));
}

/** A native-script word as a variant spelling of a known place (same transliteration key). */
export function placeByKey(word: string, lang: string): NameHit | undefined {
  if ([...word].length < 4 || /[A-Za-z]/.test(word)) return undefined;
  // A known loanword spelling (పాలసీ) is that word, not a place.
  if (nameIndex().loanSpellings.get(lang)?.has(word.normalize('NFC'))) return undefined;
  const k = translitKey(word.normalize('NFC'), lang);
  return k.length >= PLACE_KEY_MIN ? nameIndex().placeKeys.get(k) : undefined;
}
