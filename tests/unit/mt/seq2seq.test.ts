/**
 * The seq2seq engines on the tiny Marian and M2M100 fixtures: real loading
 * through the registry, tokenisation, generation and decoding inside the
 * inference worker. The fixtures copy their source (see their recipe), so
 * the generated ids are the recipe's golden ids and the text comes back.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ModelRegistry } from '../../../native/models/registry.js';
import { openMtEngine } from '../../../native/mt/open.js';
import type { Seq2SeqMtEngine } from '../../../native/mt/seq2seq.js';
import { closeInferenceWorker } from '../../../native/workers/inference.js';
import { FIXTURE_MODELS, fixtureDir } from '../models/fixtures.js';

interface Golden {
  text: string;
  greedy: { source_ids: number[]; generated_ids: number[] };
}

const golden = (name: string): Golden =>
  JSON.parse(readFileSync(join(fixtureDir(name), 'golden.json'), 'utf8')) as Golden;

const registry = new ModelRegistry({ home: FIXTURE_MODELS, bundled: [] });
let marian: Seq2SeqMtEngine;
let m2m: Seq2SeqMtEngine;

beforeAll(async () => {
  marian = (await openMtEngine('marian-mt-tiny-fixture', { registry })) as Seq2SeqMtEngine;
  m2m = (await openMtEngine('m2m100-tiny-fixture', { registry })) as Seq2SeqMtEngine;
});

afterAll(async () => {
  await marian.close();
  await m2m.close();
  await closeInferenceWorker();
});

describe('seq2seq translation engines', () => {
  it('describe themselves from the manifest', () => {
    expect([marian.family, marian.languages]).toEqual(['marian', ['en', 'hi']]);
    expect(m2m.family).toBe('m2m100');
    expect(m2m.languages).toContain('te');
  });

  it('Marian: tokenises and generates the ids the recipe decoded greedily', async () => {
    const g = golden('marian-mt-tiny');
    const out = await marian.run([g.text], 'en', 'hi');
    expect(out.sourceIds).toEqual([g.greedy.source_ids]);
    expect(out.tokens).toEqual([g.greedy.generated_ids]);
    expect(out.translations).toEqual([g.text]);
  });

  it('M2M100: source language token first, target language forced first', async () => {
    const g = golden('m2m100-tiny');
    const out = await m2m.run([g.text], 'en', 'hi');
    expect(out.sourceIds).toEqual([g.greedy.source_ids]);
    expect(out.tokens).toEqual([g.greedy.generated_ids]);
    expect(out.translations).toEqual([g.text]);
    const te = await m2m.run([g.text], 'te', 'ta');
    const vocab = JSON.parse(
      readFileSync(join(fixtureDir('m2m100-tiny'), 'tokenizer.json'), 'utf8'),
    ) as { added_tokens: { id: number; content: string }[] };
    const id = (t: string): number => vocab.added_tokens.find((a) => a.content === t)!.id;
    expect(te.sourceIds[0][0]).toBe(id('__te__'));
    expect(te.tokens[0][0]).toBe(id('__ta__'));
  });

  it('batches of uneven length: order kept, each cut at its own end', async () => {
    const texts = ['a', 'Rs 500 दिए', 'ZX0 ZX1 ZX2 ZX3', '', 'Hyderabad 500081'];
    const out = await m2m.run(texts, 'en', 'hi', { batchSize: 2 });
    expect(out.batches).toBe(3);
    expect(out.translations).toEqual(texts);
    for (const t of out.tokens) expect(t.filter((x) => x === 2)).toEqual([2]);
    expect(await marian.translate(texts, 'en', 'hi', { batchSize: 16 })).toEqual(texts);
  });

  it('max length caps the generated tokens', async () => {
    const out = await marian.run(['Pay ZX0 to ZX1'], 'en', 'hi', { maxLength: 4 });
    expect(out.tokens[0]).toHaveLength(4);
    expect(out.translations[0]).toBe('Pay');
  });

  it('beams above 1 decode with beam search (seq2seq-beam.test.ts checks it) instead of refusing', async () => {
    const g = golden('marian-mt-tiny');
    expect(await marian.translate([g.text], 'en', 'hi', { beamSize: 4 })).toEqual([g.text]);
    expect(await m2m.translate([g.text], 'en', 'hi', { beamSize: 4 })).toEqual([g.text]);
  });

  it('refuses pairs, options and models it cannot run', async () => {
    await expect(marian.translate(['x'], 'hi', 'en')).rejects.toThrow(/does not translate hi → en/);
    await expect(marian.translate(['x'], 'en', 'hi', { beamSize: 0 })).rejects.toThrow(/beam size/);
    await expect(marian.translate(['x'], 'en', 'hi', { beamSize: 1.5 })).rejects.toThrow(
      /beam size/,
    );
    await expect(openMtEngine('whisper-tiny-fixture', { registry })).rejects.toThrow(
      /not a translation model/,
    );
  });
});
