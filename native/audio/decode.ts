import { readFile } from 'node:fs/promises';
import { UserError, isUserError } from '../contract/errors.js';
import { flacTruncation, mp3Truncation, oggTruncation } from './completeness.js';
import { sniffAudio } from './sniff.js';
import type { DecodedAudio } from './types.js';
import { decodeWav } from './wav.js';

interface CompressedResult {
  channelData: Float32Array[];
  samplesDecoded: number;
  sampleRate: number;
  bitDepth?: number;
  errors: { message: string; frameNumber: number }[];
}

const SUPPORTED = 'Charkha reads WAV, FLAC, MP3 and Ogg Vorbis';

function bad(name: string, reason: string, hint?: string): UserError {
  return new UserError('bad_input', `${name}: ${reason}`, hint);
}

/**
 * Decodes a whole audio file held in memory. The format comes from the magic
 * bytes, not from the name, which is used only in error messages. Anything a
 * user could fix (unknown format, corrupt or truncated data) is a UserError
 * naming the file.
 */
export async function decodeAudio(bytes: Uint8Array, name: string): Promise<DecodedAudio> {
  const format = sniffAudio(bytes);
  switch (format.kind) {
    case 'wav':
      return decodeWav(bytes, name);
    case 'flac': {
      const flac = bytes.subarray(format.offset);
      const audio = await decodeCompressed(name, 'flac', 'flac', () => decodeFlac(flac));
      refuseTruncated(name, flacTruncation(flac, audio.channels[0].length));
      return audio;
    }
    case 'mp3': {
      // mpg123 always outputs two channels; the first frame header says
      // whether the stream is really mono (channel mode 0b11).
      const mono = bytes[format.offset + 3] >> 6 === 3;
      refuseTruncated(name, mp3Truncation(bytes, format.offset));
      const audio = await decodeCompressed(name, 'mp3', 'mp3', () => decodeMp3(bytes));
      if (mono && audio.channels.length > 1) audio.channels = audio.channels.slice(0, 1);
      return audio;
    }
    case 'ogg-vorbis':
      refuseTruncated(name, oggTruncation(bytes));
      return decodeCompressed(name, 'ogg', 'vorbis', () => decodeVorbis(bytes));
    case 'unsupported':
      throw bad(
        name,
        `${format.what} is not supported`,
        `${SUPPORTED}; convert the file to one of them.`,
      );
    case 'unknown':
      throw bad(
        name,
        bytes.length === 0 ? 'the file is empty' : 'not a recognised audio file',
        `${SUPPORTED}.`,
      );
  }
}

// Truncated files are refused, as truncated WAVs are: an import must report a
// half-copied file, not store a shorter recording as if it were whole.
function refuseTruncated(name: string, reason: string | undefined): void {
  if (reason) throw bad(name, reason);
}

/** Reads a file from disk and decodes it; a missing file is a 'not_found' UserError. */
export async function decodeAudioFile(path: string): Promise<DecodedAudio> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UserError('not_found', `${path}: no such file`);
    if (code === 'EISDIR') throw bad(path, 'is a folder, not an audio file');
    if (code === 'EACCES' || code === 'EPERM') throw bad(path, 'permission denied');
    throw e;
  }
  return decodeAudio(bytes, path);
}

async function decodeCompressed(
  name: string,
  container: DecodedAudio['sourceFormat']['container'],
  codec: string,
  run: () => Promise<CompressedResult>,
): Promise<DecodedAudio> {
  let r: CompressedResult;
  try {
    r = await run();
  } catch (e) {
    if (isUserError(e)) throw e;
    throw bad(name, `corrupt ${codec.toUpperCase()} data (${(e as Error).message})`);
  }
  if (r.samplesDecoded === 0 || r.channelData.length === 0 || !(r.sampleRate > 0)) {
    const why = r.errors[0]?.message;
    throw bad(
      name,
      `no audio could be decoded from this ${codec.toUpperCase()} file${why ? ` (${why})` : ''}`,
    );
  }
  // FLAC frames carry CRCs, so any error means a damaged file: refuse it, as a
  // truncated WAV is refused. MP3 and Vorbis streams routinely survive a bad
  // frame; those become warnings unless most of the stream is damaged.
  if (r.errors.length > 0) {
    const first = r.errors[0].message;
    if (codec === 'flac') throw bad(name, `corrupt or truncated FLAC data (${first})`);
    const approxFrames = Math.max(1, r.samplesDecoded / 1152);
    if (r.errors.length >= approxFrames / 2) {
      throw bad(
        name,
        `corrupt ${codec.toUpperCase()} data: ${r.errors.length} damaged frames (${first})`,
      );
    }
  }
  // Decoders may hand back views into their own WASM heap, which the next
  // call reuses: copy into arrays we own, trimmed to the decoded length.
  const channels = r.channelData.map((ch) => ch.slice(0, r.samplesDecoded));
  if (codec === 'flac' && r.bitDepth) {
    // The FLAC decoder divides by 2^(b-1) - 1; WAV decoding divides by 2^(b-1).
    // Rescale so the same PCM decodes to the same values (to float rounding)
    // from either container.
    const full = 2 ** (r.bitDepth - 1);
    const k = (full - 1) / full;
    for (const ch of channels) for (let i = 0; i < ch.length; i++) ch[i] *= k;
  }
  const audio: DecodedAudio = {
    sampleRate: r.sampleRate,
    channels,
    sourceFormat: { container, codec },
  };
  // Only FLAC has a real sample width; the Vorbis decoder reports a fixed 16.
  if (r.bitDepth && codec === 'flac') audio.sourceFormat.bitsPerSample = r.bitDepth;
  if (r.errors.length > 0) {
    audio.warnings = r.errors.map((e) => `frame ${e.frameNumber}: ${e.message}`);
  }
  return audio;
}

// The WASM decoders are imported on first use so that WAV-only work (most of
// the engine) never pays for compiling them.
async function decodeMp3(bytes: Uint8Array): Promise<CompressedResult> {
  const { MPEGDecoder } = await import('mpg123-decoder');
  const decoder = new MPEGDecoder();
  await decoder.ready;
  try {
    return decoder.decode(bytes);
  } finally {
    decoder.free();
  }
}

async function decodeFlac(bytes: Uint8Array): Promise<CompressedResult> {
  const { FLACDecoder } = await import('@wasm-audio-decoders/flac');
  const decoder = new FLACDecoder();
  await decoder.ready;
  try {
    return await decoder.decodeFile(bytes);
  } finally {
    decoder.free();
  }
}

async function decodeVorbis(bytes: Uint8Array): Promise<CompressedResult> {
  const { OggVorbisDecoder } = await import('@wasm-audio-decoders/ogg-vorbis');
  const decoder = new OggVorbisDecoder();
  await decoder.ready;
  try {
    return await decoder.decodeFile(bytes);
  } finally {
    decoder.free();
  }
}
