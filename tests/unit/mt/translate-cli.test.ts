/**
 * `charkha translate` in-process on the M2M100 fixture (which copies its
 * source): rows keep their ids and order, entities are restored in the
 * target's script and number format with survival flags in each row, and
 * bad input is a one-line user error naming the file and row.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../../native/cli/main.js';
import type { TranslatedRow } from '../../../native/service/translate.js';
import { Project } from '../../../native/store/project.js';
import { closeInferenceWorker } from '../../../native/workers/inference.js';
import { tempDir } from '../../helpers/temp.js';
import { FIXTURE_MODELS } from '../models/fixtures.js';
import { edsaRows } from './edsa-rows.js';

const savedHome = process.env.CHARKHA_MODELS;
let out = '';
let err = '';

beforeAll(() => {
  process.env.CHARKHA_MODELS = FIXTURE_MODELS;
});
afterAll(async () => {
  if (savedHome === undefined) delete process.env.CHARKHA_MODELS;
  else process.env.CHARKHA_MODELS = savedHome;
  await closeInferenceWorker();
});
beforeEach(() => {
  out = '';
  err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => {
    out += String(s);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => {
    err += String(s);
    return true;
  });
});
afterEach(() => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
});

function writeJsonl(dir: string, rows: unknown[], name = 'in.jsonl'): string {
  const p = join(dir, name);
  writeFileSync(p, rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
  return p;
}

const readOut = (p: string): TranslatedRow[] =>
  readFileSync(p, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as TranslatedRow);

describe('charkha translate', () => {
  it('translates hi rows to te with entities restored and checked', async () => {
    const dir = tempDir();
    const rows = edsaRows().filter((r) => r.lang === 'hi');
    const input = writeJsonl(dir, rows);
    const dest = join(dir, 'out.jsonl');
    const code = await runCli([
      'translate',
      input,
      '--model',
      'm2m100-tiny-fixture',
      '--from',
      'hi',
      '--to',
      'te',
      '--out',
      dest,
      '--batch-size',
      '3',
      '--json',
    ]);
    expect(code, err).toBe(0);
    const got = readOut(dest);
    expect(got.map((r) => r.id)).toEqual(rows.map((r) => r.id));
    const amount = got.find((r) => r.id === 'hi_currency_000000')!;
    expect(amount.translation).toBe('मेरी सैलरी हर महीने 50,000 రూపాయలు है।');
    expect(amount.entity_tokens).toEqual([
      { surface: '50,000 రూపాయలు', start: 20, end: 34, type: 'currency_amount', value: '50000 INR' },
    ]);
    const brand = got.find((r) => r.id === 'hi_brands_000000')!;
    expect(brand.translation.startsWith('స్విగ్గీ ')).toBe(true);
    expect(got.every((r) => r.survival_ok && r.problems.length === 0)).toBe(true);
    const summary = JSON.parse(out) as { rows: number; entities: number; survived: number };
    expect(summary.rows).toBe(rows.length);
    expect(summary.survived).toBe(summary.entities);
  });

  it('an IndicTrans2 model with beam search: the whole sentence in the target script', async () => {
    const dir = tempDir();
    const rows = edsaRows().filter((r) => r.lang === 'hi');
    const input = writeJsonl(dir, rows);
    const dest = join(dir, 'out.jsonl');
    const code = await runCli(
      [
        'translate',
        input,
        '--model',
        'indictrans2-tiny-fixture',
        '--from',
        'hi',
        '--to',
        'te',
      ].concat(['--out', dest, '--beams', '3', '--batch-size', '4', '--json']),
    );
    expect(code, err).toBe(0);
    const got = readOut(dest);
    expect(got.map((r) => r.id)).toEqual(rows.map((r) => r.id));
    // The fixture copies its (Devanagari-unified) source: the text comes out in Telugu.
    const amount = got.find((r) => r.id === 'hi_currency_000000')!;
    expect(amount.translation).toBe('మేరీ సైలరీ హర మహీనే 50,000 రూపాయలు హై।');
    expect(got.every((r) => r.survival_ok && r.problems.length === 0)).toBe(true);
  });

  it('a Marian model with --beams 4 (our beam search; transformers.js decodes greedily only)', async () => {
    const dir = tempDir();
    const rows = [
      { id: 'a', text: 'Hello world' },
      { id: 'b', text: 'a' },
      { id: 'c', text: 'Pay the bill today' },
    ];
    const input = writeJsonl(dir, rows);
    const run = async (beams: string): Promise<TranslatedRow[]> => {
      const dest = join(dir, `out-${beams}.jsonl`);
      const args = ['--model', 'marian-mt-tiny-fixture', '--from', 'en', '--to', 'hi'];
      const code = await runCli(['translate', input, ...args, '--out', dest, '--beams', beams]);
      expect(code, err).toBe(0);
      return readOut(dest);
    };
    const beam4 = await run('4');
    expect(beam4.map((r) => r.id)).toEqual(rows.map((r) => r.id));
    // The fixture copies its source, so the beam finds the greedy output.
    expect(beam4).toEqual(await run('1'));
    expect(beam4.map((r) => r.translation)).toEqual(rows.map((r) => r.text));
  });

  it('user errors name the file and row', async () => {
    const dir = tempDir();
    const input = writeJsonl(dir, [
      { id: 'a', text: 'x' },
      { id: 'a', text: 'y' },
    ]);
    const args = [
      '--model',
      'm2m100-tiny-fixture',
      '--from',
      'hi',
      '--to',
      'te',
      '--out',
      join(dir, 'o'),
    ];
    expect(await runCli(['translate', input, ...args])).toBe(1);
    expect(err).toContain(`${input}: row 2: id "a" repeated`);
    const wrongLang = writeJsonl(dir, [{ id: 'a', lang: 'ta', text: 'x' }], 'ta.jsonl');
    expect(await runCli(['translate', wrongLang, ...args])).toBe(1);
    expect(err).toContain('field "lang" is "ta", not --from hi');
    expect(await runCli(['translate', wrongLang, ...args, '--beams', '0'])).toBe(1);
    const good = writeJsonl(dir, [{ id: 'a', text: 'x' }], 'good.jsonl');
    expect(await runCli(['translate', good, '--model', 'nope', ...args.slice(2)])).toBe(1);
    expect(err).toContain('no model "nope"');
  });

  it('-p --tier: a translation tier aligned to the transcript segments', async () => {
    const dir = join(tempDir(), 'p');
    const p = Project.init(dir);
    const audioId = p.audio.insert({
      sha256: 'a'.repeat(64),
      originalName: 'hindi.wav',
      ext: 'wav',
      container: 'wav',
      codec: 'pcm_s16le',
      sampleRate: 16000,
      channels: 1,
      frames: 160000,
      durationSec: 10,
      bytes: 320044,
      system: null,
    });
    const a = p.annotations;
    const tr = a.createTier(audioId, { name: 'transcript', kind: 'transcript' });
    const s1 = a.addSegment(
      tr.id,
      { start: 0, end: 2.5, text: 'Swiggy से मेरा खाना आ गया है।' },
      'me',
    );
    a.setSegmentEntities(s1.id, [{ type: 'brand', start: 0, end: 6, value: null }], 'me');
    a.addSegment(tr.id, { start: 3, end: 6, text: 'मेरी सैलरी 50 हजार रुपये है।' }, 'me');
    p.close();
    const args = ['translate', '-p', dir, '--tier', 'telugu', '--model', 'm2m100-tiny-fixture'];
    expect(await runCli([...args, '--from', 'hi', '--to', 'te', '--json']), err).toBe(0);
    const res = JSON.parse(out) as { segments: number; survived: number; entities: number };
    expect(res).toMatchObject({ segments: 2, entities: 2, survived: 2, flagged: [] });
    const q = Project.open(dir, { readonly: true });
    try {
      const tier = q.annotations.listTiers(audioId).find((t) => t.name === 'telugu')!;
      expect([tier.kind, tier.parentId]).toEqual(['translation', tr.id]);
      const segs = q.annotations.listSegments(tier.id);
      expect(segs.map((s) => [s.start, s.end, s.text, s.machine])).toEqual([
        [0, 2.5, 'స్విగ్గీ से मेरा खाना आ गया है।', true],
        [3, 6, 'मेरी सैलरी 50,000 రూపాయలు है।', true],
      ]);
      expect(segs[0].entities).toEqual([{ type: 'brand', start: 0, end: 8, value: 'swiggy' }]);
    } finally {
      q.close();
    }
    // Run again: the same segments are updated, not doubled.
    expect(await runCli([...args, '--from', 'hi', '--to', 'te'])).toBe(0);
    const r = Project.open(dir, { readonly: true });
    const tier = r.annotations.listTiers(audioId).find((t) => t.name === 'telugu')!;
    expect(r.annotations.listSegments(tier.id)).toHaveLength(2);
    r.close();
    expect(
      await runCli(['translate', '-p', dir, '--model', 'x', '--from', 'hi', '--to', 'te']),
    ).toBe(1);
    expect(err).toContain('with -p give --tier');
  });
});
