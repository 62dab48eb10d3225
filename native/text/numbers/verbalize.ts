import { UserError } from '../../contract/errors.js';
import { EN_ORDINALS } from './calendar-words.js';
import { NUMBER_DATA } from './langs.js';
import { checkLang } from './parse.js';
import type { CurrencyCode, NumberLang } from './types.js';
import { cardinalWords } from './verbalize-cardinal.js';
import type { CardinalStyle } from './verbalize-cardinal.js';

/**
 * Values as a speaker reads them, for the corpus generator's `spoken` text
 * and the TTS: words only, no digits, deterministic. Every output parses
 * back to its value with the parser in this folder (the tests check it).
 */

function checkInt(n: number, what: string): void {
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new UserError('bad_input', `${what}: expected a non-negative integer, got ${n}`);
  }
}

export function verbalizeCardinal(value: number, lang: string, style?: CardinalStyle): string {
  const l = checkLang(lang);
  if (!Number.isInteger(value)) return verbalizeDecimal(value, l);
  checkInt(value, 'verbalizeCardinal');
  return cardinalWords(value, l, style ?? 'indian').join(' ');
}

/** 3.14 → "three point one four": the integer part as a cardinal, then digit by digit. */
export function verbalizeDecimal(value: number | string, lang: string): string {
  const l = checkLang(lang);
  const s = typeof value === 'number' ? String(value) : value.trim();
  const m = /^([0-9]+)(?:\.([0-9]+))?$/.exec(s);
  if (!m) throw new UserError('bad_input', `verbalizeDecimal: "${s}" is not a decimal number`);
  const int = cardinalWords(Number(m[1]), l);
  if (!m[2]) return int.join(' ');
  return [...int, NUMBER_DATA[l].point[0], ...[...m[2]].map((d) => cardinalWords(+d, l)[0])].join(
    ' ',
  );
}

/**
 * Digit by digit, leading zeros kept. `grouping` ([5, 5] for a mobile
 * number) ends each group with a comma, which a TTS reads as a pause.
 */
export function verbalizeDigits(
  digitString: string,
  lang: string,
  opts?: { grouping?: number[] },
): string {
  const l = checkLang(lang);
  if (!/^[0-9]*$/.test(digitString)) {
    throw new UserError('bad_input', `verbalizeDigits: "${digitString}" is not a digit string`);
  }
  const words = [...digitString].map((d) => cardinalWords(+d, l)[0]);
  const grouping = opts?.grouping;
  if (!grouping?.length) return words.join(' ');
  const out: string[] = [];
  let k = 0;
  for (const g of grouping) {
    if (k >= words.length) break;
    const part = words.slice(k, k + g);
    k += g;
    if (k < words.length) part[part.length - 1] += ',';
    out.push(...part);
  }
  out.push(...words.slice(k));
  return out.join(' ');
}

type CurrencyNames = { one: string; many: string; minorOne: string; minorMany: string };
const CURRENCY_WORDS: Record<NumberLang, Partial<Record<CurrencyCode, CurrencyNames>>> = {
  hi: {
    INR: { one: 'रुपया', many: 'रुपये', minorOne: 'पैसा', minorMany: 'पैसे' },
    USD: { one: 'डॉलर', many: 'डॉलर', minorOne: 'cent', minorMany: 'cents' },
  },
  te: {
    INR: { one: 'రూపాయి', many: 'రూపాయలు', minorOne: 'పైసా', minorMany: 'పైసలు' },
    USD: { one: 'డాలర్', many: 'డాలర్లు', minorOne: 'cent', minorMany: 'cents' },
  },
  ta: {
    INR: { one: 'ரூபாய்', many: 'ரூபாய்', minorOne: 'பைசா', minorMany: 'பைசா' },
    USD: { one: 'டாலர்', many: 'டாலர்', minorOne: 'cent', minorMany: 'cents' },
  },
  gu: {
    INR: { one: 'રૂપિયો', many: 'રૂપિયા', minorOne: 'પૈસા', minorMany: 'પૈસા' },
    USD: { one: 'ડોલર', many: 'ડોલર', minorOne: 'cent', minorMany: 'cents' },
  },
  en: {
    INR: { one: 'rupee', many: 'rupees', minorOne: 'paisa', minorMany: 'paise' },
    USD: { one: 'dollar', many: 'dollars', minorOne: 'cent', minorMany: 'cents' },
    EUR: { one: 'euro', many: 'euros', minorOne: 'cent', minorMany: 'cents' },
    GBP: { one: 'pound', many: 'pounds', minorOne: 'penny', minorMany: 'pence' },
  },
};

