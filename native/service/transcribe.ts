/**
 * Transcription of audio files of any length with a registry ASR model, and
 * the project form of it: the files are imported into the project first
 * (a no-op for audio it already holds, found by content hash), each is
 * transcribed from the project's 16 kHz mono cache, and the transcript of
 * each recording becomes the hypothesis of every utterance linked to it.
 * Those hypotheses are scored against the project's references and stored
 * as a run, exactly as `eval import` stores one.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { decodeAudioFile } from '../audio/decode.js';
import { mixToMono } from '../audio/mix.js';
import type { AsrEngine, AsrSegment, AsrWord } from '../asr/engine.js';
import { transcribeLongAudio, MAX_CHUNK_SECONDS } from '../asr/long-audio.js';
import { openAsrEngine } from '../asr/open.js';
import { selectVad, type SelectedVad } from '../asr/silero-vad.js';
import { CancelledError, UserError } from '../contract/errors.js';
import { sha256File } from '../models/hash.js';
import { projectModelRows } from '../models/project-models.js';
import { ModelRegistry } from '../models/registry.js';
import type { Project } from '../store/project.js';
import type { StoredUtterance } from '../store/utterance-repo.js';
import type { Profile } from '../text/normalize.js';
import { monoCachePath, storedAudioPath } from './audio-prepare.js';
import { refRowOf, storeScoredRun, type EvalImportResult } from './eval-import.js';
import { importAudio } from './import-audio.js';

export interface FileTranscript {
  path: string;
  text: string;
  words: AsrWord[];
  segments: AsrSegment[];
  duration: number;
}

export interface TranscribeOptions {
  model: string;
  language: string;
  /** Default: the user's model home (plus the project's models in project mode). */
  registry?: ModelRegistry;
  /** `auto` uses an installed silero-vad model, else the energy VAD. */
  vad?: 'auto' | 'energy';
  maxChunkSeconds?: number;
  scriptConstrained?: boolean;
  signal?: AbortSignal;
  onProgress?: (p: { done: number; total: number; message: string }) => void;
  /** Each file's transcript as soon as it is done, in input order. */
  onFile?: (t: FileTranscript) => void;
}

/** What a run records about how its hypotheses were made. */
export interface DecodeRecord {
  language: string;
  scriptConstrained: boolean | null;
  vad: string;
  maxChunkSeconds: number;
  family: string;
}

export interface TranscribeResult {
  files: FileTranscript[];
  failed: { path: string; reason: string }[];
  modelSha256: string;
  decode: DecodeRecord;
}

export interface ProjectTranscribeOptions extends TranscribeOptions {
  name?: string;
  testSet?: string | null;
  system?: string | null;
  profile?: Profile;
}

export interface ProjectTranscribeResult extends TranscribeResult {
  /** Null when none of the audio has an utterance linked to it. */
  run: EvalImportResult | null;
}

interface Source {
  /** As shown to the user. */
  path: string;
  /** What to decode. */
  load: () => Promise<{ channels: Float32Array[]; sampleRate: number }>;
  audioId?: number;
}

/**
 * One sha256 for the model: that of its ONNX file, or for a model of
 * several ONNX files (Whisper's encoder and decoder), of the list of
 * `path sha256` lines, sorted by path.
 */
export async function modelSha256(registry: ModelRegistry, modelId: string): Promise<string> {
  const entry = await registry.get(modelId);
  const onnx = entry.manifest.files
    .filter((f) => f.path.endsWith('.onnx'))
    .sort((a, b) => a.path.localeCompare(b.path));
  const lines: string[] = [];
  for (const f of onnx) lines.push(`${f.path} ${await sha256File(join(entry.dir, f.path))}`);
  if (lines.length === 1) return lines[0].split(' ')[1];
  return createHash('sha256').update(lines.join('\n')).digest('hex');
}

async function run(
  sources: Source[],
  opts: TranscribeOptions,
  registry: ModelRegistry,
  each?: (s: Source, t: FileTranscript) => void,
): Promise<TranscribeResult> {
  // Opening first checks the files are all there before they are hashed.
  const engine: AsrEngine = await openAsrEngine(opts.model, { registry });
  let vad: SelectedVad | null = null;
  const files: FileTranscript[] = [];
  const failed: { path: string; reason: string }[] = [];
  try {
    const sha = await modelSha256(registry, opts.model);
    vad = await selectVad({ registry, prefer: opts.vad ?? 'auto' });
    const max = Math.min(
      MAX_CHUNK_SECONDS,
      engine.maxChunkSeconds,
      opts.maxChunkSeconds ?? Infinity,
    );
    for (let i = 0; i < sources.length; i++) {
      const s = sources[i];
      if (opts.signal?.aborted) throw new CancelledError('transcription');
      opts.onProgress?.({ done: i, total: sources.length, message: s.path });
      try {
        const { channels, sampleRate } = await s.load();
        const t = await transcribeLongAudio(
          engine,
          { samples: mixToMono(channels), sampleRate },
          {
            language: opts.language,
            scriptConstrained: opts.scriptConstrained,
            maxChunkSeconds: max,
            detectSpeech: vad.detect,
            signal: opts.signal,
            onProgress: (p) =>
              opts.onProgress?.({
                done: i,
                total: sources.length,
                message: `${s.path} ${p.message ?? ''}`,
              }),
          },
        );
        const out: FileTranscript = {
          path: s.path,
          text: t.text,
          words: t.words,
          segments: t.segments,
          duration: t.duration,
        };
        files.push(out);
        each?.(s, out);
        opts.onFile?.(out);
      } catch (e) {
        // A file the user can fix is named and skipped; cancellation and bugs stop the whole run.
        if (e instanceof UserError && !(e instanceof CancelledError))
          failed.push({ path: s.path, reason: e.message });
        else throw e;
      }
    }
    opts.onProgress?.({ done: sources.length, total: sources.length, message: 'done' });
    return {
      files,
      failed,
      modelSha256: sha,
      decode: {
        language: opts.language,
        scriptConstrained: opts.scriptConstrained ?? null,
        vad: vad.kind === 'silero' ? `silero-vad:${vad.modelId}` : 'energy',
        maxChunkSeconds: max,
        family: engine.family,
      },
    };
  } finally {
    await vad?.close();
    await engine.close();
  }
}

