/**
 * IndicTrans2's text preparation around the model, after AI4Bharat's
 * IndicProcessor (IndicTransToolkit): punctuation normalisation, Indic digits
 * to ASCII, the Indic NLP Library's normaliser and trivial tokeniser (or
 * Moses-style tokenisation for English), script unification to Devanagari,
 * and the reverse on the way out. The toolkit's own `<ID1>` placeholders for
 * URLs, e-mails and numerals are not used: Charkha protects entities itself
 * (protect.ts) with placeholders the preparation leaves intact.
 */
import { brahmicScriptOf, unifyScript } from './script-unify.js';

/** Typographic punctuation to ASCII, as IndicTransToolkit's `punc_norm` does. */
export function puncNorm(text: string): string {
  let t = text
    .replace(/\r/g, '')
    .replace(/\(/g, ' (')
    .replace(/\)/g, ') ')
    .replace(/\( /g, '(')
    .replace(/ \)/g, ')')
    .replace(/ :/g, ':')
    .replace(/ ;/g, ';')
    .replace(/`/g, "'")
    .replace(/[„“”]/g, '"')
    .replace(/–/g, '-')
    .replace(/—/g, ' - ')
    .replace(/[´‘‚’]/g, "'")
    .replace(/''/g, '"')
    .replace(/´´/g, '"')
    .replace(/…/g, '...')
    .replace(/ « /g, ' "')
    .replace(/« /g, '"')
    .replace(/«/g, '"')
    .replace(/ » /g, '" ')
    .replace(/ »/g, '"')
    .replace(/»/g, '"')
    .replace(/ %/g, '%')
    .replace(/ \?/g, '?')
    .replace(/ !/g, '!');
  t = t
    .replace(/ {2,}/g, ' ')
    .replace(/\) ([.!:?;,])/g, ')$1')
    .replace(/(\d) %/g, '$1%')
    .replace(/"([,.]+)/g, '$1"');
  return t.replace(/^ +| +$/g, '');
}

// First code point (zero) of each run of digits folded to ASCII: the Indic
// blocks, Arabic-Indic and Extended Arabic-Indic, Ol Chiki, Meetei Mayek.
const ZEROS = [
  0x0966, 0x09e6, 0x0a66, 0x0ae6, 0x0b66, 0x0be6, 0x0c66, 0x0ce6, 0x0d66, 0x0660, 0x06f0, 0x1c50,
  0xabf0,
];
const DIGITS = new RegExp(
  `[${ZEROS.map((z) => `\\u${z.toString(16).padStart(4, '0')}-\\u${(z + 9).toString(16).padStart(4, '0')}`).join('')}]`,
  'gu',
);

/** Digits of every Indic script (and Arabic-Indic, Ol Chiki, Meetei) to ASCII, as the toolkit folds them. */
export function asciiNumerals(text: string): string {
  return text.replace(DIGITS, (d) => {
    const c = d.codePointAt(0)!;
    return String(c - ZEROS.find((z) => c >= z && c <= z + 9)!);
  });
}

// Nukta letters the normaliser decomposes into base letter + nukta, by block.
const NUKTA_DECOMPOSE: Readonly<Record<string, string>> = {
  '\u0929': '\u0928\u093c',
  '\u0931': '\u0930\u093c',
  '\u0934': '\u0933\u093c',
  '\u0958': '\u0915\u093c',
  '\u0959': '\u0916\u093c',
  '\u095a': '\u0917\u093c',
  '\u095b': '\u091c\u093c',
  '\u095c': '\u0921\u093c',
  '\u095d': '\u0922\u093c',
  '\u095e': '\u092b\u093c',
  '\u095f': '\u092f\u093c',
  '\u09dc': '\u09a1\u09bc',
  '\u09dd': '\u09a2\u09bc',
  '\u09df': '\u09af\u09bc',
  '\u0a33': '\u0a32\u0a3c',
  '\u0a36': '\u0a38\u0a3c',
  '\u0a59': '\u0a16\u0a3c',
  '\u0a5a': '\u0a17\u0a3c',
  '\u0a5b': '\u0a1c\u0a3c',
  '\u0a5e': '\u0a2b\u0a3c',
  '\u0b5c': '\u0b21\u0b3c',
  '\u0b5d': '\u0b22\u0b3c',
};
const NUKTA_LETTERS = new RegExp(`[${Object.keys(NUKTA_DECOMPOSE).join('')}]`, 'g');

/** The Indic NLP Library's normaliser, as IndicTrans2 configures it (no nukta removal, nasals kept). */
export function indicNormalize(text: string): string {
  return text
    .replace(/[\ufeff\ufffe\u2060\u00ad\u200c\u200d]/g, '')
    .replace(/[\u200b\u00a0]/g, ' ')
    .replace(NUKTA_LETTERS, (c) => NUKTA_DECOMPOSE[c])
    .replace(/\u0972/g, '\u090f')
    .replace(/\|/g, '\u0964')
    .replace(/([\u0900-\u0d7f]):/g, (_m, c: string) => c + visargaOf(c));
}

function visargaOf(c: string): string {
  return String.fromCodePoint((c.codePointAt(0)! & ~0x7f) + 0x03);
}

const ASCII_PUNCT = '!"#$%&\'()*+,\\-./:;<=>?@\\[\\\\\\]^_`{|}~';
const INDIC_PUNCT = new RegExp(
  `([${ASCII_PUNCT}\u0964\u0965\uaaf0\uaaf1\uabeb-\uabef\u1c7e\u1c7f])`,
  'g',
);
// Numbers split by the tokeniser ("3 . 5") are joined again.
const NUM_SEQ = /([0-9]+ [,.:/] )+[0-9]+/g;

/** The Indic NLP Library's trivial tokeniser: punctuation apart, numbers kept whole. */
export function indicTokenize(text: string): string {
  const s = text.replace(/\t/g, ' ').replace(INDIC_PUNCT, ' $1 ').replace(/ +/g, ' ').trim();
  return s.replace(NUM_SEQ, (m) => m.replace(/ /g, ''));
}

/** Moses-style English tokenisation (escape off): symbols apart, commas outside numbers, a final period, clitics. */
export function englishTokenize(text: string): string {
  let t = ` ${text.replace(/\s+/g, ' ').trim()} `;
  t = t.replace(/([^\p{L}\p{M}\p{N}\s.'`,-])/gu, ' $1 ');
  t = t.replace(/([^\p{N}]),/gu, '$1 , ').replace(/,([^\p{N}])/gu, ' , $1');
  t = t.replace(/([^\p{L}])'([^\p{L}])/gu, "$1 ' $2");
  t = t.replace(/([^\p{L}\p{N}])'(\p{L})/gu, "$1 ' $2");
  t = t.replace(/(\p{L})'([^\p{L}])/gu, "$1 ' $2");
  t = t.replace(/(\p{L})'(\p{L})/gu, "$1 '$2");
  t = t.replace(/(\p{N})'(s)/gu, "$1 '$2");
  t = t.replace(/\.\s*$/u, ' . ');
  return t.replace(/ +/g, ' ').trim();
}

/** A source sentence as IndicTrans2 was trained to read it (without the language tags). */
export function prepareSource(text: string, lang: string): string {
  const s = asciiNumerals(puncNorm(text.replace(/\n/g, ' ')));
  if (lang === 'en') return englishTokenize(s);
  const tokens = indicTokenize(indicNormalize(s.trim()));
  const script = brahmicScriptOf(lang);
  if (script === undefined) return tokens;
  return unifyScript(tokens, script, 'Devanagari').replace(/ ् /g, '्');
}

const ATTACH_LEFT = /\s+([,.;:!?%)\]}\u0964\u0965])/g;
const ATTACH_RIGHT = /([([{])\s+/g;

/** Rejoins what the tokenisers split: punctuation to its word, quotes around what they quote. */
export function detokenize(text: string, lang: string): string {
  let t = text.replace(NUM_SEQ, (m) => m.replace(/ /g, ''));
  if (lang === 'en')
    t = t.replace(/(\p{L}) '(s|re|ve|ll|d|m|t)\b/gu, "$1'$2").replace(/ n't\b/g, "n't");
  // Straight quotes alternate: the first of a pair opens (joins what follows), the second closes.
  const out: string[] = [];
  const open = new Set<string>();
  let pending = '';
  for (const w of t.split(' ')) {
    if (w === '"' || w === "'") {
      if (open.has(w) && out.length > 0) {
        out[out.length - 1] += w;
        open.delete(w);
      } else {
        pending += w;
        open.add(w);
      }
      continue;
    }
    out.push(pending + w);
    pending = '';
  }
  if (pending !== '') out.push(pending);
  t = out.join(' ').replace(ATTACH_RIGHT, '$1').replace(ATTACH_LEFT, '$1');
  return t.trim();
}

/** The model's (Devanagari or English) output written as `lang` writes it. */
export function finishTarget(text: string, lang: string): string {
  const script = brahmicScriptOf(lang);
  let t = script === undefined ? text : unifyScript(text, 'Devanagari', script);
  // The toolkit's Odia fix: the transliterator writes YA + nukta for YYA.
  if (script === 'Odia') t = t.replace(/\u0b2f\u0b3c/g, '\u0b5f');
  if (lang === 'ur') t = t.replace(/ ([؟۔،])/g, '$1');
  return detokenize(t, lang);
}
