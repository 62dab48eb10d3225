import { TA_HUNDREDS } from './lang-ta.js';
import { NUMBER_DATA } from './langs.js';
import { tamilFuse } from './tamil-sandhi.js';
import type { NumberLang } from './types.js';

/**
 * Cardinals as a speaker reads them. `beforeNoun` picks the form a
 * Dravidian scale word takes before a noun (ఐదు లక్షల రూపాయలు, not
 * లక్షలు). Indian grouping (lakh, crore) unless English is asked for
 * international grouping; the crore count may itself be large (सौ करोड़).
 */
export type CardinalStyle = 'indian' | 'international';

const canonical = new Map<NumberLang, Map<number, string>>();

function wordFor(lang: NumberLang, v: number): string {
  let m = canonical.get(lang);
  if (!m) {
    m = new Map();
    for (const [val, forms] of NUMBER_DATA[lang].words) if (!m.has(val)) m.set(val, forms[0]);
    for (const [val, forms] of NUMBER_DATA[lang].scales) if (!m.has(-val)) m.set(-val, forms[0]);
    canonical.set(lang, m);
  }
  const w = m.get(v);
  if (w === undefined) throw new Error(`numbers: no ${lang} word for ${v}`);
  return w;
}

/** 0–99 as words; compositional languages build 21–99 from tens + unit. */
function below100(lang: NumberLang, n: number): string[] {
  const d = NUMBER_DATA[lang];
  if (!d.compositional || n < 20 || n % 10 === 0) return [wordFor(lang, n)];
  const tens = n - (n % 10);
  if (lang === 'ta') {
    const comb = d.combiningTens!.find(([v]) => v === tens)![1][0];
    return [comb, wordFor(lang, n % 10)];
  }
  return [wordFor(lang, tens), wordFor(lang, n % 10)];
}

function hindiLike(lang: NumberLang, n: number): string[] {
  const out: string[] = [];
  const crore = Math.floor(n / 1e7);
  if (crore) out.push(...hindiLike(lang, crore), wordFor(lang, -1e7));
  const lakh = Math.floor(n / 1e5) % 100;
  if (lakh) out.push(wordFor(lang, lakh), wordFor(lang, -1e5));
  const th = Math.floor(n / 1000) % 100;
  if (th) out.push(wordFor(lang, th), wordFor(lang, -1000));
  const h = Math.floor(n / 100) % 10;
  if (h) out.push(wordFor(lang, h), wordFor(lang, -100));
  const r = n % 100;
  if (r) out.push(wordFor(lang, r));
  return out;
}

function english(n: number, style: CardinalStyle): string[] {
  const group = (g: number): string[] => {
    const out: string[] = [];
    if (g >= 100) out.push(...below100('en', Math.floor(g / 100)), 'hundred');
    if (g % 100) out.push(...below100('en', g % 100));
    return out;
  };
  const out: string[] = [];
  if (style === 'international') {
    const scales: Array<[number, string]> = [
      [1e9, 'billion'],
      [1e6, 'million'],
      [1e3, 'thousand'],
    ];
    let rest = n;
    for (const [s, w] of scales) {
      const c = Math.floor(rest / s);
      if (c) {
        out.push(...(c >= 1000 ? english(c, style) : group(c)), w);
        rest -= c * s;
      }
    }
    out.push(...group(rest));
    return out;
  }
  const crore = Math.floor(n / 1e7);
  if (crore) out.push(...english(crore, style), 'crore');
  const lakh = Math.floor(n / 1e5) % 100;
  if (lakh) out.push(...below100('en', lakh), 'lakh');
  const th = Math.floor(n / 1000) % 100;
  if (th) out.push(...below100('en', th), 'thousand');
  out.push(...group(n % 1000));
  return out;
}

