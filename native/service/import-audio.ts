import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import type { ImportAudioResult } from '../contract/audio.js';
import { UserError } from '../contract/errors.js';
import type { Project } from '../store/project.js';
import { defineTask } from '../workers/task.js';
import { sharedPool } from '../workers/shared-pool.js';
import { sha256Of, type PreparedAudio } from './audio-prepare.js';

export const AUDIO_EXTENSIONS = new Set(['.wav', '.wave', '.mp3', '.flac', '.ogg', '.oga']);

export interface ImportAudioOptions {
  system?: string | null;
  signal?: AbortSignal;
  onProgress?: (p: { done: number; total: number; message: string }) => void;
}

/** Files named on the command line are taken as given; folders are walked for audio extensions. */
export function expandAudioInputs(inputs: string[]): string[] {
  const out: string[] = [];
  for (const input of inputs) {
    const p = resolve(input);
    let st;
    try {
      st = statSync(p);
    } catch {
      throw new UserError('not_found', `${input}: no such file or folder`);
    }
    if (st.isDirectory()) {
      const found = readdirSync(p, { withFileTypes: true, recursive: true })
        .filter((e) => e.isFile() && AUDIO_EXTENSIONS.has(extname(e.name).toLowerCase()))
        .map((e) => join(e.parentPath, e.name))
        .sort();
      out.push(...found);
    } else out.push(p);
  }
  return [...new Set(out)];
}

/**
 * Imports audio files into the project. Re-importing a file is a no-op (the
 * content hash is the key); a corrupt file is reported by name and skipped.
 * Each file's row is written only after its bytes and caches are on disk.
 */
export async function importAudio(
  project: Project,
  inputs: string[],
  opts: ImportAudioOptions = {},
): Promise<ImportAudioResult> {
  project.requireWritable('importing audio');
  const files = expandAudioInputs(inputs);
  const result: ImportAudioResult = { imported: [], existing: [], failed: [] };
  // Decode up to a few files ahead in the pool while rows are written here,
  // in input order, so audio ids follow the order the user gave.
  const ahead = sharedPool().size * 2;
  const pending: { path: string; work: Promise<Prepared> }[] = [];
  let next = 0;
  let done = 0;
  const fill = () => {
    while (pending.length < ahead && next < files.length && !opts.signal?.aborted) {
      const path = files[next++];
      pending.push({ path, work: prepareFile(project, path, opts.signal) });
    }
  };
  fill();
  while (pending.length > 0) {
    const { path, work } = pending.shift()!;
    opts.onProgress?.({ done, total: files.length, message: path });
    try {
      const id = recordAudio(project, path, await work, opts.system ?? null);
      (id.isNew ? result.imported : result.existing).push({
        path,
        audioId: id.audioId,
        sha256: id.sha256,
      });
    } catch (e) {
      if (e instanceof UserError && e.code !== 'cancelled')
        result.failed.push({ path, reason: e.message });
      else if (!(e instanceof UserError)) throw e;
    }
    done++;
    fill();
  }
  opts.onProgress?.({ done, total: files.length, message: 'done' });
  return result;
}

export type Prepared = { known: number; sha256: string } | PreparedAudio;

const prepareTask = defineTask<{ path: string; audioDir: string; cacheDir: string }, PreparedAudio>(
  new URL('./audio-tasks.js', import.meta.url),
  'prepare',
);

/** Hashes a file and, unless the project already has it, decodes and caches it in the pool. */
async function prepareFile(
  project: Project,
  path: string,
  signal?: AbortSignal,
): Promise<Prepared> {
  const sha = sha256Of(readFileSync(path));
  const known = project.audio.findBySha(sha);
  if (known) return { known: known.id, sha256: sha };
  return sharedPool().run(
    prepareTask,
    { path, audioDir: project.paths.audio, cacheDir: project.paths.cache },
    { signal },
  );
}

export function recordAudio(
  project: Project,
  path: string,
  prepared: Prepared,
  system: string | null,
): { audioId: number; sha256: string; isNew: boolean } {
  if ('known' in prepared)
    return { audioId: prepared.known, sha256: prepared.sha256, isNew: false };
  // The same content may have been named twice in one import.
  const again = project.audio.findBySha(prepared.sha256);
  if (again) return { audioId: again.id, sha256: prepared.sha256, isNew: false };
  const audioId = project.audio.insert({
    sha256: prepared.sha256,
    originalName: path.split(/[\\/]/).pop() ?? path,
    ext: prepared.ext,
    container: prepared.container,
    codec: prepared.codec,
    sampleRate: prepared.sampleRate,
    channels: prepared.channels,
    frames: prepared.frames,
    durationSec: prepared.durationSec,
    bytes: prepared.bytes,
    system,
  });
  return { audioId, sha256: prepared.sha256, isNew: true };
}

/** Imports one file (used per row by the corpus import). */
export async function importOne(
  project: Project,
  path: string,
  system: string | null,
): Promise<{ audioId: number; sha256: string; isNew: boolean }> {
  return recordAudio(project, path, await prepareFile(project, path), system);
}
