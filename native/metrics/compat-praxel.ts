/**
 * Paper-compatible scoring, `--compat praxel-2026` (spec §5): the scorer of
 * praxelhq/stt-flywheel `paper/stt_flywheel/eval_ehr.py`, hit for hit,
 * quirks included (whole-sentence substring matching, `2` hits inside `12`,
 * native digits miss ASCII ones). Do not "fix" anything here: the point of
 * this mode is to reproduce published numbers and show how far they are from
 * the honest score.
 */
import { praxelTables, type PraxelTables } from './compat-tables.js';
import {
  pyCasefold,
  pyCollapseSpaceRuns,
  pyDigitsOnly,
  pyFirstNumber,
  pyFloat,
  pySplit,
  pyStrip,
} from './python-text.js';

/** `_norm`: NFKC, strip, casefold, split on Python whitespace, join with one space. */
export function praxelNorm(text: string): string {
  return pySplit(pyCasefold(pyStrip(text.normalize('NFKC')))).join(' ');
}

/** NFKC with only U+0020 removed: other whitespace stays, as in the paper. */
function nfkcNoSpaces(text: string): string {
  return text.normalize('NFKC').replaceAll(' ', '');
}

export function hitDigitRun(surface: string, hyp: string): boolean {
  const target = pyDigitsOnly(surface);
  if (!target) return false;
  return nfkcNoSpaces(hyp).includes(target);
}

export function hitPincode(surface: string, hyp: string): boolean {
  const target = pyDigitsOnly(surface);
  // len() in Python counts code points.
  if (Array.from(target).length !== 6) return false;
  return nfkcNoSpaces(hyp).includes(target);
}

export function hitHouseOrPlot(surface: string, hyp: string): boolean {
  return praxelNorm(hyp).includes(praxelNorm(surface));
}

export function hitBrand(surface: string, hyp: string, tables = praxelTables()): boolean {
  const n = praxelNorm(surface);
  const canonical = tables.brandAliases.get(n) || n;
  const h = praxelNorm(hyp);
  if (h.includes(canonical)) return true;
  for (const [alias, can] of tables.brandAliases)
    if (can === canonical && h.includes(alias)) return true;
  return false;
}

export function hitProperNoun(surface: string, hyp: string): boolean {
  const ref = new Set(praxelNorm(surface).split(' ').filter(Boolean));
  if (ref.size === 0) return false;
  const h = new Set(praxelNorm(hyp).split(' ').filter(Boolean));
  let overlap = 0;
  for (const w of ref) if (h.has(w)) overlap++;
  return overlap / ref.size >= 0.8;
}

export function hitSpelledDigit(
  surface: string,
  hyp: string,
  lang: string,
  tables = praxelTables(),
): boolean {
  const words = tables.spelledDigits.find((s) => s.lang === lang)?.words;
  if (!words) return false;
  // Not normalised: raw words split on Python whitespace.
  const ref = pySplit(surface).filter((w) => words.includes(w));
  const h = pySplit(hyp).filter((w) => words.includes(w));
  if (ref.length === 0) return false;
  let j = 0;
  let matches = 0;
  for (const w of h) {
    if (j < ref.length && w === ref[j]) {
      matches++;
      j++;
    }
  }
  return matches / ref.length >= 0.8;
}

/** `parse_currency_amount`: first number (or digit word), times the first multiplier found. */
export function parsePraxelAmount(text: string, tables = praxelTables()): number | null {
  const t = praxelNorm(text);
  let base: number | null = null;
  const num = pyFirstNumber(t);
  if (num !== null) {
    base = pyFloat(num.replaceAll(',', ''));
  } else {
    outer: for (const { words } of tables.spelledDigits) {
      for (let i = 0; i < words.length; i++) {
        if (t.includes(words[i])) {
          base = i;
          break outer;
        }
      }
    }
  }
  if (base === null) return null;
  for (const { word, value } of tables.multipliers) if (t.includes(word)) return base * value;
  return base;
}

export function hitCurrencyAmount(surface: string, hyp: string, tables = praxelTables()): boolean {
  const g = parsePraxelAmount(surface, tables);
  if (g === null) return false;
  const h = parsePraxelAmount(hyp, tables);
  if (h === null) return false;
  if (g === 0) return Math.abs(h) < 0.5;
  return Math.abs(h - g) / Math.abs(g) <= 0.005;
}

