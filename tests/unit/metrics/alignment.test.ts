import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  align,
  alignCounts,
  alignIdCounts,
  alignTokenCountsWide,
  editDistance,
  toIds,
} from '../../../native/metrics/alignment.js';

const tokens = fc.array(fc.constantFrom('a', 'b', 'c', 'd'), { maxLength: 12 });

/** Textbook O(n·m) distance, independent of the implementation under test. */
function naiveDistance(a: string[], b: string[]): number {
  const d: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    d.push([]);
    for (let j = 0; j <= b.length; j++) {
      if (i === 0) d[i].push(j);
      else if (j === 0) d[i].push(i);
      else
        d[i].push(
          Math.min(
            d[i - 1][j] + 1,
            d[i][j - 1] + 1,
            d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1),
          ),
        );
    }
  }
  return d[a.length][b.length];
}

describe('alignment', () => {
  it('counts add up to the sequence lengths', () => {
    fc.assert(
      fc.property(tokens, tokens, (r, h) => {
        const c = alignCounts(r, h);
        expect(c.hits + c.substitutions + c.deletions).toBe(r.length);
        expect(c.hits + c.substitutions + c.insertions).toBe(h.length);
      }),
    );
  });

  it('counts-only mode agrees with the full backtrace', () => {
    fc.assert(
      fc.property(tokens, tokens, (r, h) => {
        const a = align(r, h);
        const c = alignCounts(r, h);
        expect(c).toEqual({
          hits: a.hits,
          substitutions: a.substitutions,
          deletions: a.deletions,
          insertions: a.insertions,
        });
      }),
    );
  });

  it('distance is minimal, symmetric, bounded, and zero on identity', () => {
    fc.assert(
      fc.property(tokens, tokens, (r, h) => {
        const ab = alignCounts(r, h);
        const ba = alignCounts(h, r);
        expect(editDistance(ab)).toBe(naiveDistance(r, h));
        expect(editDistance(ab)).toBe(editDistance(ba));
        // Swapping sides swaps deletions and insertions; substitutions stay.
        expect(ab.substitutions + ab.deletions + ab.insertions).toBe(
          ba.substitutions + ba.insertions + ba.deletions,
        );
        expect(editDistance(ab)).toBeLessThanOrEqual(Math.max(r.length, h.length));
        expect(editDistance(alignCounts(r, r))).toBe(0);
      }),
    );
  });

  it('the op list replays the reference into the hypothesis', () => {
    fc.assert(
      fc.property(tokens, tokens, (r, h) => {
        const { ops } = align(r, h);
        const out: string[] = [];
        let ri = 0;
        for (const o of ops) {
          if (o.op === 'match') {
            expect(r[o.refIndex]).toBe(h[o.hypIndex]);
            out.push(r[o.refIndex]);
          } else if (o.op === 'sub') {
            expect(r[o.refIndex]).not.toBe(h[o.hypIndex]);
            out.push(h[o.hypIndex]);
          } else if (o.op === 'ins') out.push(h[o.hypIndex]);
          if (o.refIndex >= 0) expect(o.refIndex).toBe(ri++);
        }
        expect(ri).toBe(r.length);
        expect(out).toEqual(h);
      }),
    );
  });

  it('breaks ties toward substitution before deletion and insertion', () => {
    // "a b" → "b c": del+match+ins and sub+sub both cost 2; the backtrace
    // from the end prefers substitution.
    const a = align(['a', 'b'], ['b', 'c']);
    expect(a.ops.map((o) => o.op)).toEqual(['sub', 'sub']);
    // Equal tokens always match.
    expect(align(['x', 'y'], ['x', 'y']).ops.map((o) => o.op)).toEqual(['match', 'match']);
    // Deletion preferred over insertion when both are optimal.
    expect(align(['a', 'b'], ['a']).ops.map((o) => o.op)).toEqual(['match', 'del']);
    expect(align([], ['a']).ops).toEqual([{ op: 'ins', refIndex: -1, hypIndex: 0 }]);
    expect(align(['a'], []).ops).toEqual([{ op: 'del', refIndex: 0, hypIndex: -1 }]);
  });

  it('packed, wide and id paths give the same counts', () => {
    fc.assert(
      fc.property(tokens, tokens, (r, h) => {
        const ids = toIds(r, h);
        const packed = alignIdCounts(ids.ref, ids.hyp);
        expect(alignTokenCountsWide(r, h)).toEqual(packed);
        expect(alignCounts(r, h)).toEqual(packed);
      }),
    );
  });

  it('works over integer ids and Int32Array', () => {
    expect(alignCounts(Int32Array.from([1, 2, 3]), Int32Array.from([1, 3]))).toEqual({
      hits: 2,
      substitutions: 0,
      deletions: 1,
      insertions: 0,
    });
    expect(alignCounts([1, 2, 3], [4, 2, 3, 5]).insertions).toBe(1);
  });
});
