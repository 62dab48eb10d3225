/**
 * Unit-cost Levenshtein alignment of two token sequences (words, code points,
 * aksharas or any integer ids), spec §2. On ties the backtrace from the end
 * prefers match, then substitution, deletion, insertion; every metric that
 * needs an alignment (WER, CER, AER, entity windows) goes through here so
 * they all agree on the same path.
 */

export type AlignOpKind = 'match' | 'sub' | 'del' | 'ins';

/** One step of the path; `refIndex` is -1 for an insertion, `hypIndex` -1 for a deletion. */
export interface AlignOp {
  op: AlignOpKind;
  refIndex: number;
  hypIndex: number;
}

export interface AlignCounts {
  hits: number;
  substitutions: number;
  deletions: number;
  insertions: number;
}

export interface Alignment extends AlignCounts {
  /** Steps in reference order (start to end). */
  ops: AlignOp[];
}

// Predecessor codes of the op matrix (one byte per cell).
const MATCH = 0;
const SUB = 1;
const DEL = 2;
const INS = 3;

// Scratch buffers reused across calls: scoring runs millions of short
// alignments, and allocating per call costs more than the DP itself.
let scratchD = new Int32Array(64);
let scratchH = new Int32Array(64);
const scratchIds = new Map<unknown, number>();

function scratch(len: number): void {
  if (scratchD.length < len) {
    const size = Math.max(len, scratchD.length * 2);
    scratchD = new Int32Array(size);
    scratchH = new Int32Array(size);
  }
}

/**
 * Maps tokens of both sequences to dense Int32 ids (equal tokens, equal ids),
 * so that the inner loop compares integers, not strings.
 */
export function toIds<T>(
  ref: ArrayLike<T>,
  hyp: ArrayLike<T>,
): { ref: Int32Array; hyp: Int32Array } {
  const ids = scratchIds;
  ids.clear();
  const conv = (xs: ArrayLike<T>): Int32Array => {
    const out = new Int32Array(xs.length);
    for (let i = 0; i < xs.length; i++) {
      const t = xs[i];
      let id = ids.get(t);
      if (id === undefined) {
        id = ids.size;
        ids.set(t, id);
      }
      out[i] = id;
    }
    return out;
  };
  const r = { ref: conv(ref), hyp: conv(hyp) };
  ids.clear();
  return r;
}

function asIds<T>(ref: ArrayLike<T>, hyp: ArrayLike<T>): { ref: Int32Array; hyp: Int32Array } {
  if (ref instanceof Int32Array && hyp instanceof Int32Array) return { ref, hyp };
  return toIds(ref, hyp);
}

/**
 * Counts only, in one row. Each cell carries its distance and the hit count
 * along the path the backtrace would take from it: the backtrace's choice at
 * a cell depends only on that cell's neighbours, so carrying the hits of the
 * chosen predecessor forward gives exactly the counts of `align()`. H and the
 * distance determine S, D and I (i = H+S+D, j = H+S+I, dist = S+D+I).
 *
 * Both live in one Int32 (distance << 16 | hits), which halves the memory
 * traffic of the inner loop; comparisons look at the distance only, and a
 * strict `<` keeps the tie order substitution, deletion, insertion.
 * Sequences of 32,767 tokens or more take the two-array path.
 */
function finish(n: number, m: number, dist: number, hits: number): AlignCounts {
  const deletions = dist - (m - hits);
  const insertions = dist - (n - hits);
  return { hits, substitutions: n - hits - deletions, deletions, insertions };
}

const PACK_LIMIT = 32767;

export function alignIdCounts(ref: Int32Array, hyp: Int32Array): AlignCounts {
  const n = ref.length;
  const m = hyp.length;
  if (n === 0) return { hits: 0, substitutions: 0, deletions: 0, insertions: m };
  if (m === 0) return { hits: 0, substitutions: 0, deletions: n, insertions: 0 };
  if (n >= PACK_LIMIT || m >= PACK_LIMIT) return alignTokenCountsWide(ref, hyp);
  scratch(m + 1);
  const P = scratchD;
  for (let j = 0; j <= m; j++) P[j] = j << 16;
  for (let i = 1; i <= n; i++) {
    const r = ref[i - 1];
    let diag = P[0];
    let left = i << 16;
    P[0] = left;
    for (let j = 1; j <= m; j++) {
      const up = P[j];
      let v: number;
      if (r === hyp[j - 1]) v = diag + 1;
      else {
        v = diag;
        if (up >> 16 < v >> 16) v = up;
        if (left >> 16 < v >> 16) v = left;
        v += 0x10000;
      }
      P[j] = v;
      diag = up;
      left = v;
    }
  }
  return finish(n, m, P[m] >> 16, P[m] & 0xffff);
}

/**
 * `alignIdCounts` for any tokens compared with `===` (words as strings).
 * A separate copy of the loop on purpose: one function fed both typed
 * arrays and string arrays goes polymorphic in V8 and runs both slower.
 */