/** Telugu scale forms: [alone at the end, before a number, before a noun]. */
const TE_FORMS: Record<number, { one: [string, string, string]; many: [string, string, string] }> =
  {
    100: { one: ['వంద', 'నూట', 'వంద'], many: ['వందలు', 'వందల', 'వందల'] },
    1000: { one: ['వెయ్యి', 'వెయ్యి', 'వెయ్యి'], many: ['వేలు', 'వేల', 'వేల'] },
    100000: { one: ['లక్ష', 'లక్ష', 'లక్ష'], many: ['లక్షలు', 'లక్షల', 'లక్షల'] },
    10000000: { one: ['కోటి', 'కోటి', 'కోటి'], many: ['కోట్లు', 'కోట్ల', 'కోట్ల'] },
  };

function telugu(n: number, beforeNoun: boolean): string[] {
  const parts: Array<[number, number]> = [];
  const crore = Math.floor(n / 1e7);
  if (crore) parts.push([crore, 1e7]);
  const lakh = Math.floor(n / 1e5) % 100;
  if (lakh) parts.push([lakh, 1e5]);
  const th = Math.floor(n / 1000) % 100;
  if (th) parts.push([th, 1000]);
  const h = Math.floor(n / 100) % 10;
  if (h) parts.push([h, 100]);
  const r = n % 100;
  const out: string[] = [];
  parts.forEach(([c, s], idx) => {
    const last = idx === parts.length - 1 && r === 0;
    const form = last ? (beforeNoun ? 2 : 0) : 1;
    const f = TE_FORMS[s];
    if (c === 1) {
      // ఒక లక్ష, ఒక కోటి; but వంద and వెయ్యి carry their own "one".
      if (s >= 1e5) out.push('ఒక');
      out.push(f.one[form]);
    } else {
      out.push(...(c >= 100 ? telugu(c, true) : below100('te', c)), f.many[form]);
    }
  });
  if (r) out.push(...below100('te', r));
  return out;
}

function tamil(n: number): string[] {
  const out: string[] = [];
  const crore = Math.floor(n / 1e7);
  const lakh = Math.floor(n / 1e5) % 100;
  const th = Math.floor(n / 1000) % 100;
  const h = Math.floor(n / 100) % 10;
  const r = n % 100;
  const more = (x: number): boolean => x > 0;
  if (crore) {
    out.push(...(crore === 1 ? ['ஒரு'] : tamil(crore)));
    out.push(more(n % 1e7) ? 'கோடியே' : 'கோடி');
  }
  if (lakh) {
    out.push(...(lakh === 1 ? ['ஒரு'] : below100('ta', lakh)));
    out.push(more(n % 1e5) ? 'லட்சத்து' : 'லட்சம்');
  }
  if (th) {
    const suffix = more(n % 1000) ? 'ஆயிரத்து' : 'ஆயிரம்';
    if (th === 1) out.push(suffix);
    else {
      // இரண்டாயிரம், இருபத்தி ஐந்தாயிரம்: the scale fuses onto the last word.
      const ws = below100('ta', th);
      // இருபத்தோராயிரம்: before ஆயிரம் "one" is ஓர், fused onto the tens.
      const fused =
        ws.length === 2 && th % 10 === 1
          ? tamilFuse(ws[0].replace(/ி$/, 'ு'), suffix.replace('ஆ', 'ஓரா'))
          : tamilFuse(ws[ws.length - 1], suffix);
      if (fused && ws.length === 2 && th % 10 === 1) out.push(fused);
      else if (fused) out.push(...ws.slice(0, -1), fused);
      else out.push(...ws, suffix);
    }
  }
  if (h) {
    const [, alone, before] = TA_HUNDREDS[h - 1];
    out.push(r ? before[0] : alone[0]);
  }
  if (r) out.push(...below100('ta', r));
  return out;
}

/** Non-negative integer → words (array), no digits. */
export function cardinalWords(
  n: number,
  lang: NumberLang,
  style: CardinalStyle = 'indian',
  beforeNoun = false,
): string[] {
  if (n === 0) return [wordFor(lang, 0)];
  switch (lang) {
    case 'en':
      return english(n, style);
    case 'te':
      return telugu(n, beforeNoun);
    case 'ta':
      return tamil(n);
    default:
      return hindiLike(lang, n);
  }
}
