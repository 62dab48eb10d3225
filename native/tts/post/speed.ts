/**
 * Speed perturbation as in Kaldi's recipes: the samples are taken to have
 * been recorded at `factor` × the rate and resampled back, so 1.1 is 10 %
 * faster and 10 % higher in pitch. Factors are rounded so that the rate pair
 * stays an integer ratio (0.1 % steps), which the polyphase resampler needs.
 */
import { resample } from '../../audio/resample.js';

export function speedPerturb(x: Float32Array, sampleRate: number, factor: number): Float32Array {
  if (!(factor >= 0.5 && factor <= 2)) {
    throw new RangeError(`speed factor must be within 0.5…2, got ${factor}`);
  }
  if (factor === 1) return x.slice();
  // sampleRate × factor as from/to in thousandths keeps the filter bank small.
  return resample(x, Math.round(factor * 1000), 1000);
}
