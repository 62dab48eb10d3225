import { align } from '../native/metrics/alignment.js';
import { bootstrapRatio, type Interval } from '../native/metrics/bootstrap.js';

/**
 * CER split by where the reference letter is: inside an entity span or in
 * the sentence around it. It tells a model that learned the sentence frames
 * but not the entities from one that is simply worse. Text is compared as
 * the recipe's training targets are written (NFC, punctuation as spaces,
 * single spaces); a substitution or deletion counts where its reference
 * letter is, an insertion where the reference letter before it is.
 */

export interface SplitCer {
  inside: { errors: number; chars: number; cer: number; ci: Interval | null };
  outside: { errors: number; chars: number; cer: number; ci: Interval | null };
}

interface Span {
  start: number;
  end: number;
}

/** Normalised code points and, for each, whether it lies in a span (code-point offsets). */
export function flaggedChars(
  text: string,
  spans: readonly Span[],
): { chars: string[]; inside: boolean[] } {
  const chars: string[] = [];
  const inside: boolean[] = [];
  let k = 0;
  for (const raw of text) {
    const inSpan = spans.some((s) => k >= s.start && k < s.end);
    k++;
    const ch = raw.normalize('NFC');
    const space = /[\p{P}\p{S}\p{Z}\s\u200c\u200d]/u.test(ch);
    if (space) {
      if (chars.length > 0 && chars[chars.length - 1] !== ' ') {
        chars.push(' ');
        inside.push(inSpan);
      }
      continue;
    }
    for (const c of ch) {
      chars.push(c);
      inside.push(inSpan);
    }
  }
  while (chars.length > 0 && chars[chars.length - 1] === ' ') {
    chars.pop();
    inside.pop();
  }
  return { chars, inside };
}

export function splitCer(
  refs: readonly Record<string, unknown>[],
  hyps: ReadonlyMap<string, string>,
): SplitCer {
  const n = refs.length;
  const errIn = new Float64Array(n);
  const errOut = new Float64Array(n);
  const lenIn = new Float64Array(n);
  const lenOut = new Float64Array(n);
  refs.forEach((r, u) => {
    const spans = (r['entity_tokens'] as Span[] | null) ?? [];
    const ref = flaggedChars(String(r['text']).normalize('NFC'), spans);
    const hyp = flaggedChars((hyps.get(String(r['id'])) ?? '').normalize('NFC'), []).chars;
    for (const f of ref.inside) {
      if (f) lenIn[u]++;
      else lenOut[u]++;
    }
    let last = -1;
    for (const op of align(ref.chars, hyp).ops) {
      if (op.op === 'match') {
        last = op.refIndex;
        continue;
      }
      const at = op.op === 'ins' ? Math.max(last, 0) : op.refIndex;
      if (op.op !== 'ins') last = op.refIndex;
      if (ref.inside.length === 0) continue;
      if (ref.inside[at]) errIn[u]++;
      else errOut[u]++;
    }
  });
  const part = (err: Float64Array, len: Float64Array) => {
    const errors = err.reduce((s, v) => s + v, 0);
    const chars = len.reduce((s, v) => s + v, 0);
    return { errors, chars, cer: chars === 0 ? 0 : errors / chars, ci: bootstrapRatio(err, len) };
  };
  return { inside: part(errIn, lenIn), outside: part(errOut, lenOut) };
}
