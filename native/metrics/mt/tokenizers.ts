/**
 * sacrebleu's BLEU tokenisers: `13a` (its default, mteval-v13a), `none` and
 * `char`. The 13a regular expressions only name ASCII characters and run
 * over code points as Python's `re` does on `str`: Indic digits are not
 * `[0-9]` there, so `१२.५` splits at the dot exactly as in sacrebleu.
 */
import { pySplit } from './python-str.js';

export const BLEU_TOKENIZERS = ['13a', 'none', 'char'] as const;
export type BleuTokenizer = (typeof BLEU_TOKENIZERS)[number];

// mteval's symbol ranges: {|}~, [\]^_`, space to &, ( to +, : to @, and /.
const SYMBOLS = /([\x7B-\x7E\x5B-\x60\x20-\x26\x28-\x2B\x3A-\x40/])/gu;
const PERIOD_COMMA_AFTER_NON_DIGIT = /([^0-9])([.,])/gu;
const PERIOD_COMMA_BEFORE_NON_DIGIT = /([.,])([^0-9])/gu;
const DASH_AFTER_DIGIT = /([0-9])(-)/gu;

export function tokenize13a(line: string): string {
  let s = line.replaceAll('<skipped>', '').replaceAll('-\n', '').replaceAll('\n', ' ');
  if (s.includes('&')) {
    s = s
      .replaceAll('&quot;', '"')
      .replaceAll('&amp;', '&')
      .replaceAll('&lt;', '<')
      .replaceAll('&gt;', '>');
  }
  s = ` ${s} `
    .replace(SYMBOLS, ' $1 ')
    .replace(PERIOD_COMMA_AFTER_NON_DIGIT, '$1 $2 ')
    .replace(PERIOD_COMMA_BEFORE_NON_DIGIT, ' $1 $2')
    .replace(DASH_AFTER_DIGIT, '$1 $2 ');
  return pySplit(s).join(' ');
}

export function tokenizeChar(line: string): string {
  return Array.from(line).join(' ');
}

export function tokenizerFor(name: BleuTokenizer): (line: string) => string {
  if (name === '13a') return tokenize13a;
  if (name === 'char') return tokenizeChar;
  return (line) => line;
}
