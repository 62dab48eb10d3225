import { EN_NUMBERS } from './lang-en.js';
import { foldWord } from './fold.js';
import { NUMBER_DATA } from './langs.js';
import type { NumberLang, NumberLangData, Tok } from './types.js';

/** word (as written and folded) → tokens, built once per language. */
export type Lexicon = ReadonlyMap<string, readonly Tok[]>;

const built = new Map<NumberLang, Lexicon>();

function addData(m: Map<string, readonly Tok[]>, d: NumberLangData): void {
  const put = (w: string, toks: readonly Tok[]): void => {
    m.set(w, toks);
    m.set(foldWord(w), toks);
  };
  const one = (t: Tok): readonly Tok[] => [t];
  for (const [v, forms] of d.words) {
    const tok = one({ t: 'num', v, open: d.compositional && v >= 20 && v < 100 && v % 10 === 0 });
    for (const w of forms) put(w, tok);
  }
  for (const [v, forms] of d.combiningTens ?? []) {
    const tok = one({ t: 'num', v, open: true });
    for (const w of forms) put(w, tok);
  }
  for (const [v, forms] of d.scales) {
    const tok = one({ t: 'scale', v });
    for (const w of forms) put(w, tok);
  }
  for (const [w, toks] of d.extra ?? []) put(w, toks);
  for (const w of d.point) put(w, one({ t: 'point' }));
  for (const w of d.sawa ?? []) put(w, one({ t: 'frac', d: 0.25 }));
  for (const w of d.saade ?? []) put(w, one({ t: 'frac', d: 0.5 }));
  for (const w of d.paune ?? []) put(w, one({ t: 'frac', d: -0.25 }));
  for (const w of d.slash) put(w, one({ t: 'slash' }));
  for (const w of d.and ?? []) put(w, one({ t: 'and' }));
  for (const [n, forms] of d.repeat ?? []) {
    const tok = one({ t: 'rep', n });
    for (const w of forms) put(w, tok);
  }
  for (const [c, minor, forms] of d.currency) {
    const tok = one({ t: 'cur', c, minor });
    for (const w of forms) put(w, tok);
  }
}

/**
 * The lexicon for `lang`: its own words over the English ones, since
 * Indic speech mixes English number words in ("five lakh रुपये").
 */
export function lexiconFor(lang: NumberLang): Lexicon {
  let lex = built.get(lang);
  if (!lex) {
    const m = new Map<string, readonly Tok[]>();
    addData(m, EN_NUMBERS);
    if (lang !== 'en') addData(m, NUMBER_DATA[lang]);
    m.set('/', [{ t: 'slash' }]);
    m.set('-', [{ t: 'dash' }]);
    m.set('–', [{ t: 'dash' }]);
    m.set('₹', [{ t: 'cur', c: 'INR', minor: false }]);
    m.set('$', [{ t: 'cur', c: 'USD', minor: false }]);
    lex = m;
    built.set(lang, lex);
  }
  return lex;
}
