/**
 * An entity written as the target language writes it: digits stay digits
 * (ASCII, as Indian text of every script writes them today), amounts get
 * Indian digit grouping and the target's rupee word (or ₹ in English),
 * dates and times the target's words from the number code, and names in the
 * target's script: a lexicon spelling first, then transliteration.
 */
import { aliasKey, loadBrands, loadPersons, loadPlaces } from '../entities/lexicon.js';
import type { CanonicalValue } from '../metrics/ehr/value-spans.js';
import { phoneticEnglish } from '../text/english-phonetic.js';
import { isNumberLang, verbalizeDate, verbalizeTime } from '../text/numbers/index.js';
import { asciiDigits } from '../text/numbers/tokens.js';
import { romanizeNative } from '../text/romanize.js';
import { dominantScript, isBrahmic, scriptOfLang } from '../text/scripts.js';
import type { Script } from '../text/scripts.js';
import { betweenScripts, fromRoman } from '../text/transliterate.js';

/** Spellings of one named thing by script; Latin is its canonical form. */
type Spellings = Map<Script, string>;

let lexicon: Map<string, Spellings> | undefined;

// A lexicon file that is absent (a partial install, a test tree) leaves that kind out.
function tryLoad<T>(load: () => T[]): T[] {
  try {
    return load();
  } catch {
    return [];
  }
}

function nameLexicon(): Map<string, Spellings> {
  if (lexicon) return lexicon;
  lexicon = new Map();
  const add = (latin: string, forms: readonly string[]): void => {
    const spellings: Spellings = new Map([['Latin', latin]]);
    for (const f of forms) {
      const s = dominantScript(f);
      if (!spellings.has(s)) spellings.set(s, f);
    }
    for (const f of [latin, ...forms]) {
      const k = aliasKey(f);
      if (!lexicon!.has(k)) lexicon!.set(k, spellings);
    }
  };
  for (const b of tryLoad(loadBrands)) add(b.canonical, b.aliases);
  for (const p of tryLoad(loadPlaces)) add(p.canonical, p.aliases);
  for (const p of tryLoad(() => loadPersons())) {
    add(p.latin, [...Object.values(p.spellings).flat(), ...p.aliases]);
  }
  return lexicon;
}

/** Brahmic scripts that write a word-final consonant without its virama (schwa deletion). */
const SCHWA_DELETING = new Set<Script>(['Devanagari', 'Gujarati', 'Bengali', 'Gurmukhi', 'Odia']);

/**
 * A Latin word in a Brahmic script, through the phonetic spelling the
 * scorer's transliteration key uses, written as ITRANS: final i and a long,
 * a final consonant without virama where the script drops the schwa.
 */
function latinWordToNative(word: string, lang: string, script: Script): string {
  let p = phoneticEnglish(word.toLowerCase()).replace(/S/g, 'sh');
  if (script !== 'Devanagari') p = p.replace(/z/g, 'j').replace(/f/g, 'ph');
  if (/i$/.test(p)) p = p.slice(0, -1) + 'I';
  else if (/a$/.test(p)) p = p.slice(0, -1) + 'A';
  else if (SCHWA_DELETING.has(script) && /[^aeiou]$/.test(p)) p += 'a';
  return fromRoman(p, lang);
}

function capitalise(w: string): string {
  return w.charAt(0).toUpperCase() + w.slice(1);
}

/** Acronyms stay in Latin letters: Indian text of every script writes "OTP", "EMI", "NGO" so. */
function isAcronym(word: string): boolean {
  return /^[A-Z][A-Z0-9&.]{1,7}$/.test(word);
}

function wordInScript(
  word: string,
  have: Script,
  target: Script,
  sourceLang: string,
  targetLang: string,
): string {
  const known = nameLexicon().get(aliasKey(word))?.get(target);
  if (known !== undefined) return known;
  if (isAcronym(word)) return word;
  if (have === 'Latin' && isBrahmic(target)) return latinWordToNative(word, targetLang, target);
  if (isBrahmic(have) && target === 'Latin') return capitalise(romanizeNative(word) ?? word);
  if (isBrahmic(have) && isBrahmic(target)) return betweenScripts(word, sourceLang, targetLang);
  return word;
}

/**
 * A name in the script of `targetLang`: the lexicon's spelling of the whole
 * name, else word by word (lexicon, then transliteration).
 */
export function renderName(surface: string, sourceLang: string, targetLang: string): string {
  const target = scriptOfLang(targetLang);
  const have = dominantScript(surface);
  if (have === target || have === 'Common') return surface;
  const known = nameLexicon().get(aliasKey(surface))?.get(target);
  if (known !== undefined) return known;
  return surface
    .split(/\s+/)
    .filter((w) => w !== '')
    .map((w) => wordInScript(w, dominantScript(w), target, sourceLang, targetLang))
    .join(' ');
}

/** 1234567.5 → "12,34,567.5" (lakh and crore grouping). */
export function indianGrouping(n: number): string {
  const [int, frac] = String(Math.abs(n)).split('.');
  const last3 = int.slice(-3);
  const rest = int.slice(0, -3).replace(/\B(?=(\d{2})+(?!\d))/g, ',');
  const grouped = rest === '' ? last3 : `${rest},${last3}`;
  return (n < 0 ? '-' : '') + grouped + (frac !== undefined ? `.${frac}` : '');
}

const RUPEE_WORD: Readonly<Record<string, string>> = {
  hi: 'रुपये',
  mr: 'रुपये',
  te: 'రూపాయలు',
  ta: 'ரூபாய்',
};

const CURRENCY_SIGN: Readonly<Record<string, string>> = { INR: '₹', USD: '$', EUR: '€', GBP: '£' };

export function renderAmount(value: number, currency: string | undefined, lang: string): string {
  const n = indianGrouping(value);
  if (currency === undefined) return n;
  if (currency === 'INR' && RUPEE_WORD[lang] !== undefined) return `${n} ${RUPEE_WORD[lang]}`;
  const sign = CURRENCY_SIGN[currency];
  return sign !== undefined ? `${sign}${n}` : `${n} ${currency}`;
}

/**
 * The source's own written form in ASCII digits, when it has nothing but
 * digits, separators and (for codes) Latin letters; number words are not
 * kept, they are the source language's.
 */
function asWritten(surface: string, letters = false): string | undefined {
  const s = asciiDigits(surface);
  const ok = letters ? /^[0-9A-Za-z\s\-/.,+()#:]+$/ : /^[0-9\s\-/.,+()#:]+$/;
  return ok.test(s) ? s : undefined;
}

/** The entity as the target language writes it. */
export function renderEntity(
  e: { surface: string; canonical: CanonicalValue },
  sourceLang: string,
  targetLang: string,
): string {
  const v = e.canonical;
  switch (v.kind) {
    case 'digits':
      return asWritten(e.surface) ?? v.digits;
    case 'code':
      return asWritten(e.surface, true) ?? v.code;
    case 'amount':
      return renderAmount(v.value, v.currency, targetLang);
    case 'date':
      return (
        asWritten(e.surface) ??
        (isNumberLang(targetLang) ? verbalizeDate(v.date, targetLang) : v.date)
      );
    case 'time':
      return (
        asWritten(e.surface) ??
        (isNumberLang(targetLang) ? verbalizeTime(v.time, targetLang) : v.time)
      );
    case 'name':
    case 'loanword':
    case 'literal':
      return renderName(e.surface, sourceLang, targetLang);
  }
}
