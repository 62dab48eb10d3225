/**
 * espeak-ng's memory is put back to a saved image before every utterance
 * (native/tts/espeak/heap-image.ts): only the used prefix is copied, and the
 * rest is scanned for writes. The memory after a restore must equal the
 * saved state byte for byte, wherever the synthesis wrote.
 */
import { describe, expect, it } from 'vitest';
import { HeapRestorer, takeHeapImage } from '../../../native/tts/espeak/heap-image.js';

const KB = 1024;

function memoryWithData(size: number, used: number, seed: number): Uint8Array {
  const m = new Uint8Array(size);
  for (let i = 0; i < used; i++) m[i] = (i * 31 + seed) % 251 || 1;
  return m;
}

describe('espeak-ng memory images', () => {
  it('keep the memory up to its last non-zero 64 KB chunk, and nothing beyond', () => {
    const m = memoryWithData(1024 * KB, 100 * KB, 3);
    const image = takeHeapImage(m);
    expect(image.length).toBe(128 * KB);
    expect(image).toEqual(m.subarray(0, 128 * KB));
    expect(takeHeapImage(new Uint8Array(256 * KB)).length).toBe(0);
    // A memory whose length is not a multiple of the chunk, written to its last byte.
    const odd = new Uint8Array(100 * KB + 5);
    odd[odd.length - 1] = 7;
    expect(takeHeapImage(odd).length).toBe(odd.length);
  });

  it('restore the saved state exactly, after writes inside, just past and far beyond the image', () => {
    const m = memoryWithData(2048 * KB, 300 * KB, 5);
    const saved = m.slice();
    const image = takeHeapImage(m);
    const r = new HeapRestorer();
    const writes: number[][] = [
      [10, 200 * KB],
      [image.length, image.length + 1, image.length + 70 * KB],
      [1500 * KB, 2048 * KB - 1],
      [],
      [5],
    ];
    for (const offsets of writes) {
      for (const o of offsets) m[o] = 0xab;
      r.restore(m, image);
      expect(Buffer.compare(Buffer.from(m), Buffer.from(saved))).toBe(0);
    }
  });

  it('switch between images of different lengths (another language) exactly', () => {
    const a = memoryWithData(1024 * KB, 300 * KB, 1);
    const imageA = takeHeapImage(a);
    const m = memoryWithData(1024 * KB, 100 * KB, 2);
    const imageB = takeHeapImage(m);
    const r = new HeapRestorer();
    r.restore(m, imageA);
    expect(Buffer.compare(Buffer.from(m), Buffer.from(a))).toBe(0);
    m[900 * KB] = 1;
    r.restore(m, imageB);
    const b = memoryWithData(1024 * KB, 100 * KB, 2);
    expect(Buffer.compare(Buffer.from(m), Buffer.from(b))).toBe(0);
  });
});
