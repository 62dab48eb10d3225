import { UserError } from '../contract/errors.js';

/**
 * Min/max pairs for drawing a waveform: pixel k covers samples
 * [k·samplesPerPixel, (k+1)·samplesPerPixel), the last pixel possibly fewer.
 */
export interface Peaks {
  samplesPerPixel: number;
  sampleRate: number;
  /** Number of pixels (min/max pairs); data.length is 2·length. */
  length: number;
  /** Interleaved min, max per pixel, scaled so that ±1.0 is ±32767. */
  data: Int16Array;
}

const MAGIC = 0x4b504843; // 'CHPK' read little-endian
const VERSION = 1;
/** magic u32, version u16, reserved u16, sampleRate u32, samplesPerPixel u32, length u32. */
const HEADER_BYTES = 20;

function toInt16(v: number): number {
  const s = Math.round(v * 32767);
  return s > 32767 ? 32767 : s < -32767 ? -32767 : s;
}

function checkSpp(samplesPerPixel: number): void {
  if (!Number.isInteger(samplesPerPixel) || samplesPerPixel < 1) {
    throw new RangeError(
      `peaks: samplesPerPixel must be a positive integer, got ${samplesPerPixel}`,
    );
  }
}

export function computePeaks(
  samples: Float32Array,
  sampleRate: number,
  samplesPerPixel: number,
): Peaks {
  checkSpp(samplesPerPixel);
  const n = samples.length;
  const length = Math.ceil(n / samplesPerPixel);
  const data = new Int16Array(2 * length);
  for (let k = 0, start = 0; k < length; k++, start += samplesPerPixel) {
    const end = Math.min(n, start + samplesPerPixel);
    let lo = samples[start];
    let hi = lo;
    for (let i = start + 1; i < end; i++) {
      const v = samples[i];
      if (v < lo) lo = v;
      else if (v > hi) hi = v;
    }
    data[2 * k] = toInt16(lo);
    data[2 * k + 1] = toInt16(hi);
  }
  return { samplesPerPixel, sampleRate, length, data };
}

/** Coarser zoom level: each output pixel spans `factor` input pixels. */
export function downsamplePeaks(peaks: Peaks, factor: number): Peaks {
  checkSpp(factor);
  const src = peaks.data;
  const length = Math.ceil(peaks.length / factor);
  const data = new Int16Array(2 * length);
  for (let k = 0; k < length; k++) {
    const start = k * factor;
    const end = Math.min(peaks.length, start + factor);
    let lo = 32767;
    let hi = -32767;
    for (let j = start; j < end; j++) {
      if (src[2 * j] < lo) lo = src[2 * j];
      if (src[2 * j + 1] > hi) hi = src[2 * j + 1];
    }
    data[2 * k] = lo;
    data[2 * k + 1] = hi;
  }
  return {
    samplesPerPixel: peaks.samplesPerPixel * factor,
    sampleRate: peaks.sampleRate,
    length,
    data,
  };
}

/** Little-endian binary form for the engine's on-disk peaks cache. */
export function encodePeaks(peaks: Peaks): Uint8Array {
  const out = new Uint8Array(HEADER_BYTES + peaks.length * 4);
  const dv = new DataView(out.buffer);
  dv.setUint32(0, MAGIC, true);
  dv.setUint16(4, VERSION, true);
  dv.setUint16(6, 0, true);
  dv.setUint32(8, peaks.sampleRate, true);
  dv.setUint32(12, peaks.samplesPerPixel, true);
  dv.setUint32(16, peaks.length, true);
  for (let i = 0; i < 2 * peaks.length; i++) dv.setInt16(HEADER_BYTES + 2 * i, peaks.data[i], true);
  return out;
}

/** Reads what encodePeaks wrote; anything else is refused, so a stale cache can be rebuilt. */
export function decodePeaks(bytes: Uint8Array, name = 'peaks data'): Peaks {
  const bad = (why: string): UserError => new UserError('bad_input', `${name}: ${why}`);
  if (bytes.length < HEADER_BYTES) throw bad('too short to be a peaks file');
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (dv.getUint32(0, true) !== MAGIC) throw bad('not a Charkha peaks file');
  const version = dv.getUint16(4, true);
  if (version !== VERSION) throw bad(`unsupported peaks format version ${version}`);
  const sampleRate = dv.getUint32(8, true);
  const samplesPerPixel = dv.getUint32(12, true);
  const length = dv.getUint32(16, true);
  if (samplesPerPixel < 1) throw bad('samplesPerPixel is 0');
  if (bytes.length !== HEADER_BYTES + length * 4) {
    throw bad(
      `expected ${length} pixels (${HEADER_BYTES + length * 4} bytes), found ${bytes.length} bytes`,
    );
  }
  const data = new Int16Array(2 * length);
  for (let i = 0; i < 2 * length; i++) data[i] = dv.getInt16(HEADER_BYTES + 2 * i, true);
  return { samplesPerPixel, sampleRate, length, data };
}

const WIRE_MAGIC = 0x57504843; // 'CHPW' read little-endian
const WIRE_VERSION = 1;
/** magic u32, version u16, reserved u16, sampleRate u32, samplesPerPixel u32, length u32, peak f32, durationSec f64. */
const WIRE_HEADER_BYTES = 32;

/**
 * The peaks media route's answer (its layout is `WirePeaks` in
 * native/contract/media.ts): one level of `peaks` for a recording of
 * `durationSec` seconds, as Int8 pairs relative to the level's loudest
 * value, so a quiet recording keeps its shape. 127 steps a side are finer
 * than the Player's pixels, and a 2-hour file's fitted view is a few
 * kilobytes where the JSON of its finest level was over a megabyte.
 */
export function encodeWirePeaks(peaks: Peaks, durationSec: number): Uint8Array {
  let top = 0;
  for (let i = 0; i < peaks.data.length; i++) {
    const v = peaks.data[i] < 0 ? -peaks.data[i] : peaks.data[i];
    if (v > top) top = v;
  }
  const out = new Uint8Array(WIRE_HEADER_BYTES + 2 * peaks.length);
  const dv = new DataView(out.buffer);
  dv.setUint32(0, WIRE_MAGIC, true);
  dv.setUint16(4, WIRE_VERSION, true);
  dv.setUint32(8, peaks.sampleRate, true);
  dv.setUint32(12, peaks.samplesPerPixel, true);
  dv.setUint32(16, peaks.length, true);
  dv.setFloat32(20, top / 32767, true);
  dv.setFloat64(24, durationSec, true);
  const data = new Int8Array(out.buffer, WIRE_HEADER_BYTES);
  // Min rounds down and max up, so a pixel with any sound in it never draws as silence.
  const k = top > 0 ? 127 / top : 0;
  for (let i = 0; i < data.length; i += 2) {
    data[i] = Math.max(-127, Math.floor(peaks.data[i] * k));
    data[i + 1] = Math.min(127, Math.ceil(peaks.data[i + 1] * k));
  }
  return out;
}

/**
 * How many base pixels make one pixel of the level that shows `pixels`
 * pixels: a power of two, so a handful of levels serve every zoom, and the
 * largest one that still gives at least `pixels` pairs (fewer than twice as
 * many), or 1 where even the finest level has fewer.
 */
export function levelFactor(baseLength: number, pixels: number): number {
  let f = 1;
  while (Math.ceil(baseLength / (f * 2)) >= pixels) f *= 2;
  return f;
}
