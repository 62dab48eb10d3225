/**
 * The CTC recognisers, opened through `openAsrEngine` on the committed tiny
 * fixtures: the model outputs reproduce the recipes' PyTorch goldens, the
 * NeMo pipeline (TypeScript mel front end → model) reproduces the recipe's
 * end-to-end logprobs, and transcripts are well formed at any input rate.
 */
import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../../../native/contract/errors.js';
import { NemoCtcEngine } from '../../../native/asr/nemo.js';
import { openAsrEngine } from '../../../native/asr/open.js';
import { prepareAudio } from '../../../native/asr/prepare-audio.js';
import { Wav2Vec2CtcEngine, zeroMeanUnitVariance } from '../../../native/asr/wav2vec2.js';
import type { AsrEngine, Transcript } from '../../../native/asr/engine.js';
import { ModelRegistry } from '../../../native/models/registry.js';
import { closeInferenceWorker } from '../../../native/workers/inference.js';
import { copyFixture, fixtureDir, renameTensorBytes, tempDir } from '../models/fixtures.js';
import { expectGolden, readGolden } from '../models/golden.js';
import { featureTestSignal, fixtureRegistry, nemoFeatureGolden, sine } from './ctc-fixtures.js';

const fixtures = fixtureRegistry();
const registry = fixtures.registry;
let w2v: Wav2Vec2CtcEngine;
let nemo: NemoCtcEngine;

beforeAll(async () => {
  const a = await openAsrEngine('wav2vec2-ctc-tiny', { registry });
  const b = await openAsrEngine('nemo-ctc-tiny', { registry });
  if (!(a instanceof Wav2Vec2CtcEngine) || !(b instanceof NemoCtcEngine))
    throw new Error('wrong engine');
  w2v = a;
  nemo = b;
});

afterAll(async () => {
  await w2v?.close();
  await nemo?.close();
  await closeInferenceWorker();
  fixtures.dispose();
});

async function refusal(p: Promise<unknown>): Promise<UserError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(UserError);
    return e as UserError;
  }
  throw new Error('expected a UserError, got a result');
}

function expectWellFormed(t: Transcript, duration: number): void {
  expect(t.duration).toBeCloseTo(duration, 9);
  expect(t.text).toBe(t.words.map((w) => w.text).join(' '));
  let last = 0;
  for (const w of t.words) {
    expect(w.text).not.toMatch(/\s|\||▁/);
    expect(w.start).toBeGreaterThanOrEqual(last);
    expect(w.end).toBeGreaterThan(w.start);
    expect(w.end).toBeLessThanOrEqual(duration);
    expect(w.confidence).toBeGreaterThan(0);
    expect(w.confidence).toBeLessThanOrEqual(1);
    last = w.end;
  }
}

describe('openAsrEngine: wav2vec2-ctc', () => {
  it('reports what it is', () => {
    expect(w2v.modelId).toBe('wav2vec2-ctc-tiny');
    expect(w2v.family).toBe('wav2vec2-ctc');
    expect(w2v.languages).toEqual(['hi']);
    expect(w2v.sampleRate).toBe(16000);
    expect(w2v.maxChunkSeconds).toBe(30);
    expect(w2v.normalize).toBe(true);
    expect(w2v.minSamples).toBe(400);
    expect(w2v.vocab.wordDelimiter).toBe('|');
    expect(w2v.vocab.tokens[w2v.vocab.blank]).toBe('<pad>');
  });

  it('its model run reproduces the recipe golden (logits) within 1e-4', async () => {
    const dir = fixtureDir('wav2vec2-ctc-tiny');
    const golden = readGolden(dir);
    const out = await w2v.runModel(sine(220, 1, 16000));
    expectGolden(out.data, out.dims, golden.cases[0].output, golden.tolerance.abs);
  });

  it('transcribes: normalised input, 49 frames for a second, frame time = samples / frames', async () => {
    const x = sine(220, 1, 16000);
    const em = await w2v.emissions(x);
    expect(em).toBeDefined();
    expect([em?.frames, em?.classes]).toEqual([49, 59]);
    expect(em?.frameSeconds).toBeCloseTo(1 / 49, 12);
    const direct = await w2v.runModel(zeroMeanUnitVariance(x));
    expect(Array.from(em?.data ?? [])).toEqual(Array.from(direct.data));
    const t = await w2v.transcribe({ samples: x, sampleRate: 16000 }, { language: 'hi' });
    expectWellFormed(t, 1);
    // The caller's samples are not detached by the transfer to the worker.
    expect(x.length).toBe(16000);
  });
});

