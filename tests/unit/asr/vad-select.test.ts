/**
 * Which speech detector long audio uses: energy when no silero-vad model is
 * installed or `energy` is asked for; silero when one is (fed 576-sample
 * windows with its state carried over); energy with a note when the
 * installed model will not open.
 */
import { describe, expect, it } from 'vitest';
import { selectVad } from '../../../native/asr/silero-vad.js';
import { energyTrack } from '../../../native/asr/vad.js';
import type { ModelEntry, ModelRegistry, OpenedModel } from '../../../native/models/registry.js';
import type { WireTensors } from '../../../native/workers/tensors.js';
import { addNoiseFloor, rng, speak } from './synthetic-speech.js';

type Reg = Pick<ModelRegistry, 'list' | 'open'>;

function registry(families: string[], open?: (id: string) => Promise<OpenedModel>): Reg {
  const models = families.map(
    (family, i) => ({ id: `m${i}`, dir: '/x', origin: 'home', manifest: { family } }) as ModelEntry,
  );
  return {
    list: async () => ({ models, broken: [] }),
    open: async (id: string) => {
      if (!open) throw new Error('unexpected open');
      return open(id);
    },
  };
}

const opened = (closed: string[]): OpenedModel =>
  ({
    sessions: { model: { id: 'sess-1' } },
    close: async () => {
      closed.push('sess-1');
    },
  }) as unknown as OpenedModel;

function audio(): { samples: Float32Array; sampleRate: number } {
  const rate = 16_000;
  const x = new Float32Array(rate * 4);
  const rand = rng(1);
  speak(x, rate, 1, 1.5, rand);
  addNoiseFloor(x, 0.001, rand);
  return { samples: x, sampleRate: rate };
}

describe('VAD selection', () => {
  it('uses energy when no silero-vad model is installed', async () => {
    const v = await selectVad({ registry: registry(['wav2vec2-ctc', 'piper']) });
    expect(v).toMatchObject({ kind: 'energy', modelId: null, note: null });
    const a = audio();
    const r = await v.detect(a, energyTrack(a.samples, a.sampleRate));
    expect(r).toHaveLength(1);
    expect(r[0].start).toBeLessThan(1);
    expect(r[0].end).toBeGreaterThan(2.5);
  });

  it('uses the installed silero-vad model through the worker, state carried across steps', async () => {
    const closed: string[] = [];
    const feeds: WireTensors[] = [];
    const worker = {
      run: async (session: string, f: WireTensors) => {
        expect(session).toBe('sess-1');
        feeds.push(f);
        const x = f.input.data as Float32Array;
        const loud = x.some((v) => Math.abs(v) > 0.01);
        const state = Float32Array.from(f.state.data as Float32Array, (s) => s + 1);
        return {
          output: { type: 'float32', dims: [1, 1], data: Float32Array.of(loud ? 0.9 : 0.05) },
          stateN: { type: 'float32', dims: [2, 1, 128], data: state },
        };
      },
    };
    const v = await selectVad({
      registry: registry(['wav2vec2-ctc', 'silero-vad'], async () => opened(closed)),
      worker: () => worker,
    });
    expect(v).toMatchObject({ kind: 'silero', modelId: 'm1' });
    const a = audio();
    const r = await v.detect(a, energyTrack(a.samples, a.sampleRate));
    expect(feeds).toHaveLength(Math.ceil(a.samples.length / 512));
    expect(feeds[0].input.dims).toEqual([1, 576]);
    expect((feeds[5].state.data as Float32Array)[0]).toBe(5);
    expect(r).toHaveLength(1);
    expect(r[0].start).toBeLessThan(1);
    expect(r[0].end).toBeGreaterThan(2.5);
    await v.close();
    expect(closed).toEqual(['sess-1']);
  });

  it('prefers energy when asked, and falls back with a note when the model will not open', async () => {
    const v = await selectVad({
      registry: registry(['silero-vad'], async () => opened([])),
      prefer: 'energy',
    });
    expect(v.kind).toBe('energy');
    const broken = await selectVad({
      registry: registry(['silero-vad'], async () => {
        throw new Error('bad file');
      }),
    });
    expect(broken.kind).toBe('energy');
    expect(broken.note).toMatch(/m0 could not be opened \(bad file\)/);
  });
});
