/**
 * Native-script words to a rough phonetic Latin string, for the
 * transliteration key (spec §3, `loanword`). Every Brahmic block is first
 * mapped onto Devanagari by its block offset (the blocks share one layout),
 * then romanised to IAST with Sanscript, then reduced to a small phonetic
 * alphabet: vowels a e i o u, consonants k g c j t d n p b m y r l v s S
 * (for "sh") h f z.
 */
import { Sanscript } from './sanscript.js';
import {
  BRAHMIC_BLOCK_START,
  brahmicOffset,
  dominantScript,
  isBrahmic,
  scriptOf,
} from './scripts.js';

const DEVA = BRAHMIC_BLOCK_START.Devanagari;
const MARK = /\p{M}/u;
const LETTER = /\p{L}/u;

/** Scripts whose word-final inherent vowel is silent (Hindi कमल is "kamal"). */
const FINAL_SCHWA_SILENT = new Set(['Devanagari', 'Bengali', 'Gurmukhi', 'Gujarati']);
/** Scripts that add an enunciative -u to consonant-final loanwords (బస్సు for "bus"). */
const ENUNCIATIVE_U = new Set(['Telugu', 'Kannada', 'Tamil', 'Malayalam']);

/** Offsets rewritten before romanising, for letters Sanscript's IAST does not know. */
const OFFSET_REWRITE: ReadonlyMap<number, readonly number[]> = new Map([
  [0x11, [0x13]], // candra O ऑ → O
  [0x49, [0x4b]], // candra o sign ॉ → o sign
  [0x0d, [0x0f]], // candra E ऍ → E
  [0x45, [0x47]], // candra e sign ॅ → e sign
  [0x01, [0x02]], // candrabindu → anusvara
  [0x29, [0x28]], // ṉa (Tamil ன) → na
  [0x31, [0x30]], // ṟa (Tamil ற) → ra
  [0x34, [0x32]], // ḻa (Tamil ழ) → la
  [0x4e, [0x24, 0x4d]], // Bengali khanda ta ৎ → t + virama
  [0x7a, [0x23, 0x4d]], // Malayalam chillu ṇ
  [0x7b, [0x28, 0x4d]], // chillu n
  [0x7c, [0x30, 0x4d]], // chillu r
  [0x7d, [0x32, 0x4d]], // chillu l
  [0x7e, [0x33, 0x4d]], // chillu ḷ
  [0x7f, [0x15, 0x4d]], // chillu k
]);

function isConsonantOffset(off: number): boolean {
  return (off >= 0x15 && off <= 0x39) || (off >= 0x58 && off <= 0x5f);
}

/** `word` (one Brahmic script) as Devanagari code points, with the fixes above. */
function toDevanagari(word: string): string {
  let out = '';
  // NFC, not NFD: NFD would split two-part vowel signs (Tamil ோ = ே + ா)
  // into two vowels; NFC already splits the nukta letters (क़ = क + ़).
  const cps = Array.from(word.normalize('NFC'));
  for (let k = 0; k < cps.length; k++) {
    const c = cps[k];
    const off = brahmicOffset(c);
    if (off === undefined) {
      if (LETTER.test(c)) out += c;
      continue;
    }
    const script = scriptOf(c);
    // Tamil aytham before pa writes "f" (ஃப): Devanagari pha is folded to f later.
    if (script === 'Tamil' && off === 0x03) {
      if (brahmicOffset(cps[k + 1] ?? '') === 0x2a) {
        out += String.fromCodePoint(DEVA + 0x2b);
        k++;
      }
      continue;
    }
    if (off === 0x3c) continue; // nukta: ज़/ज, फ़/फ fold to the same key anyway
    const rewrite = OFFSET_REWRITE.get(off);
    if (
      rewrite &&
      (off !== 0x4e || script === 'Bengali') &&
      (off < 0x7a || script === 'Malayalam')
    ) {
      for (const o of rewrite) out += String.fromCodePoint(DEVA + o);
    } else {
      out += String.fromCodePoint(DEVA + off);
    }
  }
  return out.normalize('NFC');
}

/** Silence a word-final inherent vowel by writing a virama after the last consonant. */
function silenceFinalSchwa(deva: string): string {
  const cps = Array.from(deva);
  const last = brahmicOffset(cps[cps.length - 1] ?? '');
  const letters = cps.filter((c) => !MARK.test(c)).length;
  if (last !== undefined && isConsonantOffset(last) && letters >= 2) {
    return deva + String.fromCodePoint(DEVA + 0x4d);
  }
  return deva;
}

const IAST_FOLD: readonly (readonly [string, string])[] = [
  ['ṭh', 't'],
  ['ḍh', 'd'],
  ['kh', 'k'],
  ['gh', 'g'],
  ['ch', 'c'],
  ['jh', 'j'],
  ['th', 't'],
  ['dh', 'd'],
  ['ph', 'f'],
  ['bh', 'b'],
  ['ṅ', 'n'],
  ['ñ', 'n'],
  ['ṭ', 't'],
  ['ḍ', 'd'],
  ['ṇ', 'n'],
  ['ś', 'S'],
  ['ṣ', 'S'],
  ['ṃ', 'n'],
  ['ḥ', ''],
  ['~', 'n'],
  ['ṝ', 'ri'],
  ['ṛ', 'ri'],
  ['l̤', 'l'],
  ['ḷ', 'l'],
];

/** IAST to the phonetic alphabet. */
function foldIast(iast: string): string {
  let s = iast.normalize('NFC').toLowerCase();
  for (const [from, to] of IAST_FOLD) s = s.split(from).join(to);
  s = s.normalize('NFD').replace(/\p{M}/gu, '');
  return s.replace(/[^a-zS]/g, '');
}

/** Scripts where a word-final anusvara is an m (ఫారం = "form"), not a nasal vowel. */
const FINAL_ANUSVARA_M = new Set(['Telugu', 'Kannada', 'Malayalam']);

/**
 * The readings of a native-script word in the phonetic alphabet, the plain
 * one first; `undefined` when the word is not in a Brahmic script. A
 * Dravidian word ending in a short -u has a second reading without it:
 * consonant-final loanwords take an enunciative -u (బస్సు = "bus"), while
 * native words keep it (ఇప్పుడు = "ippudu").
 */
export function romanizeNativeReadings(word: string): string[] | undefined {
  const script = dominantScript(word);
  if (!isBrahmic(script)) return undefined;
  let deva = toDevanagari(word);
  if (FINAL_SCHWA_SILENT.has(script)) deva = silenceFinalSchwa(deva);
  let iast = Sanscript.t(deva, 'devanagari', 'iast').normalize('NFC');
  if (FINAL_ANUSVARA_M.has(script)) iast = iast.replace(/ṃ$/, 'm');
  let p = foldIast(iast);
  // Telugu and Kannada write an English initial /æ/ as yā (యాప్ = "app").
  if ((script === 'Telugu' || script === 'Kannada') && iast.startsWith('yā')) p = p.slice(1);
  const out = [p];
  if (ENUNCIATIVE_U.has(script) && p.length > 2 && /[^aeiou]u$/.test(p)) out.push(p.slice(0, -1));
  return out;
}

/** The plain reading of a native-script word (see `romanizeNativeReadings`). */
export function romanizeNative(word: string): string | undefined {
  return romanizeNativeReadings(word)?.[0];
}
