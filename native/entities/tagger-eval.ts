import type { TaggedSpan } from './tagger.js';

/**
 * Precision and recall of the tagger against hand tags, per type group. A
 * predicted span counts when it overlaps a hand-tagged span of the same
 * group (the tagger may cut a name or a number phrase differently from the
 * annotator; the scorer widens value spans anyway, spec §3).
 */

export const TYPE_GROUPS: Record<string, readonly string[]> = {
  numeric: [
    'phone',
    'digit_run',
    'pincode',
    'currency_amount',
    'house_number',
    'date',
    'time',
    'vehicle_reg',
    'upi_id',
  ],
  brand: ['brand'],
  place: ['place'],
  loanword: ['loanword'],
  person: ['person'],
};

/** Floors the tagger must reach (person has none: it is reported only). */
export const FLOORS: Record<string, { precision: number; recall: number }> = {
  numeric: { precision: 0.95, recall: 0.9 },
  brand: { precision: 0.85, recall: 0.8 },
  place: { precision: 0.85, recall: 0.8 },
  loanword: { precision: 0.85, recall: 0.8 },
};

export interface GoldSpan {
  start: number;
  end: number;
  type: string;
}

export interface PrCounts {
  predicted: number;
  predictedMatched: number;
  gold: number;
  goldMatched: number;
}

export function groupOf(type: string): string | undefined {
  for (const [g, types] of Object.entries(TYPE_GROUPS)) if (types.includes(type)) return g;
  return undefined;
}

export function emptyCounts(): PrCounts {
  return { predicted: 0, predictedMatched: 0, gold: 0, goldMatched: 0 };
}

const overlaps = (a: GoldSpan, b: GoldSpan): boolean => a.start < b.end && b.start < a.end;

/** Adds one row's comparison to `acc` (group → counts). */
export function compareRow(
  gold: readonly GoldSpan[],
  predicted: readonly TaggedSpan[],
  acc: Record<string, PrCounts>,
): void {
  for (const g of Object.keys(TYPE_GROUPS)) {
    const gs = gold.filter((s) => groupOf(s.type) === g);
    const ps = predicted.filter((s) => groupOf(s.type) === g);
    const c = (acc[g] ??= emptyCounts());
    c.gold += gs.length;
    c.predicted += ps.length;
    c.goldMatched += gs.filter((x) => ps.some((p) => overlaps(x, p))).length;
    c.predictedMatched += ps.filter((p) => gs.some((x) => overlaps(x, p))).length;
  }
}

export function precisionRecall(c: PrCounts): { precision: number; recall: number } {
  return {
    precision: c.predicted === 0 ? 1 : c.predictedMatched / c.predicted,
    recall: c.gold === 0 ? 1 : c.goldMatched / c.gold,
  };
}