/** One reference token against the whole hypothesis, by its published type name. */
export function praxelHit(
  type: string,
  surface: string,
  hyp: string,
  lang: string,
  tables = praxelTables(),
): boolean {
  switch (type) {
    case 'spelled_digit':
      return hitSpelledDigit(surface, hyp, lang, tables);
    case 'digit_run':
      return hitDigitRun(surface, hyp);
    case 'pincode':
      return hitPincode(surface, hyp);
    case 'house_or_plot':
      return hitHouseOrPlot(surface, hyp);
    case 'brand':
      return hitBrand(surface, hyp, tables);
    case 'proper_noun':
      return hitProperNoun(surface, hyp);
    case 'currency_amount':
      return hitCurrencyAmount(surface, hyp, tables);
    default:
      // `amount`, `english_loan` and any other type: substring after _norm.
      return praxelNorm(hyp).includes(praxelNorm(surface));
  }
}

/**
 * `script_fidelity_rate`: share of letters (Python `isalpha`, i.e. L*) inside
 * the language's block; no letters (or empty text) scores 1.0.
 */
export function praxelSfr(text: string, lang: string, tables = praxelTables()): number {
  const ranges = tables.scriptRanges.get(lang) ?? [];
  let total = 0;
  let inside = 0;
  for (const ch of text) {
    if (!/^\p{L}$/u.test(ch)) continue;
    total++;
    const cp = ch.codePointAt(0) as number;
    if (ranges.some(([lo, hi]) => cp >= lo && cp <= hi)) inside++;
  }
  return total === 0 ? 1 : inside / total;
}

/**
 * Words for compat WER, as jiwer's default transform makes them: runs of two
 * or more whitespace characters become one space (a single tab stays inside
 * a word), strip, split on U+0020, drop empty words.
 */
export function praxelWerWords(text: string): string[] {
  return pyStrip(pyCollapseSpaceRuns(text))
    .split(' ')
    .filter((w) => w.length > 0);
}

export interface PraxelToken {
  surface: string;
  type: string;
}

export interface PraxelTokenScore extends PraxelToken {
  hit: boolean;
}

export interface PraxelRowScore {
  id: string;
  lang: string;
  entityClass: string;
  hits: number;
  tokens: PraxelTokenScore[];
  sfr: number;
}

export function scorePraxelRow(
  row: { id: string; lang: string; entityClass?: string; tokens: readonly PraxelToken[] },
  hyp: string,
  tables = praxelTables(),
): PraxelRowScore {
  let hits = 0;
  const tokens = row.tokens.map((t) => {
    const hit = praxelHit(t.type, t.surface, hyp, row.lang, tables);
    if (hit) hits++;
    return { surface: t.surface, type: t.type, hit };
  });
  return {
    id: row.id,
    lang: row.lang,
    entityClass: row.entityClass ?? '',
    hits,
    tokens,
    sfr: praxelSfr(hyp, row.lang, tables),
  };
}

export interface HitCount {
  hits: number;
  total: number;
}

export interface PraxelSummary {
  ehr: number;
  hits: number;
  tokens: number;
  rows: number;
  missing: number;
  byClass: Map<string, HitCount>;
  byLang: Map<string, HitCount>;
  byType: Map<string, HitCount>;
  /** Mean SFR over scored rows, per language. */
  sfrByLang: Map<string, number>;
}

/** `aggregate`: micro EHR = Σ hits / Σ tokens; 0 when there are no tokens. */
export function aggregatePraxel(rows: readonly PraxelRowScore[], missing: number): PraxelSummary {
  const byClass = new Map<string, HitCount>();
  const byLang = new Map<string, HitCount>();
  const byType = new Map<string, HitCount>();
  const sfr = new Map<string, number[]>();
  const add = (m: Map<string, HitCount>, k: string, hits: number, total: number) => {
    const c = m.get(k) ?? { hits: 0, total: 0 };
    c.hits += hits;
    c.total += total;
    m.set(k, c);
  };
  let hits = 0;
  let tokens = 0;
  for (const r of rows) {
    hits += r.hits;
    tokens += r.tokens.length;
    add(byClass, r.entityClass, r.hits, r.tokens.length);
    add(byLang, r.lang, r.hits, r.tokens.length);
    for (const t of r.tokens) add(byType, t.type, t.hit ? 1 : 0, 1);
    if (r.lang) sfr.set(r.lang, [...(sfr.get(r.lang) ?? []), r.sfr]);
  }
  const sfrByLang = new Map<string, number>();
  for (const [l, v] of sfr) sfrByLang.set(l, v.reduce((a, b) => a + b, 0) / v.length);
  return {
    ehr: tokens ? hits / tokens : 0,
    hits,
    tokens,
    rows: rows.length,
    missing,
    byClass,
    byLang,
    byType,
    sfrByLang,
  };
}

export type { PraxelTables };
