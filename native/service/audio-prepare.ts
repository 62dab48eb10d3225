import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { decodeAudio } from '../audio/decode.js';
import { mixToMono } from '../audio/mix.js';
import { computePeaks, encodePeaks } from '../audio/peaks.js';
import { resample } from '../audio/resample.js';
import { encodeWav } from '../audio/wav.js';

/** Rate of the cached mono copy every model and the player read. */
export const WORK_RATE = 16_000;
/** Finest zoom level cached for the waveform: 256 samples per pixel at 16 kHz. */
export const PEAKS_SAMPLES_PER_PIXEL = 256;

export interface PreparedAudio {
  sha256: string;
  ext: string;
  container: string;
  codec: string;
  sampleRate: number;
  channels: number;
  frames: number;
  durationSec: number;
  bytes: number;
  warnings: string[];
}

export function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function storedAudioPath(audioDir: string, sha: string, ext: string): string {
  return join(audioDir, sha.slice(0, 2), `${sha}${ext}`);
}

export function monoCachePath(cacheDir: string, sha: string): string {
  return join(cacheDir, `${sha}.16k.wav`);
}

export function peaksCachePath(cacheDir: string, sha: string): string {
  return join(cacheDir, `${sha}.peaks`);
}

/** Writes through a temporary name so a killed process never leaves half a file under the real name. */
export function writeAtomic(path: string, data: Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, data);
  renameSync(tmp, path);
}

/**
 * Decodes one file, stores the original content-addressed, and caches its
 * 16 kHz mono copy and waveform peaks. Pure CPU and file work with no
 * database access, so it can run in a pool worker.
 */
export async function prepareAudioFile(input: {
  path: string;
  audioDir: string;
  cacheDir: string;
}): Promise<PreparedAudio> {
  return prepareAudioBytes(new Uint8Array(readFileSync(input.path)), input);
}

/**
 * prepareAudioFile for bytes already in memory (audio the process made);
 * `path` names them in errors and gives the extension.
 */
export async function prepareAudioBytes(
  bytes: Uint8Array,
  input: { path: string; audioDir: string; cacheDir: string },
): Promise<PreparedAudio> {
  const sha = sha256Of(bytes);
  const decoded = await decodeAudio(bytes, input.path);
  const frames = decoded.channels[0]?.length ?? 0;
  const mono = mixToMono(decoded.channels);
  const work =
    decoded.sampleRate === WORK_RATE ? mono : resample(mono, decoded.sampleRate, WORK_RATE);
  const ext = normaliseExt(extname(input.path), decoded.sourceFormat.container);
  writeAtomic(
    monoCachePath(input.cacheDir, sha),
    encodeWav([work], WORK_RATE, { bitsPerSample: 32, float: true }),
  );
  writeAtomic(
    peaksCachePath(input.cacheDir, sha),
    encodePeaks(computePeaks(work, WORK_RATE, PEAKS_SAMPLES_PER_PIXEL)),
  );
  // The original goes last: its presence is what says the cache beside it is complete.
  writeAtomic(storedAudioPath(input.audioDir, sha, ext), bytes);
  return {
    sha256: sha,
    ext,
    container: decoded.sourceFormat.container,
    codec: decoded.sourceFormat.codec,
    sampleRate: decoded.sampleRate,
    channels: decoded.channels.length,
    frames,
    durationSec: frames / decoded.sampleRate,
    bytes: bytes.length,
    warnings: decoded.warnings ?? [],
  };
}

function normaliseExt(ext: string, container: string): string {
  const e = ext.toLowerCase();
  return /^\.[a-z0-9]{1,5}$/.test(e) ? e : `.${container}`;
}
