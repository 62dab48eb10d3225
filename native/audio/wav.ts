import type { DecodedAudio } from './types.js';
import { readWavHeader } from './wav-header.js';
import type { WavHeader } from './wav-header.js';

export { isWav, readWavHeader } from './wav-header.js';
export type { ReadWavHeaderOptions, WavHeader } from './wav-header.js';

// Typed-array views read in host byte order; WAV is little-endian, so the fast
// paths are only taken on little-endian hosts (every platform Charkha ships on).
const HOST_LE = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * Decodes a RIFF/RF64 WAVE file (PCM 8/16/24/32-bit, IEEE float 32/64, plain
 * or extensible) into planar Float32 channels. Integer PCM is scaled by its
 * container's full scale (-32768 → -1, 32767 → 32767/32768), so encodeWav
 * at the same width gives the original integers back.
 */
export function decodeWav(bytes: Uint8Array, name = 'input'): DecodedAudio {
  const h = readWavHeader(bytes, name);
  const channels: Float32Array[] = [];
  for (let c = 0; c < h.channels; c++) channels.push(new Float32Array(h.frames));
  deinterleave(bytes, h, channels);
  return {
    sampleRate: h.sampleRate,
    channels,
    sourceFormat: { container: 'wav', codec: h.codec, bitsPerSample: h.bitsPerSample },
  };
}

function deinterleave(bytes: Uint8Array, h: WavHeader, out: Float32Array[]): void {
  const { frames, channels: nc, bytesPerSample: width, blockAlign } = h;
  if (frames === 0) return;
  const start = bytes.byteOffset + h.dataOffset;
  const packed = blockAlign === width * nc;
  // Fast path: view the data chunk as a typed array when it is aligned and
  // tightly packed, and walk it with a stride; otherwise read bytes.
  if (HOST_LE && packed && start % width === 0 && width !== 3 && width !== 1) {
    const n = frames * nc;
    if (h.codec === 'float' && width === 4)
      spreadF32(new Float32Array(bytes.buffer, start, n), out);
    else if (h.codec === 'float') spreadF64(new Float64Array(bytes.buffer, start, n), out);
    else if (width === 2) spreadI16(new Int16Array(bytes.buffer, start, n), out);
    else spreadI32(new Int32Array(bytes.buffer, start, n), out);
    return;
  }
  const dv = new DataView(bytes.buffer, start, frames * blockAlign);
  for (let c = 0; c < nc; c++) {
    const dst = out[c];
    let p = c * width;
    if (h.codec === 'float') {
      if (width === 4)
        for (let i = 0; i < frames; i++, p += blockAlign) dst[i] = dv.getFloat32(p, true);
      else for (let i = 0; i < frames; i++, p += blockAlign) dst[i] = dv.getFloat64(p, true);
    } else if (width === 1) {
      for (let i = 0; i < frames; i++, p += blockAlign) dst[i] = (dv.getUint8(p) - 128) / 128;
    } else if (width === 2) {
      for (let i = 0; i < frames; i++, p += blockAlign) dst[i] = dv.getInt16(p, true) / 32768;
    } else if (width === 3) {
      for (let i = 0; i < frames; i++, p += blockAlign) {
        const v = (dv.getUint8(p) | (dv.getUint8(p + 1) << 8) | (dv.getUint8(p + 2) << 16)) << 8;
        dst[i] = (v >> 8) / 8388608;
      }
    } else {
      for (let i = 0; i < frames; i++, p += blockAlign) dst[i] = dv.getInt32(p, true) / 2147483648;
    }
  }
}

// One function per source type keeps each loop's element access monomorphic;
// a shared loop over a union of typed arrays runs several times slower.
function spreadI16(src: Int16Array, out: Float32Array[]): void {
  const nc = out.length;
  for (let c = 0; c < nc; c++) {
    const dst = out[c];
    for (let i = 0, j = c; i < dst.length; i++, j += nc) dst[i] = src[j] / 32768;
  }
}

function spreadI32(src: Int32Array, out: Float32Array[]): void {
  const nc = out.length;
  for (let c = 0; c < nc; c++) {
    const dst = out[c];
    for (let i = 0, j = c; i < dst.length; i++, j += nc) dst[i] = src[j] / 2147483648;
  }
}

function spreadF32(src: Float32Array, out: Float32Array[]): void {
  const nc = out.length;
  for (let c = 0; c < nc; c++) {
    const dst = out[c];
    for (let i = 0, j = c; i < dst.length; i++, j += nc) dst[i] = src[j];
  }
}

function spreadF64(src: Float64Array, out: Float32Array[]): void {
  const nc = out.length;
  for (let c = 0; c < nc; c++) {
    const dst = out[c];
    for (let i = 0, j = c; i < dst.length; i++, j += nc) dst[i] = src[j];
  }
}

export interface EncodeWavOptions {
  /** 16 (default), 24 or 32; with float, only 32. */
  bitsPerSample?: 16 | 24 | 32;
  /** Write IEEE float samples instead of integers. */
  float?: boolean;
}

/**
 * Encodes planar channels as a WAV file. Integer output is clipped to range
 * and plainly rounded (no dither: the engine writes analysis audio, not
 * masters). More than two channels are written as WAVE_FORMAT_EXTENSIBLE,
 * which players need to map them.
 */
