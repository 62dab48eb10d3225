import { readdirSync, statSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import type { ImportAudioResult } from '../contract/audio.js';
import { UserError } from '../contract/errors.js';
import type { Project } from '../store/project.js';
import { prepareAudioFile, sha256Of } from './audio-prepare.js';
import { readFileSync } from 'node:fs';

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
  let done = 0;
  for (const path of files) {
    if (opts.signal?.aborted) break;
    opts.onProgress?.({ done, total: files.length, message: path });
    try {
      const id = await importOne(project, path, opts.system ?? null);
      (id.isNew ? result.imported : result.existing).push({
        path,
        audioId: id.audioId,
        sha256: id.sha256,
      });
    } catch (e) {
      if (e instanceof UserError) result.failed.push({ path, reason: e.message });
      else throw e;
    }
    done++;
  }
  opts.onProgress?.({ done, total: files.length, message: 'done' });
  return result;
}

export async function importOne(
  project: Project,
  path: string,
  system: string | null,
): Promise<{ audioId: number; sha256: string; isNew: boolean }> {
  const sha = sha256Of(readFileSync(path));
  const known = project.audio.findBySha(sha);
  if (known) return { audioId: known.id, sha256: sha, isNew: false };
  const prepared = await prepareAudioFile({
    path,
    audioDir: project.paths.audio,
    cacheDir: project.paths.cache,
  });
  const again = project.audio.findBySha(prepared.sha256);
  if (again) return { audioId: again.id, sha256: sha, isNew: false };
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
