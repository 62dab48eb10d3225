import SanscriptModule from '@indic-transliteration/sanscript';
// The one contract file the renderer takes values from: it imports nothing (eslint.config.js).
import {
  canTransliterate,
  dropFinalVirama,
  ROMAN_SCHEMES,
  sanscriptScheme,
  TRANSLIT_SCRIPT,
  type RomanScheme,
} from '../../../native/contract/lang-scripts.js';

// A CommonJS library typed as `export default`: the bundle may hand over either shape.
type Transliterate = { t(data: string, from: string, to: string): string };
const lib = SanscriptModule as unknown as Transliterate & { default?: Transliterate };
const Sanscript: Transliterate = typeof lib.t === 'function' ? lib : lib.default!;

export { canTransliterate, ROMAN_SCHEMES, type RomanScheme };

/** One romanised word in the native script of `lang`. */
export function nativeWord(latin: string, lang: string, scheme: RomanScheme): string {
  return dropFinalVirama(
    Sanscript.t(latin, sanscriptScheme(lang, scheme), TRANSLIT_SCRIPT[lang]),
    lang,
  );
}

/** The Latin keys of the word being typed (Backspace takes one back). */
export class WordTyper {
  private latin = '';

  constructor(
    readonly lang: string,
    readonly scheme: RomanScheme,
  ) {}

  key(k: string): void {
    this.latin = k === 'Backspace' ? this.latin.slice(0, -1) : this.latin + k;
  }

  pending(): string {
    return this.latin;
  }

  current(): string {
    return this.latin ? nativeWord(this.latin, this.lang, this.scheme) : '';
  }
}

/** Latin keys that belong to a romanised word (ITRANS, IAST, HK and ISO letters and marks). */
const LATIN_KEY = /^[A-Za-z~^_`|\u00C0-\u024F\u1E00-\u1EFF]$/u;

export const SCHEME_NAMES: Record<RomanScheme, string> = {
  itrans: 'ITRANS',
  iast: 'IAST',
  hk: 'Harvard-Kyoto',
  iso: 'ISO 15919',
};

/** The word being typed: where its native text starts in the field and how long it is now. */
export interface WordInProgress {
  anchor: number;
  length: number;
  typer: WordTyper;
}

export interface FieldState {
  value: string;
  selectionStart: number;
  selectionEnd: number;
}

export interface TypedKey {
  value: string;
  caret: number;
  word: WordInProgress | null;
}

/**
 * One key typed into a text field in transliteration mode. Latin letters
 * build the word being typed, which is written again in native script on
 * every key ("k", "ka", "kaa" show క, క, కా); Backspace takes back one Latin
 * key while there are any. Anything else (space, digits, punctuation, a
 * caret moved elsewhere) ends the word, and the field handles the key
 * itself: null is returned.
 */
export function typeKey(
  field: FieldState,
  key: string,
  word: WordInProgress | null,
  lang: string,
  scheme: RomanScheme,
): TypedKey | null {
  const { value, selectionStart: s, selectionEnd: e } = field;
  const continuing = word !== null && s === e && s === word.anchor + word.length;
  if (key === 'Backspace') {
    if (!continuing || word.typer.pending() === '') return null;
    word.typer.key('Backspace');
    return rewrite(value, word);
  }
  if (!LATIN_KEY.test(key)) return null;
  let w = continuing ? word : null;
  if (!w) {
    // A new word at the caret, replacing any selected text.
    w = { anchor: s, length: e - s, typer: new WordTyper(lang, scheme) };
  }
  w.typer.key(key);
  return rewrite(value, w);
}

function rewrite(value: string, w: WordInProgress): TypedKey {
  const native = w.typer.current();
  const next = value.slice(0, w.anchor) + native + value.slice(w.anchor + w.length);
  const word: WordInProgress = { anchor: w.anchor, length: native.length, typer: w.typer };
  return {
    value: next,
    caret: w.anchor + native.length,
    word: w.typer.pending() === '' ? null : word,
  };
}