export function encodeWav(
  channels: Float32Array[],
  sampleRate: number,
  opts: EncodeWavOptions = {},
): Uint8Array {
  const nc = channels.length;
  if (nc === 0 || nc > 65535) throw new RangeError(`encodeWav: ${nc} channels`);
  if (!Number.isInteger(sampleRate) || sampleRate <= 0 || sampleRate > 0xffffffff) {
    throw new RangeError(`encodeWav: bad sample rate ${sampleRate}`);
  }
  const frames = channels[0].length;
  for (const ch of channels) {
    if (ch.length !== frames) throw new RangeError('encodeWav: channels differ in length');
  }
  const float = opts.float ?? false;
  const bits = opts.bitsPerSample ?? (float ? 32 : 16);
  if (float && bits !== 32) throw new RangeError('encodeWav: float output is 32-bit only');
  if (bits !== 16 && bits !== 24 && bits !== 32) {
    throw new RangeError(`encodeWav: unsupported bit depth ${String(bits)}`);
  }
  const width = bits / 8;
  const blockAlign = width * nc;
  const dataBytes = frames * blockAlign;
  const extensible = nc > 2;
  const fmtSize = extensible ? 40 : float ? 18 : 16;
  const factSize = float && !extensible ? 12 : 0;
  const dataStart = 12 + 8 + fmtSize + factSize + 8;
  const pad = dataBytes & 1;
  const total = dataStart + dataBytes + pad;
  if (total - 8 > 0xffffffff) throw new RangeError('encodeWav: output exceeds 4 GiB');

  const out = new Uint8Array(total);
  const dv = new DataView(out.buffer);
  const ascii = (p: number, s: string): void => {
    for (let k = 0; k < 4; k++) out[p + k] = s.charCodeAt(k);
  };
  ascii(0, 'RIFF');
  dv.setUint32(4, total - 8, true);
  ascii(8, 'WAVE');
  ascii(12, 'fmt ');
  dv.setUint32(16, fmtSize, true);
  dv.setUint16(20, extensible ? 0xfffe : float ? 3 : 1, true);
  dv.setUint16(22, nc, true);
  dv.setUint32(24, sampleRate, true);
  dv.setUint32(28, sampleRate * blockAlign, true);
  dv.setUint16(32, blockAlign, true);
  dv.setUint16(34, bits, true);
  let p = 36;
  if (fmtSize > 16) {
    dv.setUint16(36, fmtSize - 18, true);
    p = 38;
  }
  if (extensible) {
    dv.setUint16(38, bits, true);
    dv.setUint32(40, defaultChannelMask(nc), true);
    dv.setUint16(44, float ? 3 : 1, true);
    out.set([0, 0, 0, 0, 0x10, 0, 0x80, 0, 0, 0xaa, 0, 0x38, 0x9b, 0x71], 46);
    p = 60;
  }
  if (factSize) {
    ascii(p, 'fact');
    dv.setUint32(p + 4, 4, true);
    dv.setUint32(p + 8, frames, true);
    p += 12;
  }
  ascii(p, 'data');
  dv.setUint32(p + 4, dataBytes, true);
  p += 8;

  // dataStart is even in every layout above, so 16-bit output can use a view;
  // 32-bit data may sit at an offset that is not a multiple of 4.
  if (float) {
    for (let c = 0; c < nc; c++) {
      const src = channels[c];
      for (let i = 0, q = p + c * 4; i < frames; i++, q += blockAlign) {
        dv.setFloat32(q, src[i], true);
      }
    }
  } else if (bits === 16 && HOST_LE && p % 2 === 0) {
    const dst = new Int16Array(out.buffer, p, frames * nc);
    for (let c = 0; c < nc; c++) {
      const src = channels[c];
      for (let i = 0, j = c; i < frames; i++, j += nc) dst[j] = quantise(src[i], 32768);
    }
  } else if (bits === 16) {
    for (let c = 0; c < nc; c++) {
      const src = channels[c];
      for (let i = 0, q = p + c * 2; i < frames; i++, q += blockAlign) {
        dv.setInt16(q, quantise(src[i], 32768), true);
      }
    }
  } else if (bits === 24) {
    for (let c = 0; c < nc; c++) {
      const src = channels[c];
      for (let i = 0, q = p + c * 3; i < frames; i++, q += blockAlign) {
        const v = quantise(src[i], 8388608);
        out[q] = v & 0xff;
        out[q + 1] = (v >> 8) & 0xff;
        out[q + 2] = (v >> 16) & 0xff;
      }
    }
  } else {
    for (let c = 0; c < nc; c++) {
      const src = channels[c];
      for (let i = 0, q = p + c * 4; i < frames; i++, q += blockAlign) {
        dv.setInt32(q, quantise(src[i], 2147483648), true);
      }
    }
  }
  return out;
}

/** Scales to a signed integer of full scale `fs`, rounding and clipping; NaN becomes 0. */
function quantise(x: number, fs: number): number {
  const v = Math.round(x * fs);
  if (v >= fs) return fs - 1;
  if (v < -fs) return -fs;
  return v === v ? v : 0;
}

// Speaker masks from the WAVEFORMATEXTENSIBLE docs for the usual layouts.
function defaultChannelMask(nc: number): number {
  switch (nc) {
    case 3:
      return 0x7; // FL FR FC
    case 4:
      return 0x33; // FL FR BL BR
    case 5:
      return 0x37; // FL FR FC BL BR
    case 6:
      return 0x3f; // 5.1
    case 8:
      return 0x63f; // 7.1
    default:
      return 0; // no speaker assignment
  }
}
