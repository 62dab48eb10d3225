/**
 * Romanisation ↔ native script for the scripts @indic-transliteration/sanscript
 * supports, in the four schemes linguists use: ITRANS, IAST, Harvard-Kyoto
 * and ISO 15919. Dravidian languages get the schemes' Dravidian variants
 * where they exist, so that short e/o (ె/ొ, எ/ஒ) survive.
 */
import { UserError } from '../contract/errors.js';
import {
  DRAVIDIAN_LANGS,
  dropFinalVirama,
  ROMAN_SCHEMES,
  sanscriptScheme,
  TRANSLIT_SCRIPT,
  type RomanScheme,
} from '../contract/lang-scripts.js';
import { Sanscript } from './sanscript.js';

export { ROMAN_SCHEMES, TRANSLIT_SCRIPT, type RomanScheme };

/** Schemes that are lossless by design for the language (every native letter has its own spelling). */
export function losslessByDesign(lang: string, scheme: RomanScheme): boolean {
  if (scheme === 'iso') return true;
  // IAST has no short e/o, so Dravidian e/ē and o/ō collapse.
  if (scheme === 'iast') return !DRAVIDIAN_LANGS.has(lang);
  return true;
}

function scriptFor(lang: string): string {
  const s = TRANSLIT_SCRIPT[lang];
  if (!s) {
    throw new UserError(
      'unsupported',
      `no transliteration for language "${lang}" (supported: ${Object.keys(TRANSLIT_SCRIPT).join(', ')})`,
    );
  }
  return s;
}

function schemeCheck(scheme: string): RomanScheme {
  if (!(ROMAN_SCHEMES as readonly string[]).includes(scheme)) {
    throw new UserError(
      'bad_input',
      `unknown romanisation scheme "${scheme}" (known: ${ROMAN_SCHEMES.join(', ')})`,
    );
  }
  return scheme as RomanScheme;
}

/** Native-script text of `lang` to Latin in `scheme`. Latin already in the text stays as it is. */
export function toRoman(text: string, lang: string, scheme: string = 'itrans'): string {
  return Sanscript.t(text, scriptFor(lang), sanscriptScheme(lang, schemeCheck(scheme)));
}

/** Latin in `scheme` to the native script of `lang`. */
export function fromRoman(text: string, lang: string, scheme: string = 'itrans'): string {
  return Sanscript.t(text, sanscriptScheme(lang, schemeCheck(scheme)), scriptFor(lang));
}

/** Between two native scripts (e.g. Telugu written in Kannada letters back to Telugu). */
export function betweenScripts(text: string, fromLang: string, toLang: string): string {
  return Sanscript.t(text, scriptFor(fromLang), scriptFor(toLang));
}

/**
 * Turns Latin keystrokes into native script as the user types: the Latin
 * of the word being typed is kept, and the whole word is transliterated
 * again on every key, so that "k", "ka", "kaa" show क, क, का. A space or
 * punctuation ends the word. Backspace removes one Latin key.
 */
export class TypingTransliterator {
  private committed = '';
  private latin = '';

  constructor(
    readonly lang: string,
    readonly scheme: RomanScheme = 'itrans',
  ) {
    scriptFor(lang);
  }

  key(k: string): string {
    if (k === 'Backspace') {
      if (this.latin) this.latin = this.latin.slice(0, -1);
      else this.committed = Array.from(this.committed).slice(0, -1).join('');
    } else if (/^[\s.,;:!?()"'।॥-]$/u.test(k)) {
      this.committed += this.current() + k;
      this.latin = '';
    } else {
      this.latin += k;
    }
    return this.text();
  }

  /** The word being typed, in native script. */
  current(): string {
    if (!this.latin) return '';
    return dropFinalVirama(fromRoman(this.latin, this.lang, this.scheme), this.lang);
  }

  text(): string {
    return this.committed + this.current();
  }

  /** The Latin keys of the word being typed, for showing beside the field. */
  pending(): string {
    return this.latin;
  }
}
