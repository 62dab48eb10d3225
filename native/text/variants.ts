/**
 * The `loose` profile's extra folding (spec §1): nukta forms to their base
 * letters, candrabindu to anusvara, and a per-language table of whole-word
 * spelling variants that annotators disagree on
 * (`assets/lexicons/<lang>/variants.json`).
 */
import { readLexiconJson } from './assets.js';
import type { Unit } from './mapped-text.js';

/** Precomposed nukta letters (mostly NFC composition exclusions, kept for safety) → base letter. */
const NUKTA_LETTER: ReadonlyMap<string, string> = new Map([
  ['\u0929', '\u0928'], // ऩ → न
  ['\u0931', '\u0930'], // ऱ → र
  ['\u0934', '\u0933'], // ऴ → ळ
  ['\u0958', '\u0915'], // क़ → क
  ['\u0959', '\u0916'], // ख़ → ख
  ['\u095a', '\u0917'], // ग़ → ग
  ['\u095b', '\u091c'], // ज़ → ज
  ['\u095c', '\u0921'], // ड़ → ड
  ['\u095d', '\u0922'], // ढ़ → ढ
  ['\u095e', '\u092b'], // फ़ → फ
  ['\u095f', '\u092f'], // य़ → य
  ['\u09dc', '\u09a1'], // ড় → ড
  ['\u09dd', '\u09a2'], // ঢ় → ঢ
  ['\u09df', '\u09af'], // য় → য
  ['\u0a33', '\u0a32'], // ਲ਼ → ਲ
  ['\u0a36', '\u0a38'], // ਸ਼ → ਸ
  ['\u0a59', '\u0a16'], // ਖ਼ → ਖ
  ['\u0a5a', '\u0a17'], // ਗ਼ → ਗ
  ['\u0a5b', '\u0a1c'], // ਜ਼ → ਜ
  ['\u0a5e', '\u0a2b'], // ਫ਼ → ਫ
  ['\u0b5c', '\u0b21'], // ଡ଼ → ଡ
  ['\u0b5d', '\u0b22'], // ଢ଼ → ଢ
]);

/** Combining nukta signs, dropped under `loose`. */
const NUKTA_SIGN = new Set(['\u093c', '\u09bc', '\u0a3c', '\u0abc', '\u0b3c', '\u0c3c', '\u0cbc']);

/** Candrabindu → anusvara of the same script. */
const CANDRABINDU: ReadonlyMap<string, string> = new Map([
  ['\u0901', '\u0902'],
  ['\u0981', '\u0982'],
  ['\u0a81', '\u0a82'],
  ['\u0b01', '\u0b02'],
  ['\u0c01', '\u0c02'],
  ['\u0c81', '\u0c82'],
  ['\u0d01', '\u0d02'],
]);

/** The loose folding of one code point: its replacement, or '' when it goes. */
export function foldLooseChar(c: string): string {
  if (NUKTA_SIGN.has(c)) return '';
  return NUKTA_LETTER.get(c) ?? CANDRABINDU.get(c) ?? c;
}

export function foldLooseUnits(units: readonly Unit[]): Unit[] {
  const out: Unit[] = [];
  for (const u of units) {
    const f = foldLooseChar(u.c);
    if (f !== '') out.push(f === u.c ? u : { c: f, src: u.src });
  }
  return out;
}

/** A word as the table is keyed: NFC, lower case, loose-folded. */
function tableKey(word: string): string {
  let s = '';
  for (const c of word.normalize('NFC').toLowerCase()) s += foldLooseChar(c);
  return s;
}

const tables = new Map<string, ReadonlyMap<string, string>>();

/** The variant → canonical table for `lang` (empty when the language has none). */
export function variantTable(lang: string): ReadonlyMap<string, string> {
  const hit = tables.get(lang);
  if (hit) return hit;
  const raw = readLexiconJson(`${lang}/variants.json`);
  const table = new Map<string, string>();
  if (raw !== undefined) {
    const pairs = (raw as { pairs?: unknown }).pairs;
    if (!Array.isArray(pairs))
      throw new Error(`assets/lexicons/${lang}/variants.json: "pairs" must be a list`);
    for (const p of pairs) {
      if (
        !Array.isArray(p) ||
        p.length !== 2 ||
        typeof p[0] !== 'string' ||
        typeof p[1] !== 'string'
      ) {
        throw new Error(`assets/lexicons/${lang}/variants.json: bad pair ${JSON.stringify(p)}`);
      }
      const from = tableKey(p[0]);
      const to = tableKey(p[1]);
      if (from !== to) table.set(from, to);
    }
  }
  tables.set(lang, table);
  return table;
}

/**
 * Replace whole words found in the table by their canonical spelling. The
 * replacement's code points map to the replaced word's, position by position
 * (the last one repeated when the replacement is longer).
 */
export function applyVariants(units: readonly Unit[], lang: string): Unit[] {
  const table = variantTable(lang);
  if (table.size === 0) return [...units];
  const out: Unit[] = [];
  let k = 0;
  while (k < units.length) {
    if (units[k].c === ' ') {
      out.push(units[k++]);
      continue;
    }
    let e = k;
    let w = '';
    while (e < units.length && units[e].c !== ' ') w += units[e++].c;
    const canon = table.get(w);
    if (canon === undefined) {
      for (let i = k; i < e; i++) out.push(units[i]);
    } else {
      let i = 0;
      for (const c of canon) out.push({ c, src: units[Math.min(k + i++, e - 1)].src });
    }
    k = e;
  }
  return out;
}
