import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { UserError } from '../../../native/contract/errors.js';
import { matchMediaRoute } from '../../../native/contract/media.js';
import { computePeaks, encodeWirePeaks, levelFactor } from '../../../native/audio/peaks.js';
import { EngineError } from '../../../renderer/bridge/engine-error.js';
import { decodeWirePeaks, peaksPath } from '../../../renderer/bridge/peaks-wire.js';
import { encodeWav } from '../../../native/audio/wav.js';
import { PeaksLevels } from '../../../native/server/peaks-levels.js';
import { importAudio } from '../../../native/service/import-audio.js';
import { Project } from '../../../native/store/project.js';
import { tempDir } from '../../helpers/temp.js';

describe('the wire form of peaks (engine encoder, renderer decoder)', () => {
  it('round-trips shape and header, and never draws a sounding pixel as silence', () => {
    fc.assert(
      fc.property(
        fc.array(fc.float({ min: -1, max: 1, noNaN: true }), { minLength: 0, maxLength: 400 }),
        fc.integer({ min: 1, max: 16 }),
        (xs, spp) => {
          const p = computePeaks(Float32Array.from(xs), 16000, spp);
          const w = decodeWirePeaks(encodeWirePeaks(p, 12.5));
          expect([w.length, w.samplesPerPixel, w.sampleRate, w.durationSec]).toEqual([
            p.length,
            spp,
            16000,
            12.5,
          ]);
          const top = Math.max(0, ...Array.from(p.data, Math.abs));
          expect(w.peak).toBeCloseTo(top / 32767, 6);
          for (let i = 0; i < p.data.length; i++) {
            const v = top ? (w.data[i] * top) / 127 : 0;
            // Within one step, rounded outwards: min never above, max never below.
            expect(Math.abs(v - p.data[i])).toBeLessThanOrEqual(top / 127 + 1e-9);
            if (i % 2 === 0) expect(v).toBeLessThanOrEqual(p.data[i] + 1e-9);
            else expect(v).toBeGreaterThanOrEqual(p.data[i] - 1e-9);
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  it('keeps a quiet recording’s shape (relative to its own peak)', () => {
    const quiet = Float32Array.from({ length: 2560 }, (_, i) => 0.002 * Math.sin(i / 40));
    const w = decodeWirePeaks(encodeWirePeaks(computePeaks(quiet, 16000, 256), 0.16));
    expect(Math.max(...w.data)).toBe(127);
    expect(Math.min(...w.data)).toBe(-127);
  });

  it('refuses what is not a peaks answer, naming why', () => {
    const good = encodeWirePeaks(computePeaks(new Float32Array(1000), 16000, 256), 1);
    expect(() => decodeWirePeaks(good.subarray(0, 10))).toThrow(/too short/);
    expect(() => decodeWirePeaks(good.subarray(0, good.length - 1))).toThrow(EngineError);
    const other = good.slice();
    other[0] ^= 0xff;
    expect(() => decodeWirePeaks(other)).toThrow(/not a Charkha peaks answer/);
  });
});

describe('levelFactor', () => {
  it('gives a power of two with at least the asked pixels and fewer than twice as many', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2_000_000 }),
        fc.integer({ min: 1, max: 100_000 }),
        (n, px) => {
          const f = levelFactor(n, px);
          expect(Number.isInteger(Math.log2(f))).toBe(true);
          const len = Math.ceil(n / f);
          if (f > 1) expect(len).toBeGreaterThanOrEqual(px);
          expect(Math.ceil(n / (2 * f))).toBeLessThan(px);
        },
      ),
    );
  });
});

describe('the media route', () => {
  it('parses the paths the renderer builds', () => {
    const r = matchMediaRoute(new URL(`http://x${peaksPath({ audioId: 7, pixels: 1440 })}`));
    expect(r).toEqual({ kind: 'peaks', audioId: 7, pixels: 1440 });
    expect(matchMediaRoute(new URL('http://x/media/audio/3/16k.wav'))).toEqual({
      kind: 'audio',
      audioId: 3,
      variant: '16k',
    });
    expect(matchMediaRoute(new URL('http://x/media/peaks/1abc?px=3'))).toBeNull();
    expect(() => matchMediaRoute(new URL('http://x/media/peaks/1?px=2.5'))).toThrow(UserError);
  });
});

describe('PeaksLevels', () => {
  let project: Project | null = null;
  afterEach(() => {
    project?.close();
    project = null;
  });

  it('answers levels of the cached peaks, and null for unknown recordings', async () => {
    const dir = tempDir();
    project = Project.init(join(dir, 'p'));
    const tone = Float32Array.from({ length: 32000 }, (_, i) => 0.25 * Math.sin(i / 5));
    writeFileSync(join(dir, 'tone.wav'), encodeWav([tone], 16000));
    await importAudio(project, [join(dir, 'tone.wav')]);
    const levels = new PeaksLevels(project);
    // 2 s at 16 kHz: 125 pixels at 256 samples a pixel.
    const fit = decodeWirePeaks(levels.body({ audioId: 1, pixels: 30 })!);
    expect([fit.length, fit.samplesPerPixel, fit.durationSec]).toEqual([32, 1024, 2]);
    expect(fit.peak).toBeCloseTo(0.25, 3);
    const finest = decodeWirePeaks(levels.body({ audioId: 1, pixels: 10_000 })!);
    expect([finest.length, finest.samplesPerPixel]).toEqual([125, 256]);
    // Asked again, the same level comes back (from the kept copies).
    expect(levels.body({ audioId: 1, pixels: 30 })).toEqual(
      levels.body({ audioId: 1, pixels: 31 }),
    );
    expect(levels.body({ audioId: 2, pixels: 30 })).toBeNull();
  });
});
