/**
 * What every recogniser does to its input first: refuse samples that are not
 * numbers (a NaN would silently poison a whole window of features) and bring
 * the audio to the model's rate with the band-limited resampler.
 */
import { UserError } from '../contract/errors.js';
import { resample } from '../audio/resample.js';
import type { AsrAudio } from './engine.js';

/** Checks the audio and returns it at `rate` (the caller's array when the rate already matches). */
export function prepareAudio(audio: AsrAudio, rate: number): Float32Array {
  const { samples, sampleRate } = audio;
  if (!Number.isInteger(sampleRate) || sampleRate <= 0) {
    throw new UserError('bad_input', `audio sample rate ${sampleRate} is not a positive integer`);
  }
  for (let i = 0; i < samples.length; i++) {
    if (!Number.isFinite(samples[i])) {
      throw new UserError(
        'bad_input',
        `audio sample ${i} (${(i / sampleRate).toFixed(3)} s) is ${samples[i]}, not a number`,
      );
    }
  }
  return sampleRate === rate ? samples : resample(samples, sampleRate, rate);
}
