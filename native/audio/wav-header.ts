import { UserError } from '../contract/errors.js';

/** Where the samples of a WAV file are and how they are laid out. */
export interface WavHeader {
  container: 'RIFF' | 'RF64';
  codec: 'pcm' | 'float';
  /** The WAVE format tag as written (1, 3 or 0xFFFE for extensible). */
  formatTag: number;
  sampleRate: number;
  channels: number;
  /** Significant bits per sample (the container width may be larger). */
  bitsPerSample: number;
  /** Bytes one sample occupies in the data chunk. */
  bytesPerSample: number;
  /** Bytes per frame (all channels), the stride through the data chunk. */
  blockAlign: number;
  /** Whole frames in the data chunk; a trailing partial frame is not counted. */
  frames: number;
  /** Byte offset of the first sample from the start of the file. */
  dataOffset: number;
  /** Declared size of the data chunk in bytes. */
  dataBytes: number;
}

export interface ReadWavHeaderOptions {
  /**
   * Size of the whole file when `bytes` holds only its beginning (so a caller
   * can read the first few KB of a long recording). Defaults to bytes.length.
   */
  fileSize?: number;
}

const MAX_SAMPLE_RATE = 768_000;

const FORMAT_NAMES: Record<number, string> = {
  0x0002: 'Microsoft ADPCM',
  0x0006: 'A-law',
  0x0007: 'mu-law',
  0x0011: 'IMA ADPCM',
  0x0031: 'GSM 6.10',
  0x0050: 'MPEG',
  0x0055: 'MP3',
  0x0161: 'WMA',
  0x00ff: 'AAC',
};

// Bytes 2..15 of every KSDATAFORMAT_SUBTYPE GUID whose first two bytes are a format tag.
const GUID_TAIL = [
  0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xaa, 0x00, 0x38, 0x9b, 0x71,
];

const FOURCC_RIFF = 0x46464952; // 'RIFF' read little-endian
const FOURCC_RF64 = 0x34364652; // 'RF64'
const FOURCC_BW64 = 0x34365742; // 'BW64' (ITU-R BS.2088, same layout as RF64)
const FOURCC_RIFX = 0x58464952; // 'RIFX'
const FOURCC_WAVE = 0x45564157; // 'WAVE'
const FOURCC_FMT = 0x20746d66; // 'fmt '
const FOURCC_DATA = 0x61746164; // 'data'
const FOURCC_DS64 = 0x34367364; // 'ds64'

function bad(name: string, reason: string): UserError {
  return new UserError('bad_input', `${name}: ${reason}`);
}

function describeTag(tag: number): string {
  const hex = `0x${tag.toString(16).padStart(4, '0')}`;
  const known = FORMAT_NAMES[tag];
  return known ? `${known} (format ${hex})` : `format ${hex}`;
}

/** True when the first bytes look like a RIFF/RF64/BW64 WAVE file. */
export function isWav(bytes: Uint8Array): boolean {
  if (bytes.length < 12) return false;
  const dv = new DataView(bytes.buffer, bytes.byteOffset, 12);
  const id = dv.getUint32(0, true);
  return (
    (id === FOURCC_RIFF || id === FOURCC_RF64 || id === FOURCC_BW64) &&
    dv.getUint32(8, true) === FOURCC_WAVE
  );
}

/**
 * Parses the chunk structure of a WAV file up to its data chunk, without
 * touching the samples. Throws UserError('bad_input') naming the file for
 * anything it cannot decode, including a data chunk that runs past the end of
 * the file: a truncated recording is refused as corrupt rather than silently
 * shortened, so that an import reports it and skips it.
 */
