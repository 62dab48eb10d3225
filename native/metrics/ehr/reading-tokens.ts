/**
 * Tokens of step-3 text (spec §1) for reading extraction: digit groups,
 * words, currency signs, slashes, times (`3:30`) and e-mail/UPI ids, each
 * with its input code-point span and the separator before it. The
 * separator decides what may join: a space or hyphen joins digit groups,
 * anything else (`,` `।` `(`…) ends a reading.
 */

import type { MappedText } from './text-views.js';

export type TokenKind = 'num' | 'word' | 'sign' | 'slash' | 'time' | 'email';
export type Gap = 'none' | 'space' | 'hyphen' | 'hard';

export interface Token {
  /** Case-folded text (digits are ASCII already). */
  text: string;
  kind: TokenKind;
  /** Input code-point offsets, end exclusive. */
  start: number;
  end: number;
  /** What separates this token from the previous one. */
  gap: Gap;
}

const LETTER = /[\p{L}\p{M}]/u;
const SPACE = /\s/u;
const SIGNS = new Set(['₹', '$', '€', '£']);
const EMAIL = /[\p{L}\p{N}._-]+@[\p{L}\p{N}._-]*[\p{L}\p{N}]/gu;
const GAP_RANK: Record<Gap, number> = { none: 0, space: 1, hyphen: 2, hard: 3 };

function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

export function tokenize(m: MappedText): Token[] {
  const cps = m.cps;
  const text = cps.join('');
  // E-mail and UPI ids are found first, on the whole string, because their
  // `.` `_` `-` would otherwise split them; the regex works on UTF-16, so
  // convert its indices to code points.
  const emailAt = new Map<number, number>();
  if (text.includes('@')) {
    const cpIndex: number[] = [];
    let u = 0;
    cps.forEach((c, i) => {
      cpIndex[u] = i;
      u += c.length;
    });
    cpIndex[u] = cps.length;
    for (const hit of text.matchAll(EMAIL)) {
      emailAt.set(cpIndex[hit.index], cpIndex[hit.index + hit[0].length]);
    }
  }
  const tokens: Token[] = [];
  let gap: Gap = 'none';
  const widen = (g: Gap): void => {
    if (GAP_RANK[g] > GAP_RANK[gap]) gap = g;
  };
  const emit = (kind: TokenKind, from: number, to: number): void => {
    tokens.push({
      text: cps.slice(from, to).join('').toLowerCase(),
      kind,
      start: m.map[from],
      end: m.map[to - 1] + 1,
      gap: tokens.length === 0 ? 'hard' : gap,
    });
    gap = 'none';
  };
  let i = 0;
  while (i < cps.length) {
    const ch = cps[i];
    const emailEnd = emailAt.get(i);
    if (emailEnd !== undefined) {
      emit('email', i, emailEnd);
      i = emailEnd;
      continue;
    }
    if (SPACE.test(ch) || ch === '+') {
      widen('space');
      i++;
      continue;
    }
    if (isDigit(ch)) {
      let j = i;
      while (isDigit(cps[j])) j++;
      if (cps[j] === ':' && isDigit(cps[j + 1]) && isDigit(cps[j + 2]) && !isDigit(cps[j + 3])) {
        emit('time', i, j + 3);
        i = j + 3;
        continue;
      }
      // A decimal point between digits stays part of the number (spec §1).
      if (cps[j] === '.' && isDigit(cps[j + 1])) {
        j++;
        while (isDigit(cps[j])) j++;
      }
      emit('num', i, j);
      i = j;
      continue;
    }
    if (LETTER.test(ch)) {
      let j = i;
      while (j < cps.length && LETTER.test(cps[j])) j++;
      emit('word', i, j);
      i = j;
      continue;
    }
    if (SIGNS.has(ch)) {
      emit('sign', i, i + 1);
      i++;
      continue;
    }
    if (ch === '/') {
      emit('slash', i, i + 1);
      i++;
      continue;
    }
    if (ch === '-' || ch === '‐' || ch === '–') widen('hyphen');
    // An abbreviation's point ("Rs.", "रु.") does not end an amount.
    else if (ch === '.' && tokens.length > 0 && tokens[tokens.length - 1].kind === 'word') {
      widen('space');
    } else widen('hard');
    i++;
  }
  return tokens;
}
