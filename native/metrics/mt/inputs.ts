/**
 * The inputs of `charkha mt-score`: reference rows in the corpus-row shape
 * (id, lang, text, entity_tokens; spec §6) and hypothesis rows carrying `id`
 * and `text` (or `translation`), joined by id. Every error names the file
 * and line, since these files come from other tools and the user has to
 * find the row at fault.
 */
import { readFileSync } from 'node:fs';
import { LANGS } from '../../contract/common.js';
import { UserError } from '../../contract/errors.js';
import { readReferenceFile, type RefRow } from '../files.js';

export interface HypRow {
  id: string;
  text: string;
  line: number;
}

export interface MtSegment {
  id: string;
  ref: RefRow;
  /** One entry per reference file; null where that file has no row for the id. */
  refs: (string | null)[];
  hyp: string;
}

function bad(file: string, line: number, msg: string): UserError {
  return new UserError('bad_input', `${file}:${line}: ${msg}`);
}

/** Reference rows; the language must be one Charkha knows, since entities are read in it. */
export function readMtReferences(path: string): RefRow[] {
  const rows = readReferenceFile(path);
  for (const r of rows) {
    if (!(LANGS as readonly string[]).includes(r.lang)) {
      throw bad(path, r.line, `unknown language code "${r.lang}" (known: ${LANGS.join(', ')})`);
    }
  }
  return rows;
}

/** Hypothesis rows of a JSONL text: `text`, else `translation`; ids unique. */
export function parseMtHypotheses(content: string, file: string): HypRow[] {
  const rows: HypRow[] = [];
  const seen = new Map<string, number>();
  const lines = content.replace(/^\uFEFF/, '').split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = i + 1;
    if (lines[i].trim() === '') continue;
    let v: unknown;
    try {
      v = JSON.parse(lines[i]);
    } catch (e) {
      throw bad(file, line, `invalid JSON (${(e as Error).message})`);
    }
    if (typeof v !== 'object' || v === null || Array.isArray(v)) {
      throw bad(file, line, 'each line must be one JSON object');
    }
    const o = v as Record<string, unknown>;
    if ((typeof o.id !== 'string' || o.id === '') && typeof o.id !== 'number') {
      throw bad(file, line, 'missing field "id" (a non-empty string or a number)');
    }
    const id = String(o.id);
    const first = seen.get(id);
    if (first !== undefined) throw bad(file, line, `duplicate id "${id}" (first on line ${first})`);
    seen.set(id, line);
    const field = o.text !== undefined ? 'text' : 'translation';
    const text = o[field];
    if (typeof text !== 'string') {
      throw bad(
        file,
        line,
        o[field] === undefined
          ? 'missing field "text" (or "translation")'
          : `field "${field}" must be a string`,
      );
    }
    rows.push({ id, text, line });
  }
  return rows;
}

export function readMtHypotheses(path: string): HypRow[] {
  let content: string;
  try {
    content = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UserError('not_found', `${path}: no such file`);
    throw new UserError('bad_input', `${path}: cannot read (${code ?? (e as Error).message})`);
  }
  return parseMtHypotheses(content, path);
}

/**
 * Joins hypotheses to the first reference file by id, in its row order.
 * Every reference row needs a hypothesis and every hypothesis a reference
 * (BLEU and chrF over a silently shorter corpus would not be comparable);
 * further reference files may lack rows (a missing reference, as sacrebleu
 * allows) but may not bring ids the first one lacks.
 */
export function joinSegments(
  refFiles: readonly { path: string; rows: readonly RefRow[] }[],
  hyp: { path: string; rows: readonly HypRow[] },
): MtSegment[] {
  const [primary, ...others] = refFiles;
  const primaryIds = new Map(primary.rows.map((r) => [r.id, r]));
  const byId = new Map(hyp.rows.map((h) => [h.id, h]));
  for (const h of hyp.rows) {
    if (!primaryIds.has(h.id)) {
      throw bad(hyp.path, h.line, `id "${h.id}" has no row in the reference ${primary.path}`);
    }
  }
  const otherMaps = others.map((f) => {
    for (const r of f.rows) {
      if (!primaryIds.has(r.id)) {
        throw bad(f.path, r.line, `id "${r.id}" has no row in the first reference ${primary.path}`);
      }
    }
    return new Map(f.rows.map((r) => [r.id, r.text]));
  });
  return primary.rows.map((ref) => {
    const h = byId.get(ref.id);
    if (h === undefined) {
      throw bad(primary.path, ref.line, `id "${ref.id}" has no row in the hypotheses ${hyp.path}`);
    }
    return {
      id: ref.id,
      ref,
      refs: [ref.text, ...otherMaps.map((m) => m.get(ref.id) ?? null)],
      hyp: h.text,
    };
  });
}
