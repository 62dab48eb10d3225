import {
  closeSync,
  existsSync,
  fstatSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  writeFileSync,
} from 'node:fs';
import { dirname } from 'node:path';
import { decodeAudioFile } from '../audio/decode.js';
import { mixToMono } from '../audio/mix.js';
import { resample } from '../audio/resample.js';
import { decodeWav, encodeWav, readWavHeader } from '../audio/wav.js';
import { UserError } from '../contract/errors.js';
import { WORK_RATE, monoCachePath, storedAudioPath } from '../service/audio-prepare.js';
import { linkOrCopy } from '../store/link-or-copy.js';
import type { Project } from '../store/project.js';

/**
 * `cache`: the project's 16 kHz mono float copy, hard-linked where the
 * export is on the same filesystem. `pcm16`: the same samples as 16-bit
 * integer PCM, for readers (Kaldi) that refuse float WAV.
 */
export type ClipEncoding = 'cache' | 'pcm16';

export interface ClipSource {
  sha256: string;
  ext: string;
}

/** Writes one clip at `dest` and returns its length in 16 kHz frames; never writes into the project. */
export async function writeClip(
  project: Project,
  clip: ClipSource,
  dest: string,
  encoding: ClipEncoding,
): Promise<number> {
  mkdirSync(dirname(dest), { recursive: true });
  const cache = monoCachePath(project.paths.cache, clip.sha256);
  if (existsSync(cache)) {
    if (encoding === 'cache') {
      linkOrCopy(cache, dest);
      return wavFrames(dest);
    }
    const mono = decodeWav(new Uint8Array(readFileSync(cache)), cache).channels[0];
    writeFileSync(dest, encodeWav([mono], WORK_RATE));
    return mono.length;
  }
  // A project whose caches were removed still exports: decode the original here.
  const original = storedAudioPath(project.paths.audio, clip.sha256, clip.ext);
  if (!existsSync(original)) {
    throw new UserError(
      'not_found',
      `audio ${clip.sha256} is in the project database but its file ${original} is missing`,
    );
  }
  const decoded = await decodeAudioFile(original);
  const mono = mixToMono(decoded.channels);
  const work =
    decoded.sampleRate === WORK_RATE ? mono : resample(mono, decoded.sampleRate, WORK_RATE);
  writeFileSync(
    dest,
    encoding === 'cache'
      ? encodeWav([work], WORK_RATE, { bitsPerSample: 32, float: true })
      : encodeWav([work], WORK_RATE),
  );
  return work.length;
}

function wavFrames(path: string): number {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(4096);
    const n = readSync(fd, head, 0, head.length, 0);
    return readWavHeader(head.subarray(0, n), path, { fileSize: fstatSync(fd).size }).frames;
  } finally {
    closeSync(fd);
  }
}
