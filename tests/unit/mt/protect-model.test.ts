/**
 * Protection and restoration around real generation: EDSA sentences with
 * their entities replaced by placeholders go through the tiny M2M100 and
 * Marian fixtures (real tokenisation, generation and decoding; the fixtures
 * copy their source), and every entity comes back once in the target's
 * conventions, exactly as with the identity model.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ModelRegistry } from '../../../native/models/registry.js';
import type { MtEngine } from '../../../native/mt/engine.js';
import { openMtEngine } from '../../../native/mt/open.js';
import { protectEntities } from '../../../native/mt/protect.js';
import { restoreEntities } from '../../../native/mt/restore.js';
import { closeInferenceWorker } from '../../../native/workers/inference.js';
import { FIXTURE_MODELS } from '../models/fixtures.js';
import { edsaRows } from './edsa-rows.js';

const registry = new ModelRegistry({ home: FIXTURE_MODELS, bundled: [] });
let m2m: MtEngine;
let marian: MtEngine;

beforeAll(async () => {
  m2m = await openMtEngine('m2m100-tiny-fixture', { registry });
  marian = await openMtEngine('marian-mt-tiny-fixture', { registry });
});

afterAll(async () => {
  await m2m.close();
  await marian.close();
  await closeInferenceWorker();
});

const NEXT: Record<string, string> = { hi: 'te', te: 'ta', ta: 'hi' };

describe('protection around the fixture models', () => {
  it('M2M100: EDSA rows, each entity restored once and surviving', async () => {
    const rows = edsaRows().filter((r) => r.entity_class !== 'codemix');
    for (const lang of ['hi', 'te', 'ta']) {
      const mine = rows.filter((r) => r.lang === lang);
      const prot = mine.map((r) => protectEntities(r.text, r.lang, r.entity_tokens));
      const out = await m2m.translate(
        prot.map((p) => p.text),
        lang,
        NEXT[lang],
        { batchSize: 4 },
      );
      prot.forEach((p, i) => {
        const r = restoreEntities(out[i], p, NEXT[lang]);
        expect(r.problems, mine[i].id).toEqual([]);
        expect(r.entities.every((e) => e.occurrences === 1 && e.survived)).toBe(true);
        expect(r.text).toBe(restoreEntities(p.text, p, NEXT[lang]).text);
      });
    }
  });

  it('Marian en → hi: tagged entities come back in Devanagari and Indian number format', async () => {
    const p = protectEntities('Send Rs 5,000 to Rahul at 9876543210 by Swiggy.', 'en', null);
    const [out] = await marian.translate([p.text], 'en', 'hi');
    expect(out).toBe('Send ZX0 to ZX1 at ZX2 by ZX3.');
    const r = restoreEntities(out, p, 'hi');
    expect(r.text).toBe('Send 5,000 रुपये to राहुल at 9876543210 by स्विगी.');
    expect(r.ok).toBe(true);
  });
});
