/**
 * Reading reference and hypothesis JSONL (spec §6). Every error names the
 * file, the line and the field, because these files are written by hand or
 * by other tools and the user has to find the bad row.
 */
import { readFileSync } from 'node:fs';
import { UserError } from '../contract/errors.js';
import { cpSlice } from '../text/code-points.js';

export interface RefEntity {
  surface: string;
  /** Code-point offsets into `text`, end exclusive. */
  start: number;
  end: number;
  /** Type name as written in the file (published names kept). */
  type: string;
  value?: string;
  subtype?: string;
}

export interface RefRow {
  id: string;
  lang: string;
  text: string;
  entityTokens: RefEntity[];
  entityClass?: string;
  system?: string;
  testSet?: string;
  /** 1-based line in its file, for messages. */
  line: number;
  file: string;
  /** The whole row, other keys included (kept for export). */
  raw: Record<string, unknown>;
}

function bad(file: string, line: number, msg: string, hint?: string): UserError {
  return new UserError('bad_input', `${file}:${line}: ${msg}`, hint);
}

export function readText(path: string): string {
  try {
    // A byte-order mark (Windows editors) would make line 1 invalid JSON.
    return readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UserError('not_found', `${path}: no such file`);
    throw new UserError('bad_input', `${path}: cannot read (${code ?? (e as Error).message})`);
  }
}

/** Non-empty lines as parsed JSON objects with their 1-based line numbers. */
export function* jsonObjects(
  text: string,
  file: string,
): Generator<[Record<string, unknown>, number]> {
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (!l.trim()) continue;
    let v: unknown;
    try {
      v = JSON.parse(l);
    } catch (e) {
      throw bad(file, i + 1, `invalid JSON (${(e as Error).message})`);
    }
    if (typeof v !== 'object' || v === null || Array.isArray(v)) {
      throw bad(file, i + 1, 'each line must be one JSON object');
    }
    yield [v as Record<string, unknown>, i + 1];
  }
}

function optString(
  row: Record<string, unknown>,
  key: string,
  file: string,
  line: number,
): string | undefined {
  const v = row[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw bad(file, line, `field "${key}" must be a string`);
  return v;
}

function reqString(row: Record<string, unknown>, key: string, file: string, line: number): string {
  const v = row[key];
  if (typeof v !== 'string' || (key !== 'text' && v === '')) {
    throw bad(file, line, `missing or non-string field "${key}"`);
  }
  return v;
}

function parseEntity(t: unknown, k: number, text: string, file: string, line: number): RefEntity {
  const where = `entity_tokens[${k}]`;
  if (typeof t !== 'object' || t === null) throw bad(file, line, `${where} must be an object`);
  const o = t as Record<string, unknown>;
  if (typeof o.surface !== 'string') throw bad(file, line, `${where}.surface must be a string`);
  if (typeof o.type !== 'string' || !o.type)
    throw bad(file, line, `${where}.type must be a string`);
  for (const f of ['start', 'end'] as const) {
    if (!Number.isInteger(o[f]) || (o[f] as number) < 0) {
      throw bad(file, line, `${where}.${f} must be a non-negative integer (code points)`);
    }
  }
  const start = o.start as number;
  const end = o.end as number;
  const span = cpSlice(text, start, end);
  if (end < start || span !== o.surface) {
    throw bad(
      file,
      line,
      `${where}: text[${start}:${end}] is "${span}", not the surface "${o.surface}"`,
      'start and end are code-point offsets into "text" (not UTF-16 or byte offsets)',
    );
  }
  const e: RefEntity = { surface: o.surface, start, end, type: o.type };
  if (o.value !== undefined && o.value !== null) e.value = String(o.value);
  if (typeof o.subtype === 'string') e.subtype = o.subtype;
  return e;
}

/** Reference rows of a JSONL text; ids must be unique. */
export function parseReferenceJsonl(text: string, file: string): RefRow[] {
  const rows: RefRow[] = [];
  const seen = new Map<string, number>();
  for (const [o, line] of jsonObjects(text, file)) {
    const id = o.id;
    if ((typeof id !== 'string' || !id) && typeof id !== 'number') {
      throw bad(file, line, 'missing or non-string field "id"');
    }
    const sid = String(id);
    const prev = seen.get(sid);
    if (prev !== undefined) throw bad(file, line, `duplicate id "${sid}" (first on line ${prev})`);
    seen.set(sid, line);
    const lang = reqString(o, 'lang', file, line);
    const rowText = reqString(o, 'text', file, line);
    const toks = o.entity_tokens ?? [];
    if (!Array.isArray(toks)) throw bad(file, line, 'field "entity_tokens" must be a list');
    rows.push({
      id: sid,
      lang,
      text: rowText,
      entityTokens: toks.map((t, k) => parseEntity(t, k, rowText, file, line)),
      entityClass: optString(o, 'entity_class', file, line),
      system: optString(o, 'system', file, line),
      testSet: optString(o, 'test_set', file, line),
      line,
      file,
      raw: o,
    });
  }
  return rows;
}

export function readReferenceFile(path: string): RefRow[] {
  return parseReferenceJsonl(readText(path), path);
}

/**
 * Hypotheses by id from a JSONL text: `field` (default `hypothesis`) is a
 * string or null (null = missing). A field absent from every row is almost
 * always a wrong `--hyp-field`, so it is an error that lists the keys seen.
 */
export function parseHypothesisJsonl(
  text: string,
  file: string,
  field = 'hypothesis',
): Map<string, string | null> {
  const out = new Map<string, string | null>();
  const keys = new Set<string>();
  let present = 0;
  for (const [o, line] of jsonObjects(text, file)) {
    const id = o.id;
    if ((typeof id !== 'string' || !id) && typeof id !== 'number') {
      throw bad(file, line, 'missing or non-string field "id"');
    }
    for (const k of Object.keys(o)) keys.add(k);
    const v = o[field];
    if (v === undefined || v === null) {
      out.set(String(id), null);
      continue;
    }
    if (typeof v !== 'string') throw bad(file, line, `field "${field}" must be a string or null`);
    present++;
    // Python dict semantics (the paper's scorer): a repeated id keeps the last row.
    out.set(String(id), v);
  }
  if (out.size > 0 && present === 0 && ![...keys].includes(field)) {
    const hyps = [...keys].filter((k) => k.endsWith('hyp') || k === 'hypothesis');
    throw new UserError(
      'bad_input',
      `${file}: no row has the hypothesis field "${field}"`,
      hyps.length ? `use --hyp-field ${hyps.join(' or --hyp-field ')}` : 'use --hyp-field NAME',
    );
  }
  return out;
}

export function readHypothesisFile(path: string, field = 'hypothesis'): Map<string, string | null> {
  return parseHypothesisJsonl(readText(path), path, field);
}

export interface Paired {
  scored: { ref: RefRow; hyp: string }[];
  /** Reference rows without a hypothesis (absent id or null value): counted, not scored. */
  missing: RefRow[];
}

export function pairRows(
  refs: readonly RefRow[],
  hyps: ReadonlyMap<string, string | null>,
): Paired {
  const scored: Paired['scored'] = [];
  const missing: RefRow[] = [];
  for (const ref of refs) {
    const h = hyps.get(ref.id);
    if (h === undefined || h === null) missing.push(ref);
    else scored.push({ ref, hyp: h });
  }
  return { scored, missing };
}
