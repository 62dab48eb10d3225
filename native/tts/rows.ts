/**
 * Rows to synthesise, read from JSONL: `id` plus the text to speak, taken
 * from `spoken` (the verbalised form the corpus tools write) when present,
 * else `text`. A row may name its own `voice` (or `lang`). Every problem is
 * reported with the file and line, and all rows are checked before any
 * audio is made.
 */
import { readFileSync } from 'node:fs';
import { UserError } from '../contract/errors.js';
import { MAX_TEXT_CHARS } from './engine.js';

export interface SynthesisRow {
  id: string;
  text: string;
  /** `voice`, else `lang`, when the row names one. */
  voice: string | undefined;
  line: number;
}

const SAFE_ID = /^[\p{L}\p{N}_.-]{1,200}$/u;

export function readSynthesisRows(file: string): SynthesisRow[] {
  let body: string;
  try {
    body = readFileSync(file, 'utf8');
  } catch (e) {
    throw new UserError('not_found', `cannot read ${file}: ${(e as Error).message}`);
  }
  const rows: SynthesisRow[] = [];
  const seen = new Map<string, number>();
  body.split('\n').forEach((raw, i) => {
    const line = i + 1;
    const where = `${file}:${line}`;
    if (raw.trim().length === 0) return;
    let v: unknown;
    try {
      v = JSON.parse(raw);
    } catch (e) {
      throw new UserError('bad_input', `${where}: not valid JSON (${(e as Error).message})`);
    }
    if (typeof v !== 'object' || v === null || Array.isArray(v)) {
      throw new UserError('bad_input', `${where}: a row must be a JSON object`);
    }
    const row = v as Record<string, unknown>;
    const id = typeof row.id === 'number' ? String(row.id) : row.id;
    if (typeof id !== 'string' || !SAFE_ID.test(id) || id.startsWith('.')) {
      throw new UserError(
        'bad_input',
        `${where}: "id" must be 1–200 letters, digits, "_", "-" or "." (it names the WAV file)`,
      );
    }
    const prev = seen.get(id);
    if (prev !== undefined) {
      throw new UserError('bad_input', `${where}: id "${id}" already used on line ${prev}`);
    }
    seen.set(id, line);
    const field = row.spoken !== undefined && row.spoken !== null ? 'spoken' : 'text';
    const text = row[field];
    if (typeof text !== 'string' || text.trim().length === 0) {
      throw new UserError('bad_input', `${where}: "${field}" must be a non-empty string`);
    }
    if (text.length > MAX_TEXT_CHARS) {
      throw new UserError(
        'bad_input',
        `${where}: "${field}" is ${text.length} characters (at most ${MAX_TEXT_CHARS})`,
      );
    }
    const voice = row.voice ?? row.lang;
    if (voice !== undefined && voice !== null && typeof voice !== 'string') {
      throw new UserError('bad_input', `${where}: "voice"/"lang" must be a string`);
    }
    rows.push({ id, text, voice: voice ?? undefined, line });
  });
  if (rows.length === 0) throw new UserError('bad_input', `${file} has no rows`);
  return rows;
}
