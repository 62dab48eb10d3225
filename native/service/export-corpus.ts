import { closeSync, openSync, renameSync, writeSync } from 'node:fs';
import { resolve } from 'node:path';
import type { EntitySpan } from '../contract/corpus.js';
import { UserError } from '../contract/errors.js';
import { exportTypeName } from '../interchange/published-types.js';
import type { Project } from '../store/project.js';
import type { StoredUtterance } from '../store/utterance-repo.js';

function tokensFor(spans: EntitySpan[], rawTokens: unknown): Record<string, unknown>[] {
  const originals = Array.isArray(rawTokens) ? (rawTokens as Record<string, unknown>[]) : [];
  return spans.map((s) => {
    // Keep every key the original token had, in its order, then refresh ours.
    const base = { ...(originals[s.ord] ?? {}) };
    base.surface = s.surface;
    base.start = s.start;
    base.end = s.end;
    base.type = exportTypeName(s.type, s.originalType);
    if (s.value !== null || 'value' in base) base.value = s.value;
    if (s.subtype !== null) base.subtype = s.subtype;
    return base;
  });
}

/** The row as the shared corpora write it: the imported row, with edits applied. */
export function utteranceToRow(u: StoredUtterance): Record<string, unknown> {
  const raw = u.rawJson ? (JSON.parse(u.rawJson) as Record<string, unknown>) : null;
  if (raw && !u.edited) return raw;
  const row: Record<string, unknown> = raw ?? { id: u.extId, lang: u.lang };
  row.text = u.text;
  row.entity_tokens = tokensFor(u.entities, raw?.entity_tokens);
  if (!raw) {
    if (u.entityClass !== null) row.entity_class = u.entityClass;
    if (u.spoken !== null) {
      row.spoken = u.spoken;
      row.spoken_tokens = tokensFor(u.spokenEntities, null);
    }
    if (u.split !== 'none') row.split = u.split;
    if (u.source !== null) row.source = u.source;
  }
  return row;
}

/** Writes every utterance as JSONL; the project is only read. */
export function exportCorpus(
  project: Project,
  out: string,
  format: string,
): { file: string; rows: number } {
  if (format !== 'jsonl')
    throw new UserError('unsupported', `unknown export format "${format}" (supported: jsonl)`);
  const file = resolve(out);
  const tmp = `${file}.${process.pid}.tmp`;
  const fd = openSync(tmp, 'w');
  let rows = 0;
  try {
    for (const u of project.utterances.iterate()) {
      writeSync(fd, `${JSON.stringify(utteranceToRow(u))}\n`);
      rows++;
    }
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, file);
  return { file, rows };
}
