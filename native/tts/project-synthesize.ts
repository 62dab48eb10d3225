/**
 * Speaking a project's utterances into its audio store. An utterance holds
 * one clip (`utterances.audio_id`, with the `system` that made it, as the
 * corpus import and the flywheel record it), so the utterances spoken are
 * those without audio; one whose audio already comes from this system is
 * done (a re-run skips it), and one whose audio comes from elsewhere is left
 * alone and counted.
 *
 * Each clip is stored content-addressed (the file, its 16 kHz cache and its
 * peaks, through temporary names) before one transaction writes the audio
 * row, links the utterance and records the job item with the options and
 * augmentation used; a killed run leaves whole clips or none. A file written
 * just before a kill has no row: the re-run makes the same bytes and adopts
 * it (the same seed gives the same augmentation).
 */
import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { encodeWav } from '../audio/wav.js';
import { UserError } from '../contract/errors.js';
import type { PreparedAudio } from '../service/audio-prepare.js';
import { sha256Of, writeAtomic } from '../service/audio-prepare.js';
import type { Project } from '../store/project.js';
import type { WorkerPool } from '../workers/pool.js';
import { defineTask } from '../workers/task.js';
import type { BatchOptions } from './batch.js';
import type { SynthesisOptions, TtsEngine } from './engine.js';
import { applyChain } from './post/chain.js';
import { rowSeed } from './row-seed.js';

export type ProjectEngineId = 'espeak' | 'piper' | 'mms';

export interface ProjectSynthesisOptions extends Omit<BatchOptions, 'outDir' | 'source'> {
  engine: ProjectEngineId;
  /** The system label to record; default one built from engine, voice and augmentation. */
  system?: string;
  /** Only utterances in this language. */
  lang?: string;
  /** Only utterances with these external ids (rows just imported with --in). */
  ids?: ReadonlySet<string>;
  /** Clips in flight at once (espeak-ng in the pool); model engines use 1. */
  concurrency?: number;
}

export interface ProjectSynthesisResult {
  jobId: number;
  /** The system labels recorded (one per voice when espeak-ng takes each utterance's language). */
  systems: string[];
  spoken: number;
  /** Utterances whose audio already came from this system (an earlier run). */
  alreadySpoken: number;
  /** Utterances with audio from another system, left as they were. */
  otherAudio: number;
  failed: { id: string; reason: string }[];
  audioSeconds: number;
  /** Stopped early by the signal; what was spoken is kept. */
  cancelled: boolean;
}

interface Candidate {
  id: number;
  ext_id: string;
  lang: string;
  text: string;
  spoken: string | null;
  audio_id: number | null;
  system: string | null;
}

const STEP = 'speak';

const prepareTask = defineTask<{ path: string; audioDir: string; cacheDir: string }, PreparedAudio>(
  new URL('../service/audio-tasks.js', import.meta.url),
  'prepare',
);

/**
 * The label stored on audio and utterances, in the flywheel's form
 * (`espeak:hi+f3@r150`), with the augmentation after `~` (its preset name, or
 * a hash of the chain).
 */
export function ttsSystemLabel(
  engine: ProjectEngineId,
  voice: string,
  o: Pick<ProjectSynthesisOptions, 'variant' | 'rate' | 'pitch' | 'range' | 'chain' | 'chainLabel'>,
): string {
  const plus = voice.indexOf('+');
  const base = plus >= 0 ? voice.slice(0, plus) : voice;
  const variant = o.variant ?? (plus >= 0 ? voice.slice(plus + 1) : undefined);
  const knobs = [
    o.rate !== undefined ? `r${o.rate}` : '',
    o.pitch !== undefined ? `p${o.pitch}` : '',
    o.range !== undefined ? `g${o.range}` : '',
  ]
    .filter(Boolean)
    .join(',');
  const aug =
    o.chain.length === 0
      ? ''
      : `~${o.chainLabel && /^[\w-]+$/.test(o.chainLabel) ? o.chainLabel : createHash('sha256').update(JSON.stringify(o.chain)).digest('hex').slice(0, 8)}`;
  const voiced = engine === 'espeak' ? `${base}+${variant ?? 'default'}` : base;
  return `${engine}:${voiced}${knobs ? `@${knobs}` : ''}${aug}`;
}

