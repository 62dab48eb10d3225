import { LANGS, type Lang, type Split } from '../contract/common.js';
import type { EntityType } from '../contract/corpus.js';
import { cpLength, cpSlice } from '../text/code-points.js';
import { mapPublishedType } from './published-types.js';

/** Longest text accepted in one row; longer rows are refused, not truncated. */
export const MAX_TEXT_CODE_POINTS = 5000;
export const MAX_ENTITIES = 500;

export interface ParsedToken {
  surface: string;
  start: number;
  end: number;
  type: EntityType;
  originalType: string;
  subtype: string | null;
  value: string | null;
  raw: Record<string, unknown>;
}

export interface ParsedRow {
  id: string;
  lang: Lang;
  text: string;
  spoken: string | null;
  entityClass: string | null;
  split: Split;
  source: string | null;
  audioPath: string | null;
  tokens: ParsedToken[];
  spokenTokens: ParsedToken[];
  raw: Record<string, unknown>;
}

export class RowError extends Error {}

const SPLITS = new Set(['train', 'dev', 'test', 'none']);

function optString(row: Record<string, unknown>, key: string): string | null {
  const v = row[key];
  if (v === undefined || v === null) return null;
  if (typeof v !== 'string') throw new RowError(`"${key}" must be a string`);
  return v;
}

function parseTokens(
  value: unknown,
  field: string,
  text: string,
  isPlace?: (s: string) => boolean,
): ParsedToken[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new RowError(`"${field}" must be a list`);
  if (value.length > MAX_ENTITIES)
    throw new RowError(`"${field}" has ${value.length} entries (at most ${MAX_ENTITIES})`);
  const n = cpLength(text);
  return value.map((t: unknown, i) => {
    const where = `${field}[${i}]`;
    if (typeof t !== 'object' || t === null || Array.isArray(t))
      throw new RowError(`${where} must be an object`);
    const tok = t as Record<string, unknown>;
    const { surface, start, end, type } = tok;
    if (typeof surface !== 'string') throw new RowError(`${where}.surface must be a string`);
    if (!Number.isInteger(start) || !Number.isInteger(end)) {
      throw new RowError(`${where}: start and end must be integers (code-point offsets)`);
    }
    const s = start as number;
    const e = end as number;
    if (s < 0 || e < s || e > n) {
      throw new RowError(`${where}: offsets ${s}..${e} are outside the text (${n} code points)`);
    }
    const actual = cpSlice(text, s, e);
    if (actual !== surface) {
      throw new RowError(
        `${where}: offsets ${s}..${e} give ${JSON.stringify(actual)}, not the surface ${JSON.stringify(surface)}`,
      );
    }
    if (typeof type !== 'string') throw new RowError(`${where}.type must be a string`);
    const mapped = mapPublishedType(type, surface, isPlace);
    if (!mapped) throw new RowError(`${where}: unknown entity type "${type}"`);
    const subtype = tok.subtype;
    const val = tok.value;
    return {
      surface,
      start: s,
      end: e,
      type: mapped,
      originalType: type,
      subtype: typeof subtype === 'string' ? subtype : null,
      value:
        val === undefined || val === null
          ? null
          : typeof val === 'string'
            ? val
            : JSON.stringify(val),
      raw: tok,
    };
  });
}

/**
 * Validates one JSONL row in the shape of the shared corpora (spec §6).
 * Throws RowError with a message naming the field at fault.
 */
export function parseCorpusRow(line: string, isPlace?: (s: string) => boolean): ParsedRow {
  let row: unknown;
  try {
    row = JSON.parse(line);
  } catch (e) {
    throw new RowError(`not valid JSON (${(e as Error).message})`);
  }
  if (typeof row !== 'object' || row === null || Array.isArray(row))
    throw new RowError('a row must be a JSON object');
  const r = row as Record<string, unknown>;
  const id = r.id;
  if ((typeof id !== 'string' || id.length === 0) && typeof id !== 'number') {
    throw new RowError('"id" is missing (a non-empty string or a number)');
  }
  const lang = r.lang;
  if (typeof lang !== 'string') throw new RowError('"lang" is missing');
  if (!(LANGS as readonly string[]).includes(lang)) {
    throw new RowError(`unknown language code "${lang}" (known: ${LANGS.join(', ')})`);
  }
  const text = r.text;
  if (typeof text !== 'string' || text.trim().length === 0)
    throw new RowError('"text" is missing or empty');
  if (cpLength(text) > MAX_TEXT_CODE_POINTS) {
    throw new RowError(
      `"text" has ${cpLength(text)} code points (at most ${MAX_TEXT_CODE_POINTS} per row)`,
    );
  }
  const spoken = optString(r, 'spoken');
  const split = optString(r, 'split') ?? 'none';
  if (!SPLITS.has(split))
    throw new RowError(`"split" must be one of train, dev, test, none (got "${split}")`);
  return {
    id: String(id),
    lang: lang as Lang,
    text,
    spoken,
    entityClass: optString(r, 'entity_class'),
    split: split as Split,
    source: optString(r, 'source'),
    audioPath: optString(r, 'audio_path'),
    tokens: parseTokens(r.entity_tokens, 'entity_tokens', text, isPlace),
    spokenTokens:
      spoken === null ? [] : parseTokens(r.spoken_tokens, 'spoken_tokens', spoken, isPlace),
    raw: r,
  };
}