/** An amount (major units, decimals for paise/cents) with its currency words. */
export function verbalizeCurrency(
  amount: number,
  lang: string,
  opts?: { currency?: CurrencyCode; style?: CardinalStyle },
): string {
  const l = checkLang(lang);
  const code = opts?.currency ?? 'INR';
  const names = CURRENCY_WORDS[l][code] ?? CURRENCY_WORDS.en[code];
  if (!names) throw new UserError('unsupported', `verbalizeCurrency: no words for ${code}`);
  if (!Number.isFinite(amount) || amount < 0) {
    throw new UserError('bad_input', `verbalizeCurrency: bad amount ${amount}`);
  }
  const cents = Math.round(amount * 100);
  const major = Math.floor(cents / 100);
  const minor = cents % 100;
  const style = opts?.style ?? 'indian';
  const out: string[] = [];
  if (major > 0 || minor === 0) {
    out.push(...cardinalWords(major, l, style, true), major === 1 ? names.one : names.many);
  }
  if (minor > 0) {
    out.push(
      ...cardinalWords(minor, l, style, true),
      minor === 1 ? names.minorOne : names.minorMany,
    );
  }
  return out.join(' ');
}

function monthWord(lang: NumberLang, m: number): string {
  const w = NUMBER_DATA[lang].months[m - 1][0];
  return lang === 'en' ? w[0].toUpperCase() + w.slice(1) : w;
}

/** ISO date (YYYY-MM-DD) → "पंद्रह अगस्त दो हज़ार चौबीस" (day, month, year). */
export function verbalizeDate(iso: string, lang: string): string {
  const l = checkLang(lang);
  const m = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/.exec(iso);
  const y = m ? +m[1] : 0;
  const mo = m ? +m[2] : 0;
  const d = m ? +m[3] : 0;
  if (!m || mo < 1 || mo > 12 || d < 1 || d > 31) {
    throw new UserError('bad_input', `verbalizeDate: "${iso}" is not an ISO date (YYYY-MM-DD)`);
  }
  const day = l === 'en' ? EN_ORDINALS[d] : cardinalWords(d, l).join(' ');
  return [day, monthWord(l, mo), ...cardinalWords(y, l)].join(' ');
}

/**
 * 'HH:MM' (24-hour) → how the time is said. Hindi and Gujarati use the
 * quarter words where natural (सवा चार, साढ़े तीन, पौने पाँच, डेढ़, ढाई);
 * every Indic reading names the day part (सुबह, దోపహర్…), English says am/pm.
 */
export function verbalizeTime(hhmm: string, lang: string): string {
  const l = checkLang(lang);
  const m = /^([0-9]{1,2}):([0-9]{2})$/.exec(hhmm);
  const h = m ? +m[1] : -1;
  const min = m ? +m[2] : -1;
  if (!m || h > 23 || min > 59) {
    throw new UserError('bad_input', `verbalizeTime: "${hhmm}" is not a time (HH:MM)`);
  }
  const d = NUMBER_DATA[l];
  const t = d.time;
  const h12 = (x: number): number => (x % 12 === 0 ? 12 : x % 12);
  const partOf = (x: number): string => t.parts.find(([, hours]) => hours.includes(x))![0][0];
  const words = (n: number): string => cardinalWords(n, l).join(' ');

  if (l === 'en') {
    const mins = min === 0 ? "o'clock" : min < 10 ? `oh ${words(min)}` : words(min);
    return `${words(h12(h))} ${mins} ${partOf(h)}`;
  }
  if ((l === 'hi' || l === 'gu') && min % 15 === 0) {
    // साढ़े/सवा name the current hour, पौने the next one.
    const spoken = min === 45 ? (h + 1) % 24 : h;
    const s12 = h12(spoken);
    let phrase: string;
    if (min === 0) phrase = words(s12);
    else if (min === 30 && s12 === 1) phrase = wordFor15(l, 1.5);
    else if (min === 30 && s12 === 2) phrase = wordFor15(l, 2.5);
    else if (min === 30) phrase = `${d.saade![0]} ${words(s12)}`;
    else if (min === 15) phrase = `${d.sawa![0]} ${words(s12)}`;
    else phrase = `${d.paune![0]} ${words(s12)}`;
    return `${partOf(spoken)} ${phrase} ${t.hour[0]}`;
  }
  const hourWord = min === 0 ? t.hour[0] : (t.hourThen ?? t.hour)[0];
  const out = [partOf(h), words(h12(h)), hourWord];
  if (min > 0) out.push(words(min), t.minute[0]);
  return out.join(' ');
}

function wordFor15(lang: NumberLang, v: number): string {
  return NUMBER_DATA[lang].words.find(([x]) => x === v)![1][0];
}
