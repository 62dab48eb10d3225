/**
 * Orthographic syllables (aksharas) for AER, spec §2. Charkha segments them
 * itself rather than with `Intl.Segmenter`, whose grapheme rules differ
 * between ICU versions: a consonant, then any number of (virama +
 * consonant), then its signs (dependent vowel, nukta, anusvara, candrabindu,
 * visarga); an independent vowel with its signs; any other character on its
 * own. In Tamil a consonant with pulli ends its syllable, so க்க is two.
 */
import { brahmicOffset, scriptOf } from './scripts.js';

const MARK = /\p{M}/u;
const LETTER = /\p{L}/u;
const ZWJ = '\u200d';
const ZWNJ = '\u200c';
/** Virama (pulli, halant, hasanta, chandrakkala) sits at offset 0x4D in every Brahmic block. */
const VIRAMA_OFFSET = 0x4d;

type Kind = 'consonant' | 'vowel' | 'mark' | 'joiner' | 'letter' | 'other';

/** Per-block consonant letters beyond the common 0x15–0x39 and 0x58–0x5F ranges. */
const EXTRA_CONSONANTS: Readonly<Record<string, readonly number[]>> = {
  Devanagari: [0x79, 0x7a, 0x7b, 0x7c, 0x7e, 0x7f],
  Bengali: [0x70, 0x71], // Assamese ra, wa
  Odia: [0x71], // wa
};

function kindOf(c: string): Kind {
  if (c === ZWJ || c === ZWNJ) return 'joiner';
  if (MARK.test(c)) return 'mark';
  const off = brahmicOffset(c);
  if (off !== undefined && LETTER.test(c)) {
    if ((off >= 0x15 && off <= 0x39) || (off >= 0x58 && off <= 0x5f)) return 'consonant';
    if (EXTRA_CONSONANTS[scriptOf(c)]?.includes(off)) return 'consonant';
    if ((off >= 0x04 && off <= 0x14) || off === 0x60 || off === 0x61) return 'vowel';
    if (scriptOf(c) === 'Devanagari' && off >= 0x72 && off <= 0x77) return 'vowel';
    if (scriptOf(c) === 'Gurmukhi' && (off === 0x72 || off === 0x73)) return 'vowel';
    return 'letter';
  }
  return LETTER.test(c) ? 'letter' : 'other';
}

function isVirama(c: string): boolean {
  return brahmicOffset(c) === VIRAMA_OFFSET && MARK.test(c);
}

export interface AksharaSpan {
  text: string;
  /** Code-point offsets in the segmented text, end exclusive. */
  start: number;
  end: number;
}

/** The orthographic syllables of `text` with their code-point offsets; they concatenate back to `text`. */
export function aksharaSpans(text: string): AksharaSpan[] {
  const out: AksharaSpan[] = [];
  let curKind: Kind = 'other';
  /** True right after a virama (and any joiners after it): a consonant continues the cluster. */
  let open = false;
  let lastScript = '';
  let i = 0;
  for (const c of text) {
    const k = kindOf(c);
    const cur = out[out.length - 1];
    let extend = false;
    if (cur !== undefined && k === 'consonant') {
      // Tamil: pulli ends the syllable (க்க is two).
      extend =
        open && curKind === 'consonant' && lastScript === scriptOf(c) && lastScript !== 'Tamil';
    } else if (cur !== undefined && (k === 'mark' || k === 'joiner')) {
      extend = curKind === 'consonant' || curKind === 'vowel' || curKind === 'letter';
    }
    if (extend) {
      cur.text += c;
      cur.end = i + 1;
      if (k === 'consonant') open = false;
      else if (k === 'mark') open = isVirama(c);
    } else {
      out.push({ text: c, start: i, end: i + 1 });
      curKind = k;
      open = false;
    }
    if (k === 'consonant') lastScript = scriptOf(c);
    i++;
  }
  return out;
}

/** The orthographic syllables of `text`, in order. */
export function aksharas(text: string): string[] {
  return aksharaSpans(text).map((s) => s.text);
}
