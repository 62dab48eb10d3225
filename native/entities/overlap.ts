import type { LooseRow } from './jsonl-rows.js';

/**
 * How much of corpus A occurs in corpus B: exact sentences, templates and
 * entity values. It answers "was this test set generated from the same
 * sentences, templates or values as that training set?".
 */

export interface OverlapCount {
  /** Distinct items in A. */
  total: number;
  /** Of those, how many also occur in B. */
  shared: number;
  share: number;
}

export interface OverlapReport {
  rows: number;
  /** Rows of A whose sentence occurs in B (counted per row, not per distinct sentence). */
  sentences: OverlapCount;
  templates: OverlapCount;
  values: OverlapCount;
}

/** Sentences compare after NFC and whitespace folding only: this is an exact-overlap test. */
export function sentenceKey(text: string): string {
  return text.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

function templateOf(r: LooseRow): string | undefined {
  const t = r.template_id ?? r.source_template;
  return typeof t === 'string' && t !== '' ? t : undefined;
}

/** Entity values: the canonical value when a span has one, else its surface, keyed by type. */
function valuesOf(r: LooseRow): string[] {
  const toks = r.entity_tokens;
  if (!Array.isArray(toks)) return [];
  const out: string[] = [];
  for (const t of toks as Record<string, unknown>[]) {
    const v = typeof t.value === 'string' && t.value !== '' ? t.value : t.surface;
    if (typeof v === 'string' && v !== '') out.push(`${String(t.type)}:${v.normalize('NFC')}`);
  }
  return out;
}

function count(items: ReadonlySet<string>, against: ReadonlySet<string>): OverlapCount {
  let shared = 0;
  for (const x of items) if (against.has(x)) shared++;
  return { total: items.size, shared, share: items.size === 0 ? 0 : shared / items.size };
}

export function computeOverlap(a: readonly LooseRow[], b: readonly LooseRow[]): OverlapReport {
  const bText = new Set(b.map((r) => sentenceKey(r.text as string)));
  const bTpl = new Set(b.map(templateOf).filter((t): t is string => t !== undefined));
  const bVal = new Set(b.flatMap(valuesOf));
  let sharedRows = 0;
  for (const r of a) if (bText.has(sentenceKey(r.text as string))) sharedRows++;
  const aTpl = new Set(a.map(templateOf).filter((t): t is string => t !== undefined));
  const aVal = new Set(a.flatMap(valuesOf));
  return {
    rows: a.length,
    sentences: {
      total: a.length,
      shared: sharedRows,
      share: a.length === 0 ? 0 : sharedRows / a.length,
    },
    templates: count(aTpl, bTpl),
    values: count(aVal, bVal),
  };
}
