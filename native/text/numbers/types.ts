/**
 * Types shared by the number parser and verbaliser. The parser works on
 * primitive tokens: every known word maps to a short, precomputed token list
 * (a fused Tamil word such as இருபதாயிரம் becomes [20, ×1000]), so one
 * grammar serves every language.
 */

export type NumberLang = 'hi' | 'te' | 'ta' | 'en' | 'gu';

export type CurrencyCode = 'INR' | 'USD' | 'EUR' | 'GBP';

export type NumberReadingKind = 'cardinal' | 'digits' | 'mixed' | 'slash';

export interface NumberReading {
  /** First word of the reading (index into the input words). */
  startWord: number;
  /** One past the last word. */
  endWord: number;
  /**
   * The amount. For `digits` readings it is Number(digitString) (it may lose
   * precision past 2^53: use digitString); for `slash` readings, the first part.
   */
  value: number;
  kind: NumberReadingKind;
  /** Digit-by-digit or digit-group readings: the digits, leading zeros kept. */
  digitString?: string;
  /** `slash` readings: the parts joined by '/', e.g. "12/4" for बारह बटा चार. */
  slashText?: string;
  currency?: CurrencyCode;
  /** A currency word or sign is part of the reading (रुपये, ₹, Rs, paise). */
  hasCurrencyWord: boolean;
}

/** A primitive token; instances are shared and never mutated. */
export type Tok =
  | {
      t: 'num';
      v: number;
      /** A tens word that can take a unit after it ("twenty" → "twenty four"). */
      open?: boolean;
      /** Only a number next to other number words ("oh", "a", "half"). */
      weak?: boolean;
    }
  | { t: 'scale'; v: number }
  /** ASCII digits (native digits are mapped); `s` may hold one '.'. */
  | { t: 'ascii'; s: string }
  | { t: 'point' }
  /** सवा (+¼), साढ़े (+½), पौने (−¼): apply to the number (or scale) after. */
  | { t: 'frac'; d: number }
  | { t: 'cur'; c: CurrencyCode; minor: boolean }
  | { t: 'slash' }
  | { t: 'and' }
  /** "double", "triple" in digit sequences. */
  | { t: 'rep'; n: number }
  | { t: 'dash' };

/** One language's number vocabulary, as written in `lang-*.ts`. */
export interface NumberLangData {
  lang: NumberLang;
  /** Tens words take a following unit (te, ta, en); in hi every 1–99 is a word. */
  compositional: boolean;
  /** value → spellings; the first is the one the verbaliser writes. */
  words: ReadonlyArray<readonly [number, readonly string[]]>;
  /** Tens written in their combining form (Tamil இருபத்தி): value → spellings. */
  combiningTens?: ReadonlyArray<readonly [number, readonly string[]]>;
  /** Scale words and their case forms: value → spellings. */
  scales: ReadonlyArray<readonly [number, readonly string[]]>;
  /** Any further words: spelling → tokens (fused forms, fractions…). */
  extra?: ReadonlyArray<readonly [string, readonly Tok[]]>;
  point: readonly string[];
  /** Quarter forms: सवा, साढ़े, पौने. */
  sawa?: readonly string[];
  saade?: readonly string[];
  paune?: readonly string[];
  slash: readonly string[];
  and?: readonly string[];
  repeat?: ReadonlyArray<readonly [number, readonly string[]]>;
  currency: ReadonlyArray<readonly [CurrencyCode, boolean /* minor unit */, readonly string[]]>;
  /** January..December, each with its spellings. */
  months: ReadonlyArray<readonly string[]>;
  /** Suffixes a Dravidian word may carry after a number (locative, dative…). */
  suffixes?: readonly string[];
  time: TimeWords;
}

export interface TimeWords {
  /** "o'clock" words: बजे, గంటలకు, மணி. */
  hour: readonly string[];
  /** बजकर: hour word that announces minutes. */
  hourThen?: readonly string[];
  minute: readonly string[];
  /** Day parts → the 24-hour hours they cover, in speaking order. */
  parts: ReadonlyArray<readonly [readonly string[], readonly number[]]>;
}
