import { readFileSync } from 'node:fs';
import { UserError } from '../contract/errors.js';

/** A JSONL row kept whole: tagging and overlap read a few keys and keep every other. */
export type LooseRow = Record<string, unknown>;

/** Reads a JSONL file of objects; a bad line is a user error naming the file and line. */
export function readJsonlRows(path: string): LooseRow[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new UserError('not_found', `${path}: cannot read the file`);
  }
  const rows: LooseRow[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === '') continue;
    let v: unknown;
    try {
      v = JSON.parse(line);
    } catch (e) {
      throw new UserError(
        'bad_input',
        `${path}:${i + 1}: not valid JSON (${(e as Error).message})`,
      );
    }
    if (typeof v !== 'object' || v === null || Array.isArray(v)) {
      throw new UserError('bad_input', `${path}:${i + 1}: expected a JSON object per line`);
    }
    const row = v as LooseRow;
    if (typeof row.text !== 'string') {
      throw new UserError('bad_input', `${path}:${i + 1}: field "text" must be a string`);
    }
    rows.push(row);
  }
  return rows;
}