describe('openAsrEngine: nemo-ctc', () => {
  it('reports what it is', () => {
    expect(nemo.family).toBe('nemo-ctc');
    expect(nemo.sampleRate).toBe(16000);
    expect(nemo.maxChunkSeconds).toBe(30);
    expect(nemo.mel).toMatchObject({ nFft: 512, winLength: 400, hop: 160, nMels: 80 });
    expect(nemo.vocab.blank).toBe(nemo.vocab.tokens.length);
  });

  it('its model run reproduces the recipe golden (logprobs) within 1e-4', async () => {
    const golden = readGolden(fixtureDir('nemo-ctc-tiny'));
    const x = new Float32Array(80 * 101);
    for (let i = 0; i < x.length; i++) x[i] = Math.sin(i * 0.01);
    const out = await nemo.runModel(x, 101);
    expectGolden(out.data, out.dims, golden.cases[0].output, golden.tolerance.abs);
  });

  it('audio → TS mel → model reproduces the recipe end to end (PyTorch features) within 1e-3', async () => {
    const g = nemoFeatureGolden();
    const em = await nemo.emissions(featureTestSignal(g.input.samples));
    if (!em) throw new Error('no emissions');
    expectGolden(em.data, [1, em.frames, em.classes], g.logprobs, g.tolerance.abs);
    // 4× subsampling of 10 ms frames.
    expect(em.frameSeconds).toBeCloseTo(0.04, 12);
    const t = await nemo.transcribe(
      { samples: featureTestSignal(g.input.samples), sampleRate: 16000 },
      { language: 'hi' },
    );
    expectWellFormed(t, g.input.samples / 16000);
  });
});

describe('both engines', () => {
  const engines = (): AsrEngine[] => [w2v, nemo];

  it('resample 44.1 kHz and 8 kHz input to the model rate: same frames, close scores', async () => {
    for (const e of engines()) {
      const ref = await (e as Wav2Vec2CtcEngine | NemoCtcEngine).emissions(sine(220, 1, 16000));
      for (const rate of [44100, 8000]) {
        const x = sine(220, 1, rate);
        const em = await (e as Wav2Vec2CtcEngine | NemoCtcEngine).emissions(
          prepareAudio({ samples: x, sampleRate: rate }, 16000),
        );
        expect(em?.frames).toBe(ref?.frames);
        let worst = 0;
        let total = 0;
        em?.data.forEach((v, k) => {
          const d = Math.abs(v - (ref?.data[k] ?? 0));
          worst = Math.max(worst, d);
          total += d;
        });
        // NeMo's per-feature normalisation magnifies the band limit of 8 kHz
        // audio in the near-empty top mel bins: close, not identical.
        expect(worst).toBeLessThan(0.1);
        expect(total / (em?.data.length ?? 1)).toBeLessThan(0.005);
        const t = await e.transcribe({ samples: x, sampleRate: rate }, { language: 'hi' });
        expectWellFormed(t, 1);
      }
    }
  });

  it('empty or shorter-than-a-frame audio gives an empty transcript', async () => {
    for (const e of engines()) {
      for (const n of [0, 1, 399]) {
        const t = await e.transcribe(
          { samples: new Float32Array(n), sampleRate: 16000 },
          { language: 'hi' },
        );
        expect(t).toEqual({ text: '', words: [], segments: [], duration: n / 16000 });
      }
    }
  });

  it('NaN or infinite samples are a UserError', async () => {
    for (const e of engines()) {
      for (const bad of [NaN, Infinity]) {
        const x = sine(220, 0.5, 16000);
        x[1234] = bad;
        const err = await refusal(
          e.transcribe({ samples: x, sampleRate: 16000 }, { language: 'hi' }),
        );
        expect(err.code).toBe('bad_input');
        expect(err.message).toContain('sample 1234');
      }
    }
  });

  it('a cancelled call rejects before any work', async () => {
    const ac = new AbortController();
    ac.abort();
    const err = await refusal(
      w2v.transcribe(
        { samples: sine(220, 1, 16000), sampleRate: 16000 },
        { language: 'hi', signal: ac.signal },
      ),
    );
    expect(err.code).toBe('cancelled');
  });
});

