/**
 * Script-constrained decoding for byte-level BPE vocabularies (Whisper): the
 * set of text tokens that may come next without writing a character outside
 * the target script, Latin, or script-neutral characters (digits,
 * punctuation, spaces, symbols, danda, joiners and inherited marks: whatever
 * `scriptOf` calls `Common`).
 *
 * A token is a byte string, and one code point may be split over several
 * tokens (a 3-byte Indic letter can be `E0` + `B0 95`, or `E0 B0` + `95`).
 * The rule, applied to the bytes of the text decoded so far:
 *
 * - The text ends with a pending sequence P: the lead byte and continuation
 *   bytes of a code point not yet complete (empty most of the time; the mask
 *   only ever lets valid UTF-8 through, so P is always a valid prefix).
 * - A text token with bytes B is allowed after P when P+B is valid UTF-8 up
 *   to its end, every code point it completes is allowed, and the incomplete
 *   sequence it leaves (if any) is the prefix of at least one allowed code
 *   point. `E0` alone can still become a Telugu letter; `E0 B2` can only
 *   become U+0C80–0CBF, all Kannada, so for Telugu it is masked, and so is a
 *   lone continuation byte that would finish `E0 B2`.
 * - Special tokens (end of text, timestamps, language and task tokens) are
 *   always allowed, and the text after one starts with an empty P.
 *
 * The mask for an empty P is computed when the mask is built; the one for
 * each pending prefix the first time decoding ends on it (a handful per
 * language: the lead bytes of the target block). Both are lists of banned
 * ids, so applying the mask costs one write per banned token.
 */
import { scriptOf } from '../text/scripts.js';
import type { Script } from '../text/scripts.js';

/** GPT-2's byte ↔ printable character map, which byte-level BPE vocabularies are written in. */
export function byteLevelDecoder(): Map<string, number> {
  const bs: number[] = [];
  for (let b = 0x21; b <= 0x7e; b++) bs.push(b);
  for (let b = 0xa1; b <= 0xac; b++) bs.push(b);
  for (let b = 0xae; b <= 0xff; b++) bs.push(b);
  const cs = [...bs];
  let n = 0;
  for (let b = 0; b < 256; b++) {
    if (!bs.includes(b)) {
      bs.push(b);
      cs.push(256 + n++);
    }
  }
  return new Map(bs.map((b, i) => [String.fromCodePoint(cs[i]), b]));
}

/** The bytes a byte-level BPE token stands for, or `undefined` when it is not written in that alphabet. */
export function tokenBytes(token: string, decoder = byteLevelDecoder()): Uint8Array | undefined {
  const out: number[] = [];
  for (const ch of token) {
    const b = decoder.get(ch);
    if (b === undefined) return undefined;
    out.push(b);
  }
  return Uint8Array.from(out);
}

/** Length of the UTF-8 sequence a lead byte starts; 0 for a continuation or invalid byte. */
function sequenceLength(lead: number): number {
  if (lead < 0x80) return 1;
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

/**
 * The code points `prefix` (a lead byte and fewer continuation bytes than
 * it needs) can still become, as a [first, last] range; `undefined` when the
 * prefix is not valid UTF-8 (overlong forms, surrogates, beyond U+10FFFF).
 */
export function prefixRange(prefix: ArrayLike<number>): [number, number] | undefined {
  const n = sequenceLength(prefix[0]);
  if (n < 2 || prefix.length >= n) return undefined;
  let cp = prefix[0] & (0xff >> (n + 1));
  for (let i = 1; i < prefix.length; i++) {
    if ((prefix[i] & 0xc0) !== 0x80) return undefined;
    cp = (cp << 6) | (prefix[i] & 0x3f);
  }
  const free = 6 * (n - prefix.length);
  let lo = cp << free;
  let hi = lo | ((1 << free) - 1);
  const min = [0, 0, 0x80, 0x800, 0x10000][n];
  lo = Math.max(lo, min);
  hi = Math.min(hi, 0x10ffff);
  if (lo > hi) return undefined;
  // A 3-byte prefix ending inside the surrogates (ED A0–BF) is invalid.
  if (n === 3 && lo >= 0xd800 && hi <= 0xdfff) return undefined;
  return [lo, hi];
}

/** What appending `bytes` to the pending sequence `pending` gives. */
interface Step {
  ok: boolean;
  /** Code points completed. */
  completed: number[];
  /** The incomplete sequence left at the end. */
  pending: number[];
}

function step(pending: ArrayLike<number>, bytes: ArrayLike<number>): Step {
  const completed: number[] = [];
  let cur: number[] = Array.from(pending);
  let need = cur.length > 0 ? sequenceLength(cur[0]) : 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (cur.length === 0) {
      need = sequenceLength(b);
      if (need === 0) return { ok: false, completed, pending: [] };
      cur = [b];
    } else {
      if ((b & 0xc0) !== 0x80) return { ok: false, completed, pending: [] };
      cur.push(b);
      // Overlong and surrogate forms show in the first two bytes.
      if (cur.length === 2 && !prefixRange(cur) && need > 2) {
        return { ok: false, completed, pending: [] };
      }
    }
    if (cur.length === need) {
      const cp = decodeOne(cur);
      if (cp === undefined) return { ok: false, completed, pending: [] };
      completed.push(cp);
      cur = [];
    }
  }
  return { ok: true, completed, pending: cur };
}

