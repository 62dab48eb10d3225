/**
 * SentencePiece models as IndicTrans2 ships them (`model.SRC`, `model.TGT`):
 * the ModelProto read straight from its protobuf bytes, and the two encoders
 * its `model_type` can name. IndicTrans2's own models are BPE; Unigram is
 * here for exports (and the fixture's target side) that use it. Only the
 * fields encoding needs are read: pieces with scores and types, the model
 * type, and the normaliser's whitespace switches. The precompiled character
 * map is not interpreted: NFKC stands in for `nmt_nfkc`, the rule IndicTrans2
 * was trained with; `identity` leaves the text as it is.
 */
import { UserError } from '../../contract/errors.js';

export type PieceType = 'normal' | 'unknown' | 'control' | 'user_defined' | 'unused' | 'byte';

export interface SpmPiece {
  piece: string;
  score: number;
  type: PieceType;
}

export interface SpmModel {
  pieces: SpmPiece[];
  modelType: 'unigram' | 'bpe';
  /** Normaliser rule name (`nmt_nfkc`, `identity`, …). */
  normalizer: string;
  addDummyPrefix: boolean;
  removeExtraWhitespaces: boolean;
}

const PIECE_TYPES: Record<number, PieceType> = {
  1: 'normal',
  2: 'unknown',
  3: 'control',
  4: 'user_defined',
  5: 'unused',
  6: 'byte',
};

/** One protobuf message's fields, by number, in order; nested messages stay bytes. */
type Field = { num: number; wire: number; int?: number; bytes?: Uint8Array; f32?: number };

function fields(buf: Uint8Array, file: string): Field[] {
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const out: Field[] = [];
  let at = 0;
  const varint = (): number => {
    let v = 0;
    let mul = 1;
    for (;;) {
      if (at >= buf.length) throw broken(file, 'truncated varint');
      const b = buf[at++];
      v += (b & 0x7f) * mul;
      if (b < 0x80) return v;
      mul *= 128;
    }
  };
  while (at < buf.length) {
    const key = varint();
    const num = Math.floor(key / 8);
    const wire = key & 7;
    if (wire === 0) out.push({ num, wire, int: varint() });
    else if (wire === 1) at += 8;
    else if (wire === 5) {
      if (at + 4 > buf.length) throw broken(file, 'truncated float');
      out.push({ num, wire, f32: view.getFloat32(at, true) });
      at += 4;
    } else if (wire === 2) {
      const len = varint();
      if (at + len > buf.length) throw broken(file, 'truncated field');
      out.push({ num, wire, bytes: buf.subarray(at, at + len) });
      at += len;
    } else throw broken(file, `wire type ${wire}`);
  }
  return out;
}

function broken(file: string, why: string): UserError {
  return new UserError(
    'model_invalid',
    `${file}: not a SentencePiece model (${why})`,
    'the file must be the export’s model.SRC / model.TGT as SentencePiece wrote it',
  );
}

const utf8 = new TextDecoder('utf-8', { fatal: false });

/** Reads a SentencePiece `.model` file's bytes (`file` names it in errors). */
export function parseSpmModel(bytes: Uint8Array, file: string): SpmModel {
  const model: SpmModel = {
    pieces: [],
    modelType: 'unigram',
    normalizer: 'nmt_nfkc',
    addDummyPrefix: true,
    removeExtraWhitespaces: true,
  };
  for (const f of fields(bytes, file)) {
    if (f.num === 1 && f.bytes) {
      const p: SpmPiece = { piece: '', score: 0, type: 'normal' };
      for (const g of fields(f.bytes, file)) {
        if (g.num === 1 && g.bytes) p.piece = utf8.decode(g.bytes);
        else if (g.num === 2 && g.f32 !== undefined) p.score = g.f32;
        else if (g.num === 3 && g.int !== undefined) p.type = PIECE_TYPES[g.int] ?? 'normal';
      }
      model.pieces.push(p);
    } else if (f.num === 2 && f.bytes) {
      for (const g of fields(f.bytes, file)) {
        if (g.num !== 3 || g.int === undefined) continue;
        if (g.int === 1) model.modelType = 'unigram';
        else if (g.int === 2) model.modelType = 'bpe';
        else throw broken(file, `model type ${g.int} (only Unigram and BPE are supported)`);
      }
    } else if (f.num === 3 && f.bytes) {
      for (const g of fields(f.bytes, file)) {
        if (g.num === 1 && g.bytes) model.normalizer = utf8.decode(g.bytes);
        else if (g.num === 3 && g.int !== undefined) model.addDummyPrefix = g.int !== 0;
        else if (g.num === 4 && g.int !== undefined) model.removeExtraWhitespaces = g.int !== 0;
      }
    }
  }
  if (model.pieces.length === 0) throw broken(file, 'no pieces');
  return model;
}