export async function synthesizeProject(
  project: Project,
  engine: TtsEngine,
  pool: WorkerPool,
  o: ProjectSynthesisOptions,
): Promise<ProjectSynthesisResult> {
  project.requireWritable('synthesising into a project');
  if (o.engine !== 'espeak' && !o.voice) {
    throw new UserError('bad_input', `--engine ${o.engine} needs --voice <model id>`);
  }
  const voiceOf = (u: Candidate): string => o.voice ?? u.lang;
  const labelOf = (u: Candidate): string => o.system ?? ttsSystemLabel(o.engine, voiceOf(u), o);
  const rows = project.db
    .prepare<[{ lang: string | null }], Candidate>(
      `SELECT id, ext_id, lang, text, spoken, audio_id, system FROM utterances
       WHERE (@lang IS NULL OR lang = @lang) ORDER BY id`,
    )
    .all({ lang: o.lang ?? null })
    .filter((u) => !o.ids || o.ids.has(u.ext_id));
  const result: ProjectSynthesisResult = {
    jobId: 0,
    systems: [],
    spoken: 0,
    alreadySpoken: 0,
    otherAudio: 0,
    failed: [],
    audioSeconds: 0,
    cancelled: false,
  };
  const todo: Candidate[] = [];
  for (const u of rows) {
    if (u.audio_id === null) todo.push(u);
    else if (u.system === labelOf(u)) result.alreadySpoken++;
    else result.otherAudio++;
  }
  result.systems = [...new Set(todo.map(labelOf))].sort();
  result.jobId = project.jobs.create('synthesize', {
    engine: o.engine,
    voice: o.voice ?? null,
    variant: o.variant ?? null,
    options: { rate: o.rate ?? null, pitch: o.pitch ?? null, range: o.range ?? null },
    augmentation:
      o.chain.length > 0 ? { chain: o.chain, preset: o.chainLabel, seed: o.seed } : null,
    systems: result.systems,
    lang: o.lang ?? null,
  });
  project.jobs.setState(result.jobId, 'running');

  const db = project.db;
  const link = db.prepare(
    'UPDATE utterances SET audio_id = ?, system = ? WHERE id = ? AND audio_id IS NULL',
  );
  const item = db.prepare(
    `INSERT INTO job_items (job_id, key, step, state, attempts, result_json, error, updated_at)
     VALUES (?, ?, '${STEP}', ?, 1, ?, ?, ?)`,
  );
  const commit = db.transaction(
    (u: Candidate, a: PreparedAudio, system: string, details: Record<string, unknown>) => {
      const audioId =
        project.audio.findBySha(a.sha256)?.id ??
        project.audio.insert({
          sha256: a.sha256,
          originalName: `${u.ext_id}.wav`,
          ext: a.ext,
          container: a.container,
          codec: a.codec,
          sampleRate: a.sampleRate,
          channels: a.channels,
          frames: a.frames,
          durationSec: a.durationSec,
          bytes: a.bytes,
          system,
        });
      if (link.run(audioId, system, u.id).changes !== 1) {
        throw new Error(`utterance ${u.ext_id} got audio from elsewhere while it was spoken`);
      }
      const now = new Date().toISOString();
      item.run(
        result.jobId,
        u.ext_id,
        'done',
        JSON.stringify({ audio_id: audioId, sha256: a.sha256, system, ...details }),
        null,
        now,
      );
    },
  );

  const speakOne = async (u: Candidate): Promise<void> => {
    const voice = voiceOf(u);
    const system = labelOf(u);
    const opts: SynthesisOptions = {
      voice,
      variant: o.variant,
      rate: o.rate,
      pitch: o.pitch,
      range: o.range,
    };
    let prepared: PreparedAudio;
    let details: Record<string, unknown>;
    try {
      const r = await engine.synthesize(u.spoken ?? u.text, opts, { signal: o.signal });
      const seed = rowSeed(o.seed, u.ext_id);
      const out =
        o.chain.length > 0
          ? applyChain(r.samples, r.sampleRate, o.chain, seed)
          : { samples: r.samples, sampleRate: r.sampleRate };
      prepared = await store(project, pool, encodeWav([out.samples], out.sampleRate), o.signal);
      details = {
        voice: r.voiceUsed ?? voice,
        duration: out.samples.length / out.sampleRate,
        seed: o.chain.length > 0 ? seed : null,
      };
    } catch (e) {
      if (e instanceof UserError && e.code !== 'cancelled') {
        result.failed.push({ id: u.ext_id, reason: e.message });
        item.run(result.jobId, u.ext_id, 'failed', null, e.message, new Date().toISOString());
        return;
      }
      throw e;
    }
    commit(u, prepared, system, details);
    result.spoken++;
    result.audioSeconds += details.duration as number;
  };

  let done = 0;
  try {
    await forEachLimited(todo, Math.max(1, o.concurrency ?? 1), async (u) => {
      if (o.signal?.aborted) return;
      await speakOne(u);
      o.onProgress?.({ done: ++done, total: todo.length, message: u.ext_id });
    });
  } catch (e) {
    if (!o.signal?.aborted) {
      project.jobs.setState(result.jobId, 'failed', e instanceof Error ? e.message : String(e));
      throw e;
    }
  }
  result.cancelled = o.signal?.aborted ?? false;
  project.jobs.setState(result.jobId, result.cancelled ? 'cancelled' : 'done');
  result.audioSeconds = Math.round(result.audioSeconds * 100) / 100;
  return result;
}

/** Stores WAV bytes as the audio import does (in the pool: 16 kHz cache and peaks too). */
async function store(
  project: Project,
  pool: WorkerPool,
  wav: Uint8Array,
  signal?: AbortSignal,
): Promise<PreparedAudio> {
  const tmp = join(project.paths.cache, `tts-${sha256Of(wav)}.${process.pid}.wav`);
  writeAtomic(tmp, wav);
  try {
    return await pool.run(
      prepareTask,
      { path: tmp, audioDir: project.paths.audio, cacheDir: project.paths.cache },
      { signal },
    );
  } finally {
    rmSync(tmp, { force: true });
  }
}

/** Runs `fn` over `items` with at most `limit` at once; the first failure stops new starts. */
async function forEachLimited<T>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  let failure: { e: unknown } | undefined;
  const lane = async (): Promise<void> => {
    while (next < items.length && !failure) {
      const item = items[next++];
      try {
        await fn(item);
      } catch (e) {
        failure ??= { e };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  if (failure) throw failure.e;
}