function decodeOne(seq: number[]): number | undefined {
  const n = seq.length;
  if (n === 1) return seq[0];
  let cp = seq[0] & (0xff >> (n + 1));
  for (let i = 1; i < n; i++) cp = (cp << 6) | (seq[i] & 0x3f);
  const min = [0, 0, 0x80, 0x800, 0x10000][n];
  if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return undefined;
  return cp;
}

/** The scripts a mask lets through: the target's, Latin, and `Common`. */
export function allowedScripts(target: Script): Set<Script> {
  return new Set<Script>([target, 'Latin', 'Common']);
}

/** The parts of a `tokenizer.json` (Hugging Face tokenizers) the mask reads. */
export interface TokenizerJson {
  added_tokens?: { id: number; content: string }[];
  model: { vocab: Record<string, number> };
}

/**
 * Bytes of each token by id, `size` ids long (the logits' width): `null` for
 * added tokens (Whisper's special and timestamp tokens, always allowed),
 * `undefined` for ids no token has or not written in the byte alphabet
 * (never allowed: the decoder could not turn them into text).
 */
export function vocabBytes(tok: TokenizerJson, size: number): (Uint8Array | null | undefined)[] {
  const out: (Uint8Array | null | undefined)[] = new Array<undefined>(size).fill(undefined);
  const decoder = byteLevelDecoder();
  for (const [text, id] of Object.entries(tok.model.vocab)) {
    if (id < size) out[id] = tokenBytes(text, decoder);
  }
  for (const t of tok.added_tokens ?? []) if (t.id < size) out[t.id] = null;
  return out;
}

export class ScriptMask {
  private readonly allowedCp = new Map<number, boolean>();
  private readonly feasible = new Map<string, boolean>();
  private readonly banned = new Map<string, Int32Array>();
  private readonly special: Uint8Array;

  /**
   * @param tokens bytes of each token by id (see `vocabBytes`)
   * @param scripts the scripts allowed (see `allowedScripts`)
   */
  constructor(
    private readonly tokens: readonly (Uint8Array | null | undefined)[],
    private readonly scripts: ReadonlySet<Script>,
  ) {
    this.special = Uint8Array.from(tokens, (t) => (t === null ? 1 : 0));
    this.bannedAfter([]);
  }

  get size(): number {
    return this.tokens.length;
  }

  isSpecial(id: number): boolean {
    return this.special[id] === 1;
  }

  /** Whether the code point may be written. */
  allows(cp: number): boolean {
    let v = this.allowedCp.get(cp);
    if (v === undefined) {
      v = this.scripts.has(scriptOf(cp));
      this.allowedCp.set(cp, v);
    }
    return v;
  }

  /** Whether some allowed code point starts with `prefix` (an incomplete sequence). */
  canComplete(prefix: ArrayLike<number>): boolean {
    if (prefix.length === 0) return true;
    const key = Array.from(prefix).join(',');
    let v = this.feasible.get(key);
    if (v === undefined) {
      const range = prefixRange(prefix);
      v = false;
      if (range) {
        for (let cp = range[0]; cp <= range[1] && !v; cp++) {
          if (cp >= 0xd800 && cp <= 0xdfff) continue;
          v = this.allows(cp);
        }
      }
      this.feasible.set(key, v);
    }
    return v;
  }

  /** Whether token `id` may follow a text whose pending incomplete sequence is `pending`. */
  allowsToken(id: number, pending: ArrayLike<number> = []): boolean {
    const t = this.tokens[id];
    if (t === null) return true;
    if (t === undefined || t.length === 0) return false;
    const s = step(pending, t);
    return s.ok && s.completed.every((cp) => this.allows(cp)) && this.canComplete(s.pending);
  }

  /** Ids banned after `pending`, computed once per distinct pending sequence. */
  bannedAfter(pending: ArrayLike<number>): Int32Array {
    const key = Array.from(pending).join(',');
    let list = this.banned.get(key);
    if (!list) {
      const out: number[] = [];
      for (let id = 0; id < this.tokens.length; id++) {
        if (!this.allowsToken(id, pending)) out.push(id);
      }
      list = Int32Array.from(out);
      this.banned.set(key, list);
    }
    return list;
  }

  /**
   * The incomplete sequence at the end of the text written by `ids` (token
   * ids, oldest first): only the text after the last special token counts.
   */
  pendingOf(ids: readonly (number | bigint)[]): number[] {
    const tail: number[] = [];
    for (let i = ids.length - 1; i >= 0 && tail.length < 4; i--) {
      const t = this.tokens[Number(ids[i])];
      if (!t) break; // special token, or an id with no bytes
      for (let j = t.length - 1; j >= 0 && tail.length < 4; j--) tail.unshift(t[j]);
    }
    // Walk back over continuation bytes to the lead byte of the last sequence.
    let k = tail.length - 1;
    while (k >= 0 && (tail[k] & 0xc0) === 0x80) k--;
    if (k < 0) return [];
    const need = sequenceLength(tail[k]);
    const have = tail.length - k;
    return need > have ? tail.slice(k) : [];
  }

  /** Sets the logits of every token banned after `ids` to -Infinity. */
  apply(ids: readonly (number | bigint)[], logits: Float32Array): void {
    const banned = this.bannedAfter(this.pendingOf(ids));
    for (let i = 0; i < banned.length; i++) {
      const id = banned[i];
      if (id < logits.length) logits[id] = -Infinity;
    }
  }
}
