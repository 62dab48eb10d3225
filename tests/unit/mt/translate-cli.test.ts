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
});
