/**
 * Every fixture, run through the inference worker on the inputs its recipe
 * used, reproduces the outputs PyTorch computed (golden.json), so the exported
 * graphs and the tensors we feed them are what the recipes meant.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { openModelDir } from '../../../native/models/registry.js';
import { closeInferenceWorker, getInferenceWorker } from '../../../native/workers/inference.js';
import type { WireTensors } from '../../../native/workers/inference.js';
import { fixtureDir } from './fixtures.js';
import { expectGolden, readGolden } from './golden.js';

afterAll(async () => {
  await closeInferenceWorker();
});

const i64 = (v: number[]): BigInt64Array => BigInt64Array.from(v.map((x) => BigInt(x)));

async function runFixture(name: string, feedsFor: (feeds: Record<string, unknown>) => WireTensors) {
  const dir = fixtureDir(name);
  const golden = readGolden(dir);
  const model = await openModelDir(dir);
  try {
    for (const c of golden.cases) {
      const out = await getInferenceWorker().run(model.sessions.model.id, feedsFor(c.feeds));
      const t = Object.values(out)[0];
      expectGolden(t.data as Float32Array, t.dims, c.output, golden.tolerance.abs);
    }
  } finally {
    await model.close();
  }
}

describe('fixtures reproduce their golden outputs', () => {
  for (const name of ['piper-tiny', 'piper-multi-tiny']) {
    it(name, async () => {
      await runFixture(name, (f) => {
        const ids = f.input as number[];
        const feeds: WireTensors = {
          input: { type: 'int64', dims: [1, ids.length], data: i64(ids) },
          input_lengths: { type: 'int64', dims: [1], data: i64(f.input_lengths as number[]) },
          scales: { type: 'float32', dims: [3], data: Float32Array.from(f.scales as number[]) },
        };
        if (f.sid) feeds.sid = { type: 'int64', dims: [1], data: i64(f.sid as number[]) };
        return feeds;
      });
    });
  }

  it('mms-tts-tiny', async () => {
    await runFixture('mms-tts-tiny', (f) => {
      const ids = f.input_ids as number[];
      return {
        input_ids: { type: 'int64', dims: [1, ids.length], data: i64(ids) },
        attention_mask: { type: 'int64', dims: [1, ids.length], data: i64(ids.map(() => 1)) },
      };
    });
  });

  it('wav2vec2-ctc-tiny: logits [1, frames, vocab] with the real frame count', async () => {
    await runFixture('wav2vec2-ctc-tiny', () => {
      const x = new Float32Array(16000);
      for (let i = 0; i < x.length; i++) x[i] = 0.5 * Math.sin((2 * Math.PI * 220 * i) / 16000);
      return { input_values: { type: 'float32', dims: [1, x.length], data: x } };
    });
    // wav2vec2's encoder gives 49 frames for one second at 16 kHz.
    expect(readGolden(fixtureDir('wav2vec2-ctc-tiny')).cases[0].output.dims).toEqual([1, 49, 59]);
  });

  it('nemo-ctc-tiny: logprobs [1, frames / 4, vocab + 1]', async () => {
    await runFixture('nemo-ctc-tiny', () => {
      const x = new Float32Array(80 * 101);
      for (let i = 0; i < x.length; i++) x[i] = Math.sin(i * 0.01);
      return {
        audio_signal: { type: 'float32', dims: [1, 80, 101], data: x },
        length: { type: 'int64', dims: [1], data: i64([101]) },
      };
    });
  });
});
