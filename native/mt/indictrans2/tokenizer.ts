/**
 * IndicTrans2's tokeniser, as its Hugging Face `IndicTransTokenizer` works:
 * the two language tags go in as whole dictionary entries, the rest of the
 * prepared sentence through the source SentencePiece model, then `</s>`;
 * pieces become ids through the fairseq dictionary (`dict.SRC.json`), which
 * numbers them differently from the SentencePiece model; a batch is padded
 * on the left. Output ids become pieces through `dict.TGT.json`, and pieces
 * text by dropping the spaces between them and turning ▁ into a space.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { UserError } from '../../contract/errors.js';
import { parseSpmModel, SpmEncoder } from './spm.js';

export interface SourceBatch {
  inputIds: BigInt64Array;
  attentionMask: BigInt64Array;
  /** Rows × columns. */
  dims: [number, number];
  /** Each sentence's ids, padding left out. */
  ids: number[][];
}

export interface SpecialIds {
  bos: number;
  pad: number;
  eos: number;
  unk: number;
}

async function readDict(path: string): Promise<Map<string, number>> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(path, 'utf8'));
  } catch (e) {
    throw new UserError(
      'model_invalid',
      `${basename(path)}: not a JSON dictionary (${(e as Error).message})`,
    );
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new UserError('model_invalid', `${basename(path)}: expected an object of piece → id`);
  }
  const map = new Map<string, number>();
  for (const [piece, id] of Object.entries(raw as Record<string, unknown>)) {
    if (!Number.isInteger(id)) {
      throw new UserError(
        'model_invalid',
        `${basename(path)}: "${piece}" has id ${String(id)}, not a whole number`,
      );
    }
    map.set(piece, id as number);
  }
  return map;
}

function special(dict: Map<string, number>, piece: string, file: string): number {
  const id = dict.get(piece);
  if (id === undefined) throw new UserError('model_invalid', `${file}: no entry for ${piece}`);
  return id;
}

export class IndicTrans2Tokenizer {
  private readonly targetPieces: string[];

  private constructor(
    private readonly source: Map<string, number>,
    target: Map<string, number>,
    private readonly spm: SpmEncoder,
    readonly specials: SpecialIds,
    readonly maxSourceLength: number,
  ) {
    this.targetPieces = [];
    for (const [piece, id] of target) this.targetPieces[id] = piece;
  }

  static async load(
    files: { dictSrc: string; dictTgt: string; spmSrc: string },
    maxSourceLength: number,
  ): Promise<IndicTrans2Tokenizer> {
    const [source, target, spmBytes] = await Promise.all([
      readDict(files.dictSrc),
      readDict(files.dictTgt),
      readFile(files.spmSrc),
    ]);
    const file = basename(files.dictSrc);
    const specials: SpecialIds = {
      bos: special(source, '<s>', file),
      pad: special(source, '<pad>', file),
      eos: special(source, '</s>', file),
      unk: special(source, '<unk>', file),
    };
    const spm = new SpmEncoder(parseSpmModel(spmBytes, basename(files.spmSrc)));
    return new IndicTrans2Tokenizer(source, target, spm, specials, maxSourceLength);
  }

  get targetVocabSize(): number {
    return this.targetPieces.length;
  }

  hasTag(tag: string): boolean {
    return this.source.has(tag);
  }

  /** Source pieces of a prepared sentence (tags not included). */
  pieces(prepared: string): string[] {
    return this.spm.encode(prepared);
  }

  /** One sentence's ids: tags, pieces, `</s>`; cut to the model's source length. */
  encode(prepared: string, srcTag: string, tgtTag: string): number[] {
    const { unk, eos } = this.specials;
    const body = this.pieces(prepared).map((p) => this.source.get(p) ?? unk);
    const tags = [srcTag, tgtTag].map((t) => this.source.get(t) ?? unk);
    return [...tags, ...body].slice(0, this.maxSourceLength - 1).concat(eos);
  }

  /** Sentences' ids padded on the left to the longest, with the attention mask. */
  batch(ids: number[][]): SourceBatch {
    const width = Math.max(...ids.map((r) => r.length));
    const inputIds = new BigInt64Array(ids.length * width).fill(BigInt(this.specials.pad));
    const attentionMask = new BigInt64Array(ids.length * width);
    ids.forEach((row, r) => {
      const pad = width - row.length;
      row.forEach((id, i) => {
        inputIds[r * width + pad + i] = BigInt(id);
        attentionMask[r * width + pad + i] = 1n;
      });
    });
    return { inputIds, attentionMask, dims: [ids.length, width], ids };
  }

  /** Generated ids as the model's text (Devanagari or tokenised English), specials left out. */
  decode(ids: readonly number[]): string {
    const { bos, pad, eos } = this.specials;
    return ids
      .filter((id) => id !== bos && id !== pad && id !== eos)
      .map((id) => this.targetPieces[id] ?? '<unk>')
      .join(' ')
      .replace(/ /g, '')
      .replace(/▁/g, ' ')
      .trim();
  }
}
