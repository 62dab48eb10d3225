import { encodeWav } from '../../../native/audio/wav.js';
import { describe, expect, it } from 'vitest';
import {
  float32Samples,
  sampleRange,
  SPECTRO_RATE,
  stft,
  WAV16K_HEADER_BYTES,
} from '../../../renderer/features/annotate/spectrogram.js';

describe('the visible-window spectrogram', () => {
  it('asks for exactly the bytes of the visible samples of the 16 kHz WAV', () => {
    expect(sampleRange(1, 1.5)).toEqual({
      from: WAV16K_HEADER_BYTES + 4 * SPECTRO_RATE,
      to: WAV16K_HEADER_BYTES + 4 * 24_000 - 1,
    });
    expect(sampleRange(0, 0).to).toBe(WAV16K_HEADER_BYTES + 3);
  });

  it('finds the samples where audio-prepare writes them in the 16 kHz cache', () => {
    const x = Float32Array.from([0.5, -1, 0.25]);
    const wav = encodeWav([x], SPECTRO_RATE, { bitsPerSample: 32, float: true });
    const body = wav.slice(WAV16K_HEADER_BYTES).buffer;
    expect(Array.from(float32Samples(body))).toEqual([0.5, -1, 0.25]);
  });

  it('puts a tone in its bin in every column, one column per requested pixel', () => {
    const hz = 1000;
    const x = Float32Array.from({ length: SPECTRO_RATE }, (_, i) =>
      Math.sin((2 * Math.PI * hz * i) / SPECTRO_RATE),
    );
    const s = stft(x, 40, 512);
    expect(s.columns).toBe(40);
    expect(s.bins).toBe(257);
    const expected = Math.round(hz / (SPECTRO_RATE / 512));
    for (let c = 0; c < s.columns; c++) {
      const col = s.db.subarray(c * s.bins, (c + 1) * s.bins);
      expect(col.indexOf(Math.max(...col))).toBe(expected);
    }
    // Silence stays at the floor.
    expect(Math.max(...stft(new Float32Array(2048), 4).db)).toBe(-100);
  });
});
