import { createReadStream, existsSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { ImportCorpusResult, RowProblem } from '../contract/corpus.js';
import { UserError } from '../contract/errors.js';
import {
  parseCorpusRow,
  RowError,
  type ParsedRow,
  type ParsedToken,
} from '../interchange/corpus-row.js';
import type { Project } from '../store/project.js';
import type { NewSpan } from '../store/utterance-repo.js';
import { importOne } from './import-audio.js';

export interface ImportCorpusOptions {
  audioRoot?: string;
  /** The TTS system that produced the rows' audio, recorded on audio and utterances. */
  system?: string | null;
  batchSize?: number;
  /**
   * Import text and spans only: rows keep their audio_path key (export
   * writes it back) but no file is read. For published sets whose audio is
   * not redistributed.
   */
  withoutAudio?: boolean;
  isPlace?: (surface: string) => boolean;
  signal?: AbortSignal;
  onProgress?: (p: { done: number; total: number | null; message: string }) => void;
}

interface Pending {
  line: number;
  row: ParsedRow;
  rawJson: string;
  audioId: number | null;
}

export function spansOf(tokens: ParsedToken[], tier: 'text' | 'spoken'): NewSpan[] {
  return tokens.map((t, ord) => ({
    tier,
    ord,
    type: t.type,
    originalType: t.originalType,
    subtype: t.subtype,
    start: t.start,
    end: t.end,
    surface: t.surface,
    value: t.value,
    valueStart: null,
    valueEnd: null,
    rawJson: JSON.stringify(t.raw),
  }));
}

/**
 * Imports a JSONL corpus in the shared corpora's shape. Every bad row is
 * reported with its line number and skipped; valid rows land one
 * transaction per batch, so a killed import leaves whole rows or none.
 */
export async function importCorpus(
  project: Project,
  file: string,
  opts: ImportCorpusOptions = {},
): Promise<ImportCorpusResult> {
  project.requireWritable('importing a corpus');
  const path = resolve(file);
  if (!existsSync(path)) throw new UserError('not_found', `${file}: no such file`);
  const audioRoot = resolve(opts.audioRoot ?? dirname(path));
  const batchSize = opts.batchSize ?? 500;
  const result: ImportCorpusResult = {
    file: path,
    rows: 0,
    imported: 0,
    unchanged: 0,
    entities: 0,
    audio: 0,
    problems: [],
  };
  const problem = (p: RowProblem) => result.problems.push(p);
  const seen = new Set<string>();
  let batch: Pending[] = [];

  const flush = () => {
    const insert = project.db.transaction((rows: Pending[]) => {
      for (const p of rows) {
        const existing = project.utterances.rawByExtId(p.row.id);
        if (existing) {
          if (existing.rawJson === p.rawJson) result.unchanged++;
          else
            problem({
              line: p.line,
              id: p.row.id,
              reason: `id "${p.row.id}" is already in the project with different content; not overwritten`,
            });
          continue;
        }
        const spans = [...spansOf(p.row.tokens, 'text'), ...spansOf(p.row.spokenTokens, 'spoken')];
        project.utterances.insert({
          extId: p.row.id,
          lang: p.row.lang,
          text: p.row.text,
          spoken: p.row.spoken,
          entityClass: p.row.entityClass,
          split: p.row.split,
          source: p.row.source,
          system: p.audioId !== null ? (opts.system ?? null) : null,
          audioId: p.audioId,
          rawJson: p.rawJson,
          spans,
        });
        result.imported++;
        result.entities += p.row.tokens.length;
      }
    });
    insert(batch);
    batch = [];
  };

  const lines = createInterface({
    input: createReadStream(path, { encoding: 'utf8' }),
    crlfDelay: Infinity,
  });
  let lineNo = 0;
  for await (const raw of lines) {
    lineNo++;
    if (opts.signal?.aborted) break;
    const line = lineNo === 1 ? raw.replace(/^\uFEFF/, '') : raw;
    if (line.trim() === '') continue;
    result.rows++;
    let row: ParsedRow;
    try {
      row = parseCorpusRow(line, opts.isPlace);
    } catch (e) {
      if (e instanceof RowError) {
        problem({ line: lineNo, id: idOf(line), reason: e.message });
        continue;
      }
      throw e;
    }
    if (seen.has(row.id)) {
      problem({ line: lineNo, id: row.id, reason: `id "${row.id}" occurs twice in ${file}` });
      continue;
    }
    seen.add(row.id);
    let audioId: number | null = null;
    if (row.audioPath !== null && !opts.withoutAudio) {
      const audioPath = isAbsolute(row.audioPath)
        ? row.audioPath
        : resolve(audioRoot, row.audioPath);
      if (!existsSync(audioPath)) {
        problem({
          line: lineNo,
          id: row.id,
          reason: `audio_path "${row.audioPath}" not found (looked in ${audioRoot})`,
        });
        continue;
      }
      try {
        const a = await importOne(project, audioPath, opts.system ?? null);
        if (a.isNew) result.audio++;
        audioId = a.audioId;
      } catch (e) {
        if (e instanceof UserError) {
          problem({
            line: lineNo,
            id: row.id,
            reason: `audio_path "${row.audioPath}": ${e.message}`,
          });
          continue;
        }
        throw e;
      }
    }
    batch.push({ line: lineNo, row, rawJson: JSON.stringify(row.raw), audioId });
    if (batch.length >= batchSize) {
      flush();
      opts.onProgress?.({ done: result.rows, total: null, message: path });
    }
  }
  if (batch.length) flush();
  opts.onProgress?.({ done: result.rows, total: result.rows, message: 'done' });
  return result;
}

function idOf(line: string): string | null {
  const m = /"id"\s*:\s*"([^"]{1,200})"/.exec(line);
  return m ? m[1] : null;
}
