/**
 * Word alignment for entity windows (spec §2): unit-cost Levenshtein, and on
 * ties the backtrace prefers match, then substitution, deletion, insertion.
 * Same ops shape as `native/metrics/alignment.ts`, kept here so that the
 * entity scorer can pass its own equality (TWER compares across scripts).
 */

export interface AlignOp {
  op: 'match' | 'sub' | 'del' | 'ins';
  /** -1 for an insertion. */
  refIndex: number;
  /** -1 for a deletion. */
  hypIndex: number;
}

export function alignWords(
  ref: readonly string[],
  hyp: readonly string[],
  equal: (a: string, b: string) => boolean = (a, b) => a === b,
): AlignOp[] {
  const n = ref.length;
  const m = hyp.length;
  const w = m + 1;
  const d = new Uint32Array((n + 1) * w);
  const eq = new Uint8Array((n + 1) * w);
  for (let j = 0; j <= m; j++) d[j] = j;
  for (let i = 1; i <= n; i++) {
    d[i * w] = i;
    for (let j = 1; j <= m; j++) {
      const same = equal(ref[i - 1], hyp[j - 1]);
      eq[i * w + j] = same ? 1 : 0;
      const diag = d[(i - 1) * w + j - 1] + (same ? 0 : 1);
      const del = d[(i - 1) * w + j] + 1;
      const ins = d[i * w + j - 1] + 1;
      d[i * w + j] = Math.min(diag, del, ins);
    }
  }
  const ops: AlignOp[] = [];
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    const here = d[i * w + j];
    if (i > 0 && j > 0) {
      const same = eq[i * w + j] === 1;
      const diag = d[(i - 1) * w + j - 1];
      if (same && diag === here) {
        ops.push({ op: 'match', refIndex: i - 1, hypIndex: j - 1 });
        i--;
        j--;
        continue;
      }
      if (!same && diag + 1 === here) {
        ops.push({ op: 'sub', refIndex: i - 1, hypIndex: j - 1 });
        i--;
        j--;
        continue;
      }
    }
    if (i > 0 && d[(i - 1) * w + j] + 1 === here) {
      ops.push({ op: 'del', refIndex: i - 1, hypIndex: -1 });
      i--;
      continue;
    }
    ops.push({ op: 'ins', refIndex: -1, hypIndex: j - 1 });
    j--;
  }
  ops.reverse();
  return ops;
}