/** Transcribes audio files as given (any format the importer reads, mixed to mono). */
export async function transcribeFiles(
  paths: string[],
  opts: TranscribeOptions,
): Promise<TranscribeResult> {
  const registry = opts.registry ?? new ModelRegistry();
  const sources = paths.map((path) => ({
    path,
    load: async () => {
      const d = await decodeAudioFile(path);
      return { channels: d.channels, sampleRate: d.sampleRate };
    },
  }));
  return run(sources, opts, registry);
}

/**
 * Transcribes audio into a project and stores the run. With no paths, the
 * project's own audio that utterances are linked to is transcribed.
 */
export async function transcribeIntoProject(
  project: Project,
  paths: string[],
  opts: ProjectTranscribeOptions,
): Promise<ProjectTranscribeResult> {
  project.requireWritable('storing a transcription run');
  const registry =
    opts.registry ??
    new ModelRegistry({ projectModels: () => projectModelRows(project.db, project.paths.root) });
  const failedImport: { path: string; reason: string }[] = [];
  let targets: { path: string; audioId: number }[];
  if (paths.length > 0) {
    // A missing file is named and skipped like a corrupt one, not a reason to import nothing.
    const present = paths.filter((p) => existsSync(p));
    for (const p of paths)
      if (!present.includes(p)) failedImport.push({ path: p, reason: `${p}: no such file` });
    const imported = await importAudio(project, present, { signal: opts.signal });
    failedImport.push(...imported.failed);
    // The importer reports absolute paths, new files first; show them as given, in input order.
    const given = new Map(present.map((p) => [resolve(p), p]));
    const order = [...given.keys()];
    targets = [...imported.imported, ...imported.existing]
      .sort((x, y) => order.indexOf(x.path) - order.indexOf(y.path))
      .map((t) => ({ path: given.get(t.path) ?? t.path, audioId: t.audioId }));
  } else {
    targets = linkedAudioIds(project).map((audioId) => ({
      path: project.audio.get(audioId)?.originalName ?? `audio ${audioId}`,
      audioId,
    }));
  }
  const sources: Source[] = targets.map((t) => ({
    path: t.path,
    audioId: t.audioId,
    load: () => loadProjectAudio(project, t.audioId),
  }));
  const hyps = new Map<string, string>();
  const words = new Map<string, AsrWord[]>();
  const stored: StoredUtterance[] = [];
  const result = await run(sources, opts, registry, (s, t) => {
    for (const u of utterancesOf(project, s.audioId!)) {
      if (hyps.has(u.extId)) continue;
      hyps.set(u.extId, t.text);
      // The utterance is the whole recording, so the recogniser's times are the utterance's.
      if (t.words.length) words.set(u.extId, t.words);
      stored.push(u);
    }
  });
  const testSet = opts.testSet ?? null;
  const runResult =
    stored.length === 0
      ? null
      : await storeScoredRun(project, {
          stored,
          refs: stored.map((u) => refRowOf(u, project.paths.root, testSet)),
          hyps,
          words,
          model: opts.model,
          name: opts.name,
          defaultName: `${opts.model} on ${testSet ?? 'project audio'}`,
          modelSha256: result.modelSha256,
          system: opts.system ?? null,
          testSet,
          decode: result.decode,
          profile: opts.profile ?? 'standard',
        });
  return { ...result, failed: [...failedImport, ...result.failed], run: runResult };
}

// The utterance store has no audio index query of its own yet; these read the same tables it does.
function linkedAudioIds(project: Project): number[] {
  return (
    project.db
      .prepare(
        'SELECT DISTINCT audio_id AS id FROM utterances WHERE audio_id IS NOT NULL ORDER BY audio_id',
      )
      .all() as { id: number }[]
  ).map((r) => r.id);
}

function utterancesOf(project: Project, audioId: number): StoredUtterance[] {
  return (
    project.db.prepare('SELECT id FROM utterances WHERE audio_id = ? ORDER BY id').all(audioId) as {
      id: number;
    }[]
  ).map((r) => project.utterances.get(r.id)!);
}

/** The cached 16 kHz mono copy when present, else the stored original. */
/** A stored recording, decoded: its 16 kHz mono cache where prepared, else the original. */
export async function loadProjectAudio(
  project: Project,
  audioId: number,
): Promise<{ channels: Float32Array[]; sampleRate: number }> {
  const a = project.audio.get(audioId);
  if (!a) throw new UserError('not_found', `audio ${audioId} is not in the project`);
  const cache = monoCachePath(project.paths.cache, a.sha256);
  const path = existsSync(cache) ? cache : storedAudioPath(project.paths.audio, a.sha256, a.ext);
  const d = await decodeAudioFile(path);
  return { channels: d.channels, sampleRate: d.sampleRate };
}