export function alignTokenCounts<T>(ref: ArrayLike<T>, hyp: ArrayLike<T>): AlignCounts {
  const n = ref.length;
  const m = hyp.length;
  if (n === 0) return { hits: 0, substitutions: 0, deletions: 0, insertions: m };
  if (m === 0) return { hits: 0, substitutions: 0, deletions: n, insertions: 0 };
  if (n >= PACK_LIMIT || m >= PACK_LIMIT) return alignTokenCountsWide(ref, hyp);
  scratch(m + 1);
  const P = scratchD;
  for (let j = 0; j <= m; j++) P[j] = j << 16;
  for (let i = 1; i <= n; i++) {
    const r = ref[i - 1];
    let diag = P[0];
    let left = i << 16;
    P[0] = left;
    for (let j = 1; j <= m; j++) {
      const up = P[j];
      let v: number;
      if (r === hyp[j - 1]) v = diag + 1;
      else {
        v = diag;
        if (up >> 16 < v >> 16) v = up;
        if (left >> 16 < v >> 16) v = left;
        v += 0x10000;
      }
      P[j] = v;
      diag = up;
      left = v;
    }
  }
  return finish(n, m, P[m] >> 16, P[m] & 0xffff);
}

/** The same DP with distance and hits in separate arrays, for very long sequences. */
export function alignTokenCountsWide<T>(ref: ArrayLike<T>, hyp: ArrayLike<T>): AlignCounts {
  const n = ref.length;
  const m = hyp.length;
  scratch(m + 1);
  const D = scratchD;
  const H = scratchH;
  for (let j = 0; j <= m; j++) {
    D[j] = j;
    H[j] = 0;
  }
  for (let i = 1; i <= n; i++) {
    const r = ref[i - 1];
    let diagD = D[0];
    let diagH = H[0];
    let leftD = i;
    let leftH = 0;
    D[0] = i;
    for (let j = 1; j <= m; j++) {
      const upD = D[j];
      const upH = H[j];
      let d = diagD;
      let h = diagH;
      if (r === hyp[j - 1]) h++;
      else {
        if (upD < d) {
          d = upD;
          h = upH;
        }
        if (leftD < d) {
          d = leftD;
          h = leftH;
        }
        d++;
      }
      D[j] = d;
      H[j] = h;
      diagD = upD;
      diagH = upH;
      leftD = d;
      leftH = h;
    }
  }
  return finish(n, m, D[m], H[m]);
}

/** Full alignment over integer ids: a one-byte op matrix, then the backtrace. */
export function alignIds(ref: ArrayLike<number>, hyp: ArrayLike<number>): Alignment {
  const n = ref.length;
  const m = hyp.length;
  const w = m + 1;
  const pred = new Uint8Array((n + 1) * w);
  let prev = new Int32Array(w);
  let cur = new Int32Array(w);
  for (let j = 0; j <= m; j++) {
    prev[j] = j;
    pred[j] = INS;
  }
  for (let i = 1; i <= n; i++) {
    const r = ref[i - 1];
    const row = i * w;
    cur[0] = i;
    pred[row] = DEL;
    for (let j = 1; j <= m; j++) {
      const diag = prev[j - 1];
      if (r === hyp[j - 1]) {
        cur[j] = diag;
        pred[row + j] = MATCH;
        continue;
      }
      const up = prev[j];
      const left = cur[j - 1];
      let best = diag;
      let p = SUB;
      if (up < best) {
        best = up;
        p = DEL;
      }
      if (left < best) {
        best = left;
        p = INS;
      }
      cur[j] = best + 1;
      pred[row + j] = p;
    }
    const t = prev;
    prev = cur;
    cur = t;
  }
  const ops: AlignOp[] = [];
  let hits = 0;
  let substitutions = 0;
  let deletions = 0;
  let insertions = 0;
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    const p = i === 0 ? INS : j === 0 ? DEL : pred[i * w + j];
    if (p === MATCH) {
      ops.push({ op: 'match', refIndex: --i, hypIndex: --j });
      hits++;
    } else if (p === SUB) {
      ops.push({ op: 'sub', refIndex: --i, hypIndex: --j });
      substitutions++;
    } else if (p === DEL) {
      ops.push({ op: 'del', refIndex: --i, hypIndex: -1 });
      deletions++;
    } else {
      ops.push({ op: 'ins', refIndex: -1, hypIndex: --j });
      insertions++;
    }
  }
  ops.reverse();
  return { hits, substitutions, deletions, insertions, ops };
}

/**
 * Counts (H, S, D, I) of the alignment of two token sequences. Tokens are
 * compared with `===` in the loop: for short word sequences this is cheaper
 * than building ids (strings of different lengths compare in one step).
 */
export function alignCounts<T>(ref: ArrayLike<T>, hyp: ArrayLike<T>): AlignCounts {
  if (ref instanceof Int32Array && hyp instanceof Int32Array) return alignIdCounts(ref, hyp);
  return alignTokenCounts(ref, hyp);
}

/** Counts and the op list (kept for display and for entity windows). */
export function align<T>(ref: ArrayLike<T>, hyp: ArrayLike<T>): Alignment {
  const ids = asIds(ref, hyp);
  return alignIds(ids.ref, ids.hyp);
}

/** Edit distance S + D + I. */
export function editDistance(c: AlignCounts): number {
  return c.substitutions + c.deletions + c.insertions;
}
