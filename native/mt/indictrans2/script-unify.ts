/**
 * IndicTrans2's script unification: every Brahmic-script language is fed to
 * the model in Devanagari and its output comes back in Devanagari, to be
 * written in the target's own script afterwards. This is the Indic NLP
 * Library's `UnicodeIndicTransliterator` that IndicTrans2 calls: a letter
 * keeps its offset in the shared Brahmic block layout, only the first 0x70
 * offsets (the coordinated range) move, the dandas stay, and Tamil, which
 * lacks voiced and aspirated stops, gets the nearest letter it has.
 */
import { BRAHMIC_BLOCK_START, isBrahmic, scriptOfLang } from '../../text/scripts.js';
import type { BrahmicScript } from '../../text/scripts.js';

const COORDINATED_END = 0x6f;
const DANDA = 0x0964;
const DOUBLE_DANDA = 0x0965;

/** The nearest offset Tamil has for `offset` (the Indic NLP Library's rules). */
function tamilOffset(offset: number): number {
  let o = offset;
  // The first four consonant rows: voiced and aspirated stops become the row's first letter; ja stays.
  if (o >= 0x15 && o <= 0x28 && o !== 0x1c && (o - 0x15) % 5 !== 0 && (o - 0x15) % 5 !== 4) {
    o = 0x15 + 5 * Math.floor((o - 0x15) / 5);
  }
  if (o === 0x2b || o === 0x2c || o === 0x2d) o = 0x2a;
  if (o === 0x36) o = 0x37;
  return o;
}

/** Rewrites the letters of `from`'s script in `to`'s; anything else is left as it is. */
export function unifyScript(text: string, from: BrahmicScript, to: BrahmicScript): string {
  if (from === to) return text;
  const base = BRAHMIC_BLOCK_START[from];
  const target = BRAHMIC_BLOCK_START[to];
  let out = '';
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    const offset = c - base;
    if (offset >= 0 && offset <= COORDINATED_END && c !== DANDA && c !== DOUBLE_DANDA) {
      out += String.fromCodePoint(target + (to === 'Tamil' ? tamilOffset(offset) : offset));
    } else out += ch;
  }
  return out;
}

/** The Brahmic script of `lang`, or undefined (English, Urdu: not unified). */
export function brahmicScriptOf(lang: string): BrahmicScript | undefined {
  const s = scriptOfLang(lang);
  return isBrahmic(s) ? s : undefined;
}