const SPACE = '▁';

/**
 * Encodes text to pieces (strings) with a parsed model: SentencePiece's
 * normalisation of whitespace (▁, dummy prefix), then BPE merges by score or
 * the Unigram Viterbi segmentation. Characters the model lacks come out as
 * the unknown piece.
 */
export class SpmEncoder {
  private readonly score = new Map<string, number>();
  private readonly unk: string;
  private readonly maxLen: number;
  private readonly minScore: number;

  constructor(readonly model: SpmModel) {
    let maxLen = 1;
    let min = 0;
    for (const p of model.pieces) {
      if (p.type !== 'normal' && p.type !== 'user_defined') continue;
      this.score.set(p.piece, p.score);
      maxLen = Math.max(maxLen, Array.from(p.piece).length);
      min = Math.min(min, p.score);
    }
    this.unk = model.pieces.find((p) => p.type === 'unknown')?.piece ?? '<unk>';
    this.maxLen = maxLen;
    this.minScore = min;
  }

  private normalize(text: string): string {
    let t = /nfkc/i.test(this.model.normalizer) ? text.normalize('NFKC') : text;
    if (this.model.removeExtraWhitespaces) t = t.trim().replace(/\s+/g, ' ');
    if (t === '') return '';
    t = t.replace(/ /g, SPACE);
    return this.model.addDummyPrefix ? SPACE + t : t;
  }

  encode(text: string): string[] {
    const t = this.normalize(text);
    if (t === '') return [];
    return this.model.modelType === 'bpe' ? this.bpe(Array.from(t)) : this.unigram(Array.from(t));
  }

  /** Repeatedly merges the adjacent pair whose union scores highest (leftmost on ties). */
  private bpe(chars: string[]): string[] {
    const syms = [...chars];
    for (;;) {
      let best = -Infinity;
      let at = -1;
      for (let i = 0; i + 1 < syms.length; i++) {
        const s = this.score.get(syms[i] + syms[i + 1]);
        if (s !== undefined && s > best) {
          best = s;
          at = i;
        }
      }
      if (at < 0) break;
      syms.splice(at, 2, syms[at] + syms[at + 1]);
    }
    return syms.map((s) => (this.score.has(s) ? s : this.unk));
  }

  /** The segmentation with the highest total score; an unknown character costs below every piece. */
  private unigram(chars: string[]): string[] {
    const n = chars.length;
    const unkScore = this.minScore - 10;
    const best = new Float64Array(n + 1).fill(-Infinity);
    const from = new Int32Array(n + 1).fill(-1);
    const known = new Uint8Array(n + 1);
    best[0] = 0;
    for (let end = 1; end <= n; end++) {
      for (let start = Math.max(0, end - this.maxLen); start < end; start++) {
        if (best[start] === -Infinity) continue;
        const s = this.score.get(chars.slice(start, end).join(''));
        if (s !== undefined && best[start] + s > best[end]) {
          best[end] = best[start] + s;
          from[end] = start;
          known[end] = 1;
        }
      }
      if (from[end] < 0 && best[end - 1] !== -Infinity) {
        best[end] = best[end - 1] + unkScore;
        from[end] = end - 1;
        known[end] = 0;
      }
    }
    const out: string[] = [];
    for (let end = n; end > 0; end = from[end]) {
      out.push(known[end] ? chars.slice(from[end], end).join('') : this.unk);
    }
    return out.reverse();
  }
}