describe('openAsrEngine refuses', () => {
  for (const [name, file, tensor] of [
    ['wav2vec2-ctc-tiny', 'onnx/model.onnx', 'input_values'],
    ['nemo-ctc-tiny', 'model.onnx', 'audio_signal'],
  ] as const) {
    it(`a ${name} whose model has a renamed input tensor, naming file and tensor`, async () => {
      const home = tempDir();
      try {
        const path = join(copyFixture(name, home), file);
        renameTensorBytes(path, tensor, `${tensor.slice(0, -1)}z`);
        const err = await refusal(openAsrEngine(name, { registry: new ModelRegistry({ home }) }));
        expect(err.code).toBe('model_invalid');
        expect(err.message).toContain(path);
        expect(err.message).toContain(`"${tensor}" is missing`);
      } finally {
        rmSync(home, { recursive: true, force: true });
      }
    });
  }

  it('a model that is not a speech recogniser', async () => {
    const home = tempDir();
    copyFixture('mms-tts-tiny', home);
    const err = await refusal(
      openAsrEngine('mms-tts-tiny', { registry: new ModelRegistry({ home }) }),
    );
    expect(err.code).toBe('unsupported');
    expect(err.message).toContain('mms-tts');
  });
});

describe('NeMo language masks', () => {
  /** A copy of the NeMo fixture whose config restricts `mr` to a few tokens. */
  function maskedRegistry(allowedIds: number[]): ModelRegistry {
    const home = tempDir();
    const dir = copyFixture('nemo-ctc-tiny', home);
    const cfgPath = join(dir, 'config.json');
    const cfg = JSON.parse(readFileSync(cfgPath, 'utf8')) as Record<string, unknown>;
    cfg.language_masks = { hi: Array.from({ length: 55 }, () => true), mr: allowedIds };
    writeFileSync(cfgPath, JSON.stringify(cfg));
    const manifestPath = join(dir, 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
      files: { path: string; size?: number; sha256?: string | null }[];
    };
    const entry = manifest.files.find((f) => f.path === 'config.json');
    if (!entry) throw new Error('no config.json in the manifest');
    entry.size = statSync(cfgPath).size;
    entry.sha256 = null;
    writeFileSync(manifestPath, JSON.stringify(manifest));
    return new ModelRegistry({ home });
  }

  it('only the language’s tokens are chosen; an unknown language is a UserError', async () => {
    const g = nemoFeatureGolden();
    const audio = { samples: featureTestSignal(g.input.samples), sampleRate: 16000 };
    const unmasked = await nemo.transcribe(audio, { language: 'hi' });
    expect(unmasked.text.length).toBeGreaterThan(0);
    const letters = [...new Set(unmasked.text.replace(/ /g, ''))];
    // Allow one letter the unmasked transcript used, plus the word marker.
    const keep = letters[0];
    const tokens = nemo.vocab.tokens;
    const e = await openAsrEngine('nemo-ctc-tiny', {
      registry: maskedRegistry([tokens.indexOf(keep), 1]),
    });
    try {
      const hi = await e.transcribe(audio, { language: 'hi' });
      expect(hi.text).toBe(unmasked.text);
      const mr = await e.transcribe(audio, { language: 'mr' });
      expect(mr.text.length).toBeGreaterThan(0);
      expect(mr.text.replace(new RegExp(`[ ${keep}]`, 'g'), '')).toBe('');
      const err = await refusal(e.transcribe(audio, { language: 'ta' }));
      expect(err.message).toContain('"ta"');
      expect(err.message).toContain('hi, mr');
    } finally {
      await e.close();
    }
  });
});
