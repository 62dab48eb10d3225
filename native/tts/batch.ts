/**
 * Synthesising a file of rows to a folder: one 16-bit WAV per row plus
 * `manifest.jsonl`. Synthesis runs in the worker pool (rows in parallel);
 * augmentation, which is quick, runs here as results arrive. The manifest
 * lists rows in input order whatever order they finish in.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodeWav } from '../audio/wav.js';
import { UserError } from '../contract/errors.js';
import type { WorkerPool } from '../workers/pool.js';
import type { TaskProgress } from '../workers/wire.js';
import type { SynthesisResult, TtsEngine } from './engine.js';
import { EspeakEngine } from './espeak/engine.js';
import { applyChain } from './post/chain.js';
import type { AugmentChain } from './post/chain.js';
import { rowSeed } from './row-seed.js';
import type { SynthesisRow } from './rows.js';

export interface BatchOptions {
  /** Voice for rows that name none. */
  voice?: string;
  variant?: string;
  rate?: number;
  pitch?: number;
  range?: number;
  chain: AugmentChain;
  /** Name of the chain as given (preset name or JSON), for the manifest. */
  chainLabel: string | null;
  seed: number;
  outDir: string;
  /** The rows file, for error messages. */
  source: string;
  signal?: AbortSignal;
  onProgress?: (p: TaskProgress) => void;
}

export interface ManifestEntry {
  id: string;
  file: string;
  engine: 'espeak' | 'piper' | 'mms';
  voice: string;
  variant: string | null;
  options: { rate: number | null; pitch: number | null; range: number | null };
  augmentation: { chain: AugmentChain; preset: string | null; seed: number } | null;
  text: string;
  duration: number;
  sample_rate: number;
  sha256: string;
}

export async function synthesizeBatch(
  pool: WorkerPool,
  rows: SynthesisRow[],
  o: BatchOptions,
): Promise<ManifestEntry[]> {
  makeOutDir(o.outDir);
  const engine = new EspeakEngine(pool);
  const stop = new AbortController();
  const signal = o.signal ? AbortSignal.any([o.signal, stop.signal]) : stop.signal;
  const entries: ManifestEntry[] = new Array<ManifestEntry>(rows.length);
  let done = 0;
  const one = async (row: SynthesisRow, index: number): Promise<void> => {
    const voice = row.voice ?? o.voice;
    if (!voice) {
      throw new UserError(
        'bad_input',
        `${o.source}:${row.line}: no voice: give --voice or a "voice"/"lang" field`,
      );
    }
    let result;
    try {
      result = await engine.synthesize(
        row.text,
        { voice, variant: o.variant, rate: o.rate, pitch: o.pitch, range: o.range },
        { signal },
      );
    } catch (e) {
      if (e instanceof UserError && e.code !== 'cancelled') {
        throw new UserError(e.code, `${o.source}:${row.line} (id ${row.id}): ${e.message}`, e.hint);
      }
      throw e;
    }
    entries[index] = finishRow(row, result, o, 'espeak', {
      voice: result.voiceUsed ?? voice,
      variant: o.variant ?? (voice.includes('+') ? voice.slice(voice.indexOf('+') + 1) : null),
    });
    done++;
    o.onProgress?.({ done, total: rows.length, message: row.id });
  };
  const running = new Set<Promise<void>>();
  let failure: unknown;
  for (let i = 0; i < rows.length && failure === undefined; i++) {
    await pool.ready();
    if (failure !== undefined) break;
    const p = one(rows[i], i).catch((e: unknown) => {
      failure ??= e;
      stop.abort();
    });
    running.add(p);
    void p.finally(() => running.delete(p));
  }
  await Promise.all(running);
  if (failure !== undefined) throw failure;
  writeManifest(o.outDir, entries);
  return entries;
}

function makeOutDir(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw new UserError('bad_input', `cannot create ${dir}: ${(e as Error).message}`);
  }
}

function writeManifest(dir: string, entries: ManifestEntry[]): void {
  writeFileSync(
    join(dir, 'manifest.jsonl'),
    entries.map((e) => JSON.stringify(e)).join('\n') + '\n',
  );
}

/** Augments one row's audio, writes `<id>.wav` and returns its manifest entry. */
function finishRow(
  row: SynthesisRow,
  result: SynthesisResult,
  o: BatchOptions,
  engine: ManifestEntry['engine'],
  voiced: { voice: string; variant: string | null },
): ManifestEntry {
  const seed = rowSeed(o.seed, row.id);
  const out =
    o.chain.length > 0
      ? applyChain(result.samples, result.sampleRate, o.chain, seed)
      : { samples: result.samples, sampleRate: result.sampleRate };
  const wav = encodeWav([out.samples], out.sampleRate);
  const file = `${row.id}.wav`;
  writeFileSync(join(o.outDir, file), wav);
  return {
    id: row.id,
    file,
    engine,
    voice: voiced.voice,
    variant: voiced.variant,
    options: { rate: o.rate ?? null, pitch: o.pitch ?? null, range: o.range ?? null },
    augmentation: o.chain.length > 0 ? { chain: o.chain, preset: o.chainLabel, seed } : null,
    text: row.text,
    duration: out.samples.length / out.sampleRate,
    sample_rate: out.sampleRate,
    sha256: createHash('sha256').update(wav).digest('hex'),
  };
}

/**
 * The same batch for a model engine (Piper, MMS-TTS). Those run inference in
 * the single inference worker, so rows are spoken one after another here;
 * augmentation and writing are as for espeak-ng. `voice` is the model id.
 */
export async function synthesizeSequential(
  engine: TtsEngine & { id: string },
  engineId: 'piper' | 'mms',
  rows: SynthesisRow[],
  o: BatchOptions,
): Promise<ManifestEntry[]> {
  makeOutDir(o.outDir);
  const entries: ManifestEntry[] = [];
  for (const row of rows) {
    o.signal?.throwIfAborted();
    const voice = o.voice ?? row.voice;
    if (!voice) {
      throw new UserError(
        'bad_input',
        `${o.source}:${row.line}: no voice: give --voice <model id> or a "voice" field`,
      );
    }
    let result: SynthesisResult;
    try {
      result = await engine.synthesize(row.text, { voice }, { signal: o.signal });
    } catch (e) {
      if (e instanceof UserError && e.code !== 'cancelled') {
        throw new UserError(e.code, `${o.source}:${row.line} (id ${row.id}): ${e.message}`, e.hint);
      }
      throw e;
    }
    entries.push(
      finishRow(row, result, o, engineId, { voice: result.voiceUsed ?? voice, variant: null }),
    );
    o.onProgress?.({ done: entries.length, total: rows.length, message: row.id });
  }
  writeManifest(o.outDir, entries);
  return entries;
}
