/** The committed CTC fixtures, a registry over a temp copy of them, and the NeMo feature golden. */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ModelRegistry } from '../../../native/models/registry.js';
import { copyFixture, fixtureDir, tempDir } from '../models/fixtures.js';
import type { GoldenStats } from '../models/golden.js';

export const CTC_FIXTURES = ['wav2vec2-ctc-tiny', 'nemo-ctc-tiny'] as const;

export function fixtureRegistry(): { registry: ModelRegistry; home: string; dispose: () => void } {
  const home = tempDir('charkha-asr-');
  for (const name of CTC_FIXTURES) copyFixture(name, home);
  return {
    registry: new ModelRegistry({ home }),
    home,
    dispose: () => rmSync(home, { recursive: true, force: true }),
  };
}

export interface FeatureGolden {
  tolerance: { abs: number };
  input: { samples: number; rate: number };
  dims: number[];
  values: number[];
  logprobs: GoldenStats;
}

export function nemoFeatureGolden(): FeatureGolden {
  const g = JSON.parse(readFileSync(join(fixtureDir('nemo-ctc-tiny'), 'golden.json'), 'utf8')) as {
    features: FeatureGolden;
  };
  return g.features;
}

/** The recipe's feature test signal (nemo_ctc_tiny.py `test_signal`). */
export function featureTestSignal(n: number): Float32Array {
  const x = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const t = i / 16000;
    const v =
      0.4 * Math.sin(2 * Math.PI * 440 * t) +
      0.2 * Math.sin(2 * Math.PI * 1234.5 * t) +
      0.1 * Math.sin(2 * Math.PI * (200 + 3000 * t) * t);
    x[i] = v * (0.2 + 1.6 * t);
  }
  return x;
}

export function sine(hz: number, seconds: number, rate: number, amplitude = 0.5): Float32Array {
  const x = new Float32Array(Math.round(seconds * rate));
  for (let i = 0; i < x.length; i++) x[i] = amplitude * Math.sin((2 * Math.PI * hz * i) / rate);
  return x;
}