export function readWavHeader(
  bytes: Uint8Array,
  name = 'input',
  opts: ReadWavHeaderOptions = {},
): WavHeader {
  const fileSize = opts.fileSize ?? bytes.length;
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 12) throw bad(name, 'too short to be a WAV file');
  const riff = dv.getUint32(0, true);
  if (riff === FOURCC_RIFX) {
    throw bad(name, 'big-endian WAV (RIFX) is not supported; convert it to a standard WAV');
  }
  if (riff !== FOURCC_RIFF && riff !== FOURCC_RF64 && riff !== FOURCC_BW64) {
    throw bad(name, 'not a WAV file (no RIFF header)');
  }
  if (dv.getUint32(8, true) !== FOURCC_WAVE) throw bad(name, 'RIFF file is not WAVE audio');
  const isRf64 = riff !== FOURCC_RIFF;

  let fmtFound = false;
  let formatTag = 0;
  let codec: 'pcm' | 'float' = 'pcm';
  let channels = 0;
  let sampleRate = 0;
  let blockAlign = 0;
  let bitsPerSample = 0;
  let ds64DataSize = -1;
  let dataOffset = -1;
  let dataBytes = 0;

  let pos = 12;
  // Walk every chunk header until both fmt and data are known; chunks are
  // word-aligned, so an odd-sized chunk is followed by one pad byte.
  while (pos + 8 <= bytes.length && (!fmtFound || dataOffset < 0)) {
    const id = dv.getUint32(pos, true);
    let size = dv.getUint32(pos + 4, true);
    const body = pos + 8;
    if (id === FOURCC_DS64) {
      if (body + 16 > bytes.length) throw bad(name, 'truncated ds64 chunk');
      ds64DataSize = Number(dv.getBigUint64(body + 8, true));
    } else if (id === FOURCC_FMT) {
      if (size < 16) throw bad(name, `fmt chunk too small (${size} bytes)`);
      if (body + 16 > bytes.length) throw bad(name, 'truncated fmt chunk');
      formatTag = dv.getUint16(body, true);
      channels = dv.getUint16(body + 2, true);
      sampleRate = dv.getUint32(body + 4, true);
      blockAlign = dv.getUint16(body + 12, true);
      bitsPerSample = dv.getUint16(body + 14, true);
      let effectiveTag = formatTag;
      if (formatTag === 0xfffe) {
        if (size < 40 || body + 40 > bytes.length) {
          throw bad(name, 'WAVE_FORMAT_EXTENSIBLE fmt chunk is too short');
        }
        const validBits = dv.getUint16(body + 18, true);
        effectiveTag = dv.getUint16(body + 24, true);
        for (let k = 0; k < GUID_TAIL.length; k++) {
          if (bytes[body + 26 + k] !== GUID_TAIL[k]) {
            throw bad(name, 'unsupported WAV codec (unknown extensible sub-format GUID)');
          }
        }
        if (validBits > 0 && validBits <= bitsPerSample) bitsPerSample = validBits;
      }
      if (effectiveTag === 1) codec = 'pcm';
      else if (effectiveTag === 3) codec = 'float';
      else {
        throw bad(
          name,
          `unsupported WAV codec ${describeTag(effectiveTag)}; convert it to PCM WAV, FLAC or MP3`,
        );
      }
      fmtFound = true;
    } else if (id === FOURCC_DATA) {
      if (isRf64 && size === 0xffffffff) {
        if (ds64DataSize < 0) throw bad(name, 'RF64 file has no ds64 chunk');
        size = ds64DataSize;
      }
      dataOffset = body;
      dataBytes = size;
      if (body + size > fileSize) {
        throw bad(
          name,
          `truncated: the data chunk declares ${size} bytes but only ${Math.max(0, fileSize - body)} are present`,
        );
      }
    }
    pos = body + size + (size & 1);
  }

  if (!fmtFound) throw bad(name, 'no fmt chunk (not a valid WAV file)');
  if (dataOffset < 0) throw bad(name, 'no data chunk (the file is truncated or not a WAV file)');
  if (channels === 0) throw bad(name, 'the fmt chunk declares zero channels');
  if (sampleRate === 0) throw bad(name, 'the fmt chunk declares a sample rate of 0 Hz');
  // Nothing records above 768 kHz; a larger figure is a damaged header, and
  // resampling from it would need an absurd filter table.
  if (sampleRate > MAX_SAMPLE_RATE) {
    throw bad(name, `implausible sample rate ${sampleRate} Hz in the fmt chunk`);
  }
  if (bitsPerSample === 0) throw bad(name, 'the fmt chunk declares 0 bits per sample');
  // A sample's container is blockAlign/channels bytes; significant bits sit at the top of it.
  const containerBytes = blockAlign / channels;
  if (!Number.isInteger(containerBytes) || containerBytes < Math.ceil(bitsPerSample / 8)) {
    throw bad(
      name,
      `inconsistent fmt chunk (block align ${blockAlign} for ${channels} channels of ${bitsPerSample} bits)`,
    );
  }
  if (codec === 'pcm' && containerBytes > 4) {
    throw bad(name, `unsupported PCM sample width (${containerBytes * 8}-bit container)`);
  }
  if (codec === 'float' && containerBytes !== 4 && containerBytes !== 8) {
    throw bad(name, `unsupported float sample width (${bitsPerSample} bits)`);
  }
  return {
    container: isRf64 ? 'RF64' : 'RIFF',
    codec,
    formatTag,
    sampleRate,
    channels,
    bitsPerSample,
    bytesPerSample: containerBytes,
    blockAlign,
    frames: Math.floor(dataBytes / blockAlign),
    dataOffset,
    dataBytes,
  };
}
