/**
 * Beam search for the transformers.js-layout seq2seq engines (our decoder
 * loop on the raw encoder/merged-decoder sessions, transformers.js
 * tokenising) on the tiny Marian and M2M100 fixtures: beam 1 is the greedy
 * engine token for token, wider beams score at least as well, and a
 * vocabulary-wide beam finds the best of every output of two tokens.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ModelRegistry } from '../../../native/models/registry.js';
import { openMtEngine } from '../../../native/mt/open.js';
import type { Seq2SeqMtEngine } from '../../../native/mt/seq2seq.js';
import { closeInferenceWorker } from '../../../native/workers/inference.js';
import { FIXTURE_MODELS } from '../models/fixtures.js';
import { allTwoTokenOutputs } from './two-token-search.js';

const registry = new ModelRegistry({ home: FIXTURE_MODELS, bundled: [] });
const engines: Record<string, Seq2SeqMtEngine> = {};
const TEXTS = ['a', 'Rs 500 दिए', 'ZX0 ZX1 ZX2 ZX3', '', 'Pay ZX0 to ZX1 Hyderabad 500081'];

beforeAll(async () => {
  for (const id of ['marian-mt-tiny-fixture', 'm2m100-tiny-fixture']) {
    engines[id] = (await openMtEngine(id, { registry })) as Seq2SeqMtEngine;
  }
});

afterAll(async () => {
  for (const e of Object.values(engines)) await e.close();
  await closeInferenceWorker();
});

describe.each(['marian-mt-tiny-fixture', 'm2m100-tiny-fixture'])('beam search on %s', (id) => {
  it('beam 1 through the raw sessions gives the greedy engine’s ids and text', async () => {
    const e = engines[id];
    for (const opts of [{ batchSize: 2 }, { maxLength: 4 }]) {
      const greedy = await e.run(TEXTS, 'en', 'hi', opts);
      const beam1 = await e.runBeam(TEXTS, 'en', 'hi', { ...opts, beamSize: 1 });
      expect(beam1.sourceIds).toEqual(greedy.sourceIds);
      expect(beam1.tokens).toEqual(greedy.tokens);
      expect(beam1.translations).toEqual(greedy.translations);
    }
  });

  it('a wider beam scores at least as well as greedy; run() takes it for beams above 1', async () => {
    const e = engines[id];
    const graphs = await e.graphs();
    for (const text of TEXTS) {
      const opts = { maxLength: 8 };
      const [greedy] = await graphs.search(await e.encode([text], 'en', 'hi'), {
        ...opts,
        beamSize: 1,
      });
      const [wide] = await graphs.search(await e.encode([text], 'en', 'hi'), {
        ...opts,
        beamSize: 4,
      });
      expect(wide[0].score).toBeGreaterThanOrEqual(greedy[0].score - 1e-6);
      const out = await e.run([text], 'en', 'hi', { ...opts, beamSize: 4 });
      expect(out.tokens).toEqual([wide[0].tokens]);
    }
  });

  it('a vocabulary-wide beam finds the best of all outputs of up to two tokens', async () => {
    const e = engines[id];
    const graphs = await e.graphs();
    const enc = await e.encode(['ZX0 a'], 'en', 'hi');
    const forced = enc.forcedBos === undefined ? [] : [enc.forcedBos];
    const { all, vocab: v } = await allTwoTokenOutputs(
      await graphs.decoderSteps(enc),
      enc.start,
      enc.eos,
    );
    const maxLength = forced.length + 2;
    const [found] = await graphs.search(enc, { beamSize: v, maxLength });
    expect(found[0].tokens).toEqual([...forced, ...all[0].tokens]);
    expect(found[0].score).toBeCloseTo(all[0].score, 4);
    const [narrow] = await graphs.search(enc, { beamSize: 3, maxLength });
    expect(narrow[0].score).toBeLessThanOrEqual(found[0].score + 1e-6);
  });
});

describe('M2M100 beam search', () => {
  it('forces the target language first, as generate() does', async () => {
    const e = engines['m2m100-tiny-fixture'];
    const enc = await e.encode(['a b'], 'te', 'ta');
    expect(enc.forcedBos).toBeDefined();
    const out = await e.run(['a b'], 'te', 'ta', { beamSize: 3 });
    expect(out.tokens[0][0]).toBe(enc.forcedBos);
    expect(out.translations).toEqual(['a b']);
  });

  it('Marian has no forced first token and never emits its pad', async () => {
    const enc = await engines['marian-mt-tiny-fixture'].encode(['a'], 'en', 'hi');
    expect(enc.forcedBos).toBeUndefined();
    expect(enc.suppressed).toEqual([enc.pad]);
  });
});
