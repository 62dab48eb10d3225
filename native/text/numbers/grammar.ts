import type { Tok } from './types.js';

/**
 * One cardinal number ("chunk") read from a token run. The grammar is
 * shared by every language: groups below a hundred, an optional hundred,
 * then big scales (thousand, lakh, million, crore…) in falling order, with
 * the quarter prefixes (सवा/साढ़े/पौने), decimals ("point five", "1.5
 * लाख") and a multiply-up for "पाँच हज़ार करोड़" (5,000 crore).
 */
export interface Chunk {
  /** Token index one past the chunk. */
  end: number;
  value: number;
  /**
   * The digits a digit-by-digit or digit-group reading would contribute
   * (leading zeros of an ASCII group kept); null when the chunk used a big
   * scale, a fraction or a decimal, which no digit sequence does.
   */
  digits: string | null;
  hasAscii: boolean;
  hasWords: boolean;
  /** Only weak words ("oh"): never a reading unless beside other digits. */
  weakOnly: boolean;
}

type Slot = 'start' | 'hundreds' | 'tens' | 'done' | 'frac' | 'zero';

const isDigitTok = (t: Tok | null): t is Tok & { t: 'num' } =>
  t !== null && t.t === 'num' && Number.isInteger(t.v) && t.v >= 0 && t.v <= 9;

/** Cleans float noise: 2.3 × 100000 must read 230000, not 229999.99999999997. */
export function tidy(v: number): number {
  return Number.isInteger(v) ? v : Number(v.toPrecision(12));
}

export function parseChunk(toks: ReadonlyArray<Tok | null>, i0: number): Chunk | null {
  const n = toks.length;
  const first = toks[i0];
  if (!first) return null;
  // "double nine" → 99, only as digits.
  if (first.t === 'rep') {
    const next = toks[i0 + 1] ?? null;
    if (!isDigitTok(next)) return null;
    const digits = String(next.v).repeat(first.n);
    return {
      end: i0 + 2,
      value: Number(digits),
      digits,
      hasAscii: false,
      hasWords: true,
      weakOnly: false,
    };
  }

  let total = 0;
  let group = 0;
  let lastBig = Infinity;
  let slot: Slot = 'start';
  let delta = 0;
  let usedBig = false;
  let decimal = false;
  let hasAscii = false;
  let hasWords = false;
  let weakOnly = true;
  let tokensUsed = 0;
  let soleAscii: string | null = null;
  let best: Chunk | null = null;

  const commit = (end: number): void => {
    const value = tidy(total + group + delta);
    const plain = !usedBig && !decimal && delta === 0 && Number.isInteger(value);
    const digits = plain
      ? tokensUsed === 1 && soleAscii !== null
        ? soleAscii
        : String(value)
      : null;
    best = { end, value, digits, hasAscii, hasWords, weakOnly };
  };

  let i = i0;
  loop: while (i < n) {
    const t = toks[i];
    if (!t) break;
    switch (t.t) {
      case 'num':
      case 'ascii': {
        const v = t.t === 'num' ? t.v : Number(t.s);
        if (t.t === 'num' && t.weak && v !== 0) {
          // "a lakh", "అర లక్ష": only before a scale.
          const next = toks[i + 1];
          if (!next || next.t !== 'scale' || slot !== 'start') break loop;
        }
        if (slot === 'start') {
          if (delta !== 0 && (!Number.isInteger(v) || v === 0)) break loop;
          if (v === 0 && (total > 0 || delta !== 0)) break loop;
          if (total > 0 && v >= lastBig) break loop;
          group = v;
          if (t.t === 'ascii') slot = t.s.includes('.') ? 'frac' : 'done';
          else if (v === 0) slot = 'zero';
          else if (!Number.isInteger(v)) slot = 'frac';
          else slot = t.open ? 'tens' : 'done';
        } else if (slot === 'hundreds') {
          if (!Number.isInteger(v) || v <= 0 || v >= 100) break loop;
          group += v;
          slot = t.t === 'num' && t.open ? 'tens' : 'done';
        } else if (slot === 'tens') {
          if (t.t !== 'num' || !Number.isInteger(v) || v < 1 || v > 9) break loop;
          group += v;
          slot = 'done';
        } else break loop;
        if (t.t === 'ascii') {
          hasAscii = true;
          soleAscii = t.s;
          if (t.s.includes('.')) decimal = true;
        } else hasWords = true;
        if (!(t.t === 'num' && t.weak)) weakOnly = false;
        tokensUsed++;
        i++;
        commit(i);
        break;
      }
      case 'scale': {
        const s = t.v;
        if (slot === 'zero') break loop;
        if (s === 100) {
          if (slot === 'start') {
            if (delta === 0.5) break loop;
            group = 1 + delta;
          } else if (slot === 'hundreds' || group + delta >= 100 || group <= 0) break loop;
          else group += delta;
          group = tidy(group * 100);
          delta = 0;
          slot = 'hundreds';
        } else {
          if (slot === 'start' && delta === 0.5) break loop;
          const wasFrac = slot === 'frac';
          if (slot === 'start' && delta === 0 && lastBig !== Infinity && s > lastBig) {
            total = tidy(total * s); // हज़ार करोड़: the scales multiply
          } else {
            const g = slot === 'start' ? 1 + delta : group + delta;
            if (s < lastBig) total = tidy(total + g * s);
            else if (s > lastBig) total = tidy((total + g) * s);
            else break loop;
          }
          lastBig = s;
          group = 0;
          delta = 0;
          usedBig = true;
          slot = 'start';
          if (wasFrac) {
            hasWords = true;
            weakOnly = false;
            tokensUsed++;
            i++;
            commit(i);
            break loop; // "1.5 लाख" ends there
          }
        }
        hasWords = true;
        weakOnly = false;
        tokensUsed++;
        i++;
        commit(i);
        break;
      }
      case 'frac': {
        if (slot !== 'start' || delta !== 0) break loop;
        delta = t.d;
        i++;
        break;
      }
      case 'point': {
        if (slot === 'frac' || delta !== 0) break loop;
        let j = i + 1;
        let frac = '';
        while (j < n && isDigitTok(toks[j])) {
          frac += String((toks[j] as { v: number }).v);
          j++;
        }
        if (!frac) break loop;
        group = Number(`${Math.trunc(group)}.${frac}`) + (group - Math.trunc(group));
        decimal = true;
        slot = 'frac';
        hasWords = true;
        weakOnly = false;
        tokensUsed += j - i;
        i = j;
        commit(i);
        break;
      }
      case 'and': {
        const next = toks[i + 1];
        const after = slot === 'hundreds' || (slot === 'start' && lastBig !== Infinity);
        if (!after || !next || next.t !== 'num') break loop;
        i++;
        break;
      }
      default:
        break loop;
    }
  }
  return best;
}
