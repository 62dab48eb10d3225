/**
 * The transliteration key of spec §3 (`loanword`, TWER): an English word
 * written in a native script ("डिलीवरी", "డెలివరీ") gets the same key as its
 * Latin spelling ("delivery"). Both sides go to one phonetic alphabet
 * (`romanize.ts`, `english-phonetic.ts`); the key then keeps what survives
 * the trip between scripts: the consonant skeleton (aspiration, retroflex
 * vs dental, v/w, doubled letters folded), whether the word starts with a
 * vowel, and the class of its final vowel (a / i-e / o-u). Inner vowels are
 * dropped, because English spelling says little about them and Hindi drops
 * inherent vowels (टारगेट = "target"); words that differ only there (team
 * and time) share a key.
 * Irregular words come from `assets/lexicons/common/loanword-aliases.json`.
 */
import { readLexiconJson } from './assets.js';
import { phoneticEnglishReadings } from './english-phonetic.js';
import { romanizeNativeReadings } from './romanize.js';
import { dominantScript } from './scripts.js';

const VOWEL = /[aeiou]/;

/**
 * Tamil script has one letter for k/g, t/d, p/b, and writes s, j, sh and z
 * with overlapping letters, so under Tamil these fall together on both sides.
 */
const TAMIL_CLASS: Readonly<Record<string, string>> = {
  g: 'k',
  d: 't',
  b: 'p',
  f: 'p',
  j: 's',
  z: 's',
  c: 's',
  S: 's',
  h: '',
};
/** Elsewhere only z/j/g merge (ज़/ज, and soft g spelt either way). */
const DEFAULT_CLASS: Readonly<Record<string, string>> = { z: 'g', j: 'g' };

/** Final vowels: a; i and e (English -y, Hindi -e/-ī); o and u. */
const FINAL_VOWEL_CLASS: Readonly<Record<string, string>> = {
  a: 'A',
  i: 'I',
  e: 'I',
  o: 'O',
  u: 'O',
};

/** The key of a word already in the phonetic alphabet ('' for a word without letters). */
function keyOfPhonetic(phonetic: string, tamil: boolean): string {
  if (phonetic === '') return '';
  let p = phonetic;
  const classes = tamil ? TAMIL_CLASS : DEFAULT_CLASS;
  // A final y after a vowel closes a diphthong (डिप्लॉय = "deploy").
  p = p.replace(/([aeiou])y$/, '$1i');
  // Past the first letter y is a glide (क्यू, బ్యాంక్, प्लेयर, இன்வாய்ஸ்), not a letter.
  let s = p[0] === 'y' ? 'y' + p.slice(1).replace(/y/g, '') : p.replace(/y/g, '');
  // Tamil writes the ou of account as avu (அக்கவுண்ட்); ḍj is the English dg (பட்ஜெட்).
  s = s.replace(/avu/g, 'au').replace(/[td]j/g, 'j');
  // A nasal before a labial is written m in English and anusvara in Indic.
  s = s.replace(/m(?=[pbf])/g, 'n');
  const startsVowel = VOWEL.test(s[0] ?? '');
  const endsVowel = s.length > 0 && VOWEL.test(s[s.length - 1]);
  let skeleton = '';
  for (const c of s) {
    if (VOWEL.test(c)) continue;
    const m = classes[c] ?? c;
    if (m !== '' && !skeleton.endsWith(m)) skeleton += m;
  }
  // Tamil writes ng as ங் alone (மீட்டிங், செட்டிங்ஸ்).
  if (tamil) skeleton = skeleton.replace(/nk/g, 'n');
  // The final vowel is kept as a class: spelling agrees on it far more than
  // on inner vowels, and it tells inflections apart (raha/rahi, apna/apne).
  const end = endsVowel ? FINAL_VOWEL_CLASS[s[s.length - 1]] : '';
  if (skeleton === '') return end === '' ? 'V' : end;
  return (startsVowel ? 'V' : '') + skeleton + end;
}

let aliasIndex: ReadonlyMap<string, string> | undefined;

/** Native spelling (NFC, lower case) → Latin spelling, from the alias table. */
function aliases(): ReadonlyMap<string, string> {
  if (aliasIndex) return aliasIndex;
  const raw = readLexiconJson('common/loanword-aliases.json') as
    { aliases?: Record<string, string[]> } | undefined;
  const m = new Map<string, string>();
  for (const [latin, natives] of Object.entries(raw?.aliases ?? {})) {
    for (const n of natives) m.set(n.normalize('NFC').toLowerCase(), latin);
  }
  aliasIndex = m;
  return m;
}

function usesTamilClasses(lang: string | undefined, ...words: string[]): boolean {
  return lang === 'ta' || words.some((w) => dominantScript(w) === 'Tamil');
}

/** Memo of `keysWith`: scoring asks for the same words over and over. */
const memo = new Map<string, string[]>();
const MEMO_MAX = 100_000;

/** Every key `word` may have: one per reading of its spelling (see `translitKeys`). */
function keysWith(word: string, tamil: boolean): string[] {
  const id = (tamil ? 't:' : 'x:') + word;
  const hit = memo.get(id);
  if (hit) return hit;
  const keys = computeKeys(word, tamil);
  if (memo.size >= MEMO_MAX) memo.clear();
  memo.set(id, keys);
  return keys;
}

function computeKeys(word: string, tamil: boolean): string[] {
  const w = word.normalize('NFC').toLowerCase().trim();
  const alias = aliases().get(w);
  const native = alias === undefined ? romanizeNativeReadings(w) : undefined;
  const keys: string[] = [];
  for (const p of native ?? phoneticEnglishReadings(alias ?? w)) {
    const k = keyOfPhonetic(p, tamil);
    if (!keys.includes(k)) keys.push(k);
  }
  return keys;
}

/**
 * The transliteration key of `word` (one word, any supported script; '' when
 * it has no letters), its usual reading (see `translitKeys`). With
 * `lang` `ta`, or for a Tamil-script word, the coarser Tamil classes apply:
 * compare a Latin word with a Tamil one under `lang = 'ta'`, or use
 * `sameWordAcrossScripts`, which picks the classes itself.
 */
export function translitKey(word: string, lang?: string): string {
  return keysWith(word, usesTamilClasses(lang, word))[0] ?? '';
}

/**
 * All keys of `word`: a Latin word has one per way its spelling may be read
 * (s or z, ch or k, th or d, x or gz, soft or hard g), the usual reading
 * first; a native word has one, or two when a Dravidian word ends in an
 * enunciative -u. Index words under all of them.
 */
export function translitKeys(word: string, lang?: string): string[] {
  return [...keysWith(word, usesTamilClasses(lang, word))];
}

/**
 * Whether `a` and `b` are one word written in two scripts ("మైగ్రేషన్" and
 * "migration"). Two words in the same script are the same word only when
 * they are spelt the same (after NFC and lower case).
 */
export function sameWordAcrossScripts(a: string, b: string, lang?: string): boolean {
  const na = a.normalize('NFC').toLowerCase().trim();
  const nb = b.normalize('NFC').toLowerCase().trim();
  if (na === nb) return true;
  if (dominantScript(na) === dominantScript(nb)) return false;
  const tamil = usesTamilClasses(lang, na, nb);
  const kb = keysWith(nb, tamil);
  return keysWith(na, tamil).some((k) => k !== '' && kb.includes(k));
}
