/**
 * The IndicTrans2 engine on its tiny fixture: real loading through the
 * registry (signatures checked), tags, the export's SentencePiece model and
 * dictionaries, left padding, our decoding loop with the KV cache, and the
 * way back to the target's script. The fixture copies its source pieces
 * through the target dictionary (see its recipe), so the generated ids are
 * the recipe's golden ids and the text comes back.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../../native/contract/errors.js';
import { ModelRegistry } from '../../../native/models/registry.js';
import { openMtEngine } from '../../../native/mt/open.js';
import { protectEntities } from '../../../native/mt/protect.js';
import { restoreEntities } from '../../../native/mt/restore.js';
import { copyFixture, fixtureDir, renameTensorBytes, tempDir } from '../models/fixtures.js';
import { edsaRows } from './edsa-rows.js';
import { useIndicTrans2Fixture } from './it2-fixture.js';

interface Golden {
  text: string;
  source_pieces: string[];
  greedy: { source_ids: number[]; generated_ids: number[] };
}

const golden = JSON.parse(
  readFileSync(join(fixtureDir('indictrans2-tiny'), 'golden.json'), 'utf8'),
) as Golden;
const srcDict = JSON.parse(
  readFileSync(join(fixtureDir('indictrans2-tiny'), 'dict.SRC.json'), 'utf8'),
) as Record<string, number>;

const engine = useIndicTrans2Fixture();

async function refusal(p: Promise<unknown>): Promise<UserError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof UserError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('IndicTrans2 engine', () => {
  it('describes itself from the manifest', () => {
    const it2 = engine();
    expect(it2.family).toBe('indictrans2');
    expect(it2.languages).toEqual(expect.arrayContaining(['en', 'hi', 'te', 'ta']));
  });

  it('tags, encodes and generates the ids the recipe decoded greedily', async () => {
    const it2 = engine();
    const out = await it2.run([golden.text], 'en', 'hi');
    expect(out.sourceIds).toEqual([golden.greedy.source_ids]);
    expect(out.sourceIds[0].slice(0, 2)).toEqual([srcDict.eng_Latn, srcDict.hin_Deva]);
    expect(out.tokens).toEqual([golden.greedy.generated_ids]);
    expect(out.translations).toEqual([golden.text]);
  });

  it('beam search gives the same sentence where the copy path dominates', async () => {
    const it2 = engine();
    const out = await it2.run([golden.text], 'en', 'hi', { beamSize: 4 });
    expect(out.tokens).toEqual([golden.greedy.generated_ids]);
  });

  it('batches of uneven length: left padding, order kept, each cut at its own end', async () => {
    const it2 = engine();
    const texts = ['a', 'Pay ZX0 to ZX1', 'ZX0 ZX1 ZX2 ZX3', '', 'Rs 500 to Hyderabad 500081'];
    for (const beamSize of [1, 3]) {
      const out = await it2.run(texts, 'en', 'hi', { batchSize: 2, beamSize });
      expect(out.batches).toBe(3);
      expect(out.translations).toEqual(texts);
      for (const t of out.tokens) expect(t.filter((x) => x === 2)).toEqual([2]);
    }
  });

  it('unifies Indic scripts to Devanagari and writes the output in the target script', async () => {
    const it2 = engine();
    const [prepared] = it2.prepare(['నమస్తే ZX0, ధన్యవాదాలు'], 'te');
    expect(prepared).toBe('नमस्ते ZX0 , धन्यवादालु');
    const out = await it2.run(['నమస్తే ZX0, ధన్యవాదాలు'], 'te', 'hi');
    expect(out.translations).toEqual(['नमस्ते ZX0, धन्यवादालु']);
    expect(await it2.translate(['नमस्ते ZX0।'], 'hi', 'te')).toEqual(['నమస్తే ZX0।']);
    // Tamil has no voiced stops: the transliterator writes the nearest letter.
    expect(await it2.translate(['दुबई'], 'hi', 'ta')).toEqual(['துபஈ']);
  });

  it('max length caps the generated tokens', async () => {
    const it2 = engine();
    const out = await it2.run([golden.text], 'en', 'hi', { maxLength: 3 });
    expect(out.tokens[0]).toEqual(golden.greedy.generated_ids.slice(0, 3));
    expect(out.translations[0]).toBe('Pay ZX0');
  });

  it('placeholders survive: EDSA entities come back once each, in the target conventions', async () => {
    const it2 = engine();
    const rows = edsaRows().filter((r) => r.entity_class !== 'codemix' && r.lang === 'hi');
    const prot = rows.map((r) => protectEntities(r.text, r.lang, r.entity_tokens));
    const out = await it2.translate(
      prot.map((p) => p.text),
      'hi',
      'te',
      { batchSize: 4, beamSize: 2 },
    );
    expect(prot.length).toBeGreaterThan(0);
    prot.forEach((p, i) => {
      const r = restoreEntities(out[i], p, 'te');
      expect(r.problems, rows[i].id).toEqual([]);
      expect(r.entities.every((e) => e.occurrences === 1 && e.survived)).toBe(true);
    });
    const p = protectEntities('Send Rs 5,000 to Rahul at 9876543210.', 'en', null);
    const [en] = await it2.translate([p.text], 'en', 'hi');
    expect(en).toBe('Send ZX0 to ZX1 at ZX2.');
    expect(restoreEntities(en, p, 'hi').text).toBe('Send 5,000 रुपये to राहुल at 9876543210.');
  });

  it('refuses pairs, options and exports it cannot run', async () => {
    const it2 = engine();
    await expect(it2.translate(['x'], 'en', 'ur')).rejects.toThrow(/does not translate en → ur/);
    await expect(it2.translate(['x'], 'en', 'hi', { beamSize: 0 })).rejects.toThrow(/beam size/);
    const home = tempDir();
    try {
      const dir = copyFixture('indictrans2-tiny', home, 'indictrans2-en-indic-tiny');
      const manifest = join(dir, 'manifest.json');
      const m = JSON.parse(readFileSync(manifest, 'utf8')) as { id: string };
      m.id = 'indictrans2-en-indic-tiny';
      // Direction comes from the checkpoint's name.
      writeFileSync(manifest, JSON.stringify(m));
      const local = new ModelRegistry({ home, bundled: [] });
      const en = await openMtEngine('indictrans2-en-indic-tiny', { registry: local });
      try {
        await expect(en.translate(['x'], 'hi', 'te')).rejects.toThrow(/it translates en → indic/);
      } finally {
        await en.close();
      }
      renameTensorBytes(
        join(dir, 'decoder_with_past_model.onnx'),
        'encoder_attention_mask',
        'encoder_attention_masq',
      );
      const err = await refusal(openMtEngine('indictrans2-en-indic-tiny', { registry: local }));
      expect(err.code).toBe('model_invalid');
      expect(err.message).toContain('decoder_with_past_model.onnx');
      expect(err.message).toContain('"encoder_attention_mask" is missing');
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });
});
