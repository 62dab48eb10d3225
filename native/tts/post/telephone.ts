/**
 * A narrow-band telephone channel: down to 8 kHz, band-pass 300–3400 Hz (the
 * ITU voice band; 6th-order Butterworth each side), G.711 μ-law encoded and
 * decoded, and back up to the working rate.
 */
import { resample } from '../../audio/resample.js';
import { butterworth } from './biquad.js';

export const TELEPHONE_RATE = 8000;
const BIAS = 0x84;
const CLIP = 32635;

/** G.711 μ-law encoding of one 16-bit linear sample (the classic Sun reference algorithm). */
export function ulawEncode(sample: number): number {
  let s = Math.max(-32768, Math.min(32767, Math.round(sample)));
  const sign = s < 0 ? 0x80 : 0;
  if (s < 0) s = -s;
  if (s > CLIP) s = CLIP;
  s += BIAS;
  let exponent = 7;
  for (let mask = 0x4000; (s & mask) === 0 && exponent > 0; mask >>= 1) exponent--;
  const mantissa = (s >> (exponent + 3)) & 0x0f;
  return ~(sign | (exponent << 4) | mantissa) & 0xff;
}

export function ulawDecode(code: number): number {
  const u = ~code & 0xff;
  const sign = u & 0x80;
  const exponent = (u >> 4) & 0x07;
  const mantissa = u & 0x0f;
  const magnitude = (((mantissa << 3) + BIAS) << exponent) - BIAS;
  return sign ? -magnitude : magnitude;
}

/** Quantisation step of μ-law around a 16-bit value: decode(encode(x)) is within half of it. */
export function ulawStep(sample: number): number {
  const s = Math.min(CLIP, Math.abs(Math.round(sample))) + BIAS;
  let exponent = 7;
  for (let mask = 0x4000; (s & mask) === 0 && exponent > 0; mask >>= 1) exponent--;
  return 1 << (exponent + 3);
}

export function ulawRoundTrip(x: Float32Array): Float32Array {
  const y = new Float32Array(x.length);
  for (let i = 0; i < x.length; i++) y[i] = ulawDecode(ulawEncode(x[i] * 32768)) / 32768;
  return y;
}

export function telephone(x: Float32Array, sampleRate: number): Float32Array {
  const narrow = resample(x, sampleRate, TELEPHONE_RATE);
  const band = butterworth(
    butterworth(narrow, 'high', 300, TELEPHONE_RATE),
    'low',
    3400,
    TELEPHONE_RATE,
  );
  const coded = ulawRoundTrip(band);
  const back = resample(coded, TELEPHONE_RATE, sampleRate);
  // resample rounds the length; keep the caller's exactly.
  if (back.length === x.length) return back;
  const out = new Float32Array(x.length);
  out.set(back.subarray(0, x.length));
  return out;
}
