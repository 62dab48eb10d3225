/**
 * The bundled default Hindi model (models/default/charkha-ctc-hi), trained
 * by models/recipes/default_ctc on Charkha's own synthetic speech. Its ONNX
 * export reproduces the PyTorch logits the recipe recorded, and on a seeded
 * batch of 50 freshly generated held-out rows (test split: templates and
 * values never trained on) spoken by an espeak-ng variant it never heard, it
 * reads numbers back: EHR ≥ 0.80 for digits, PIN codes, phone numbers and
 * currency amounts (the floor).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAsrEngine } from '../../../native/asr/open.js';
import { Wav2Vec2CtcEngine } from '../../../native/asr/wav2vec2.js';
import { generateCorpus } from '../../../native/entities/generate.js';
import type { RefRow } from '../../../native/metrics/files.js';
import { scoreRows } from '../../../native/metrics/score-run.js';
import { ModelRegistry } from '../../../native/models/registry.js';
import { EspeakEngine } from '../../../native/tts/espeak/engine.js';
import { closeInferenceWorker } from '../../../native/workers/inference.js';
import { sharedPool } from '../../../native/workers/shared-pool.js';
import { expectGolden, readGolden } from '../models/golden.js';

const MODEL = 'charkha-ctc-hi';
/** Held out of the model's training voices (models/recipes/default_ctc/prepare.py). */
const HELD_OUT_VARIANT = 'm4';
const NUMERIC_TYPES = ['digit_run', 'pincode', 'phone', 'currency_amount'];

/** The recipe's golden input (models/recipes/default_ctc/train.py, write_golden). */
function goldenInput(): Float32Array {
  const x = new Float32Array(32000);
  for (let i = 0; i < x.length; i++) {
    const t = i / 16000;
    x[i] =
      0.4 * Math.sin(2 * Math.PI * (100 * t + 1500 * t * t)) +
      0.1 * Math.sin(2 * Math.PI * 440 * t) * Math.sin(2 * Math.PI * 3 * t);
  }
  return x;
}

let engine: Wav2Vec2CtcEngine;
const registry = new ModelRegistry({ home: '/nonexistent-charkha-home' });

beforeAll(async () => {
  const e = await openAsrEngine(MODEL, { registry });
  if (!(e instanceof Wav2Vec2CtcEngine))
    throw new Error(`${MODEL} did not open as a wav2vec2-style CTC model`);
  engine = e;
});

afterAll(async () => {
  await engine?.close();
  await closeInferenceWorker();
});

describe('bundled default model charkha-ctc-hi', () => {
  it('is bundled, read-only, Hindi, at most 15 MB', async () => {
    const entry = await registry.get(MODEL);
    expect(entry.origin).toBe('bundled');
    expect(entry.manifest.languages).toEqual(['hi']);
    const bytes = entry.manifest.files.reduce(
      (n, f) => n + (f.size ?? Number.POSITIVE_INFINITY),
      0,
    );
    expect(bytes).toBeLessThanOrEqual(15 * 1024 * 1024);
  });

  it('its ONNX export reproduces the recipe’s PyTorch logits', async () => {
    const entry = await registry.get(MODEL);
    const golden = readGolden(entry.dir);
    const out = await engine.runModel(goldenInput());
    expectGolden(out.data, out.dims, golden.cases[0].output, golden.tolerance.abs);
  });

  it('reads numbers back from held-out rows spoken by a held-out voice (EHR ≥ 0.80 per numeric type)', async () => {
    const { rows } = generateCorpus({ langs: ['hi'], count: 50, seed: 424242, split: 'test' });
    expect(rows).toHaveLength(50);
    const espeak = new EspeakEngine(sharedPool());
    const hyps = new Map<string, string | null>();
    for (const row of rows) {
      const speech = await espeak.synthesize(row.spoken, {
        voice: 'hi',
        variant: HELD_OUT_VARIANT,
      });
      // espeak-ng speaks at 22.05 kHz: the engine resamples to its 16 kHz.
      const t = await engine.transcribe(
        { samples: speech.samples, sampleRate: speech.sampleRate },
        { language: 'hi' },
      );
      hyps.set(row.id, t.text);
    }
    const refs: RefRow[] = rows.map((r, i) => ({
      id: r.id,
      lang: r.lang,
      text: r.spoken,
      entityTokens: r.spoken_tokens.map((s) => ({ ...s })),
      line: i + 1,
      file: 'generated',
      raw: {},
    }));
    const report = await scoreRows(refs, hyps);
    const byType = report.by_type ?? {};
    const numeric = NUMERIC_TYPES.filter((t) => (byType[t]?.entities ?? 0) > 0);
    // The seeded batch must exercise the floor, or this test proves nothing.
    expect(numeric.length).toBeGreaterThanOrEqual(3);
    for (const t of numeric) {
      expect({ type: t, ehr: byType[t].ehr }).toEqual({ type: t, ehr: expect.any(Number) });
      expect(
        byType[t].ehr,
        `EHR of ${t} (${byType[t].hits}/${byType[t].entities})`,
      ).toBeGreaterThanOrEqual(0.8);
    }
    expect(report.cer).not.toBeNull();
  }, 600_000);
});

describe.each([
  ['charkha-ctc-te', 'te'],
  ['charkha-ctc-ta', 'ta'],
])('bundled default model %s', (id, lang) => {
  it('is bundled for its language, at most 15 MB, and its export reproduces the recipe’s logits', async () => {
    const entry = await registry.get(id);
    expect(entry.origin).toBe('bundled');
    expect(entry.manifest.languages).toEqual([lang]);
    const bytes = entry.manifest.files.reduce(
      (n, f) => n + (f.size ?? Number.POSITIVE_INFINITY),
      0,
    );
    expect(bytes).toBeLessThanOrEqual(15 * 1024 * 1024);
    const e = await openAsrEngine(id, { registry });
    try {
      if (!(e instanceof Wav2Vec2CtcEngine)) throw new Error(`${id} did not open as a CTC model`);
      const golden = readGolden(entry.dir);
      const out = await e.runModel(goldenInput());
      expectGolden(out.data, out.dims, golden.cases[0].output, golden.tolerance.abs);
    } finally {
      await e.close();
    }
  });
});
