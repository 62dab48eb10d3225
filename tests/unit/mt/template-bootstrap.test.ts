/**
 * Template bootstrapping: the English generator templates translated with
 * their slots protected, written as a lexicon folder under review, read back
 * by the generator; slots that do not come back exactly once are rejections
 * with a reason. The Marian fixture copies its source, so what it writes is
 * predictable; a short --max-length makes it lose slots for real.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { approveTemplates } from '../../../native/cli/commands/lexicon.js';
import { runCli } from '../../../native/cli/main.js';
import { generateCorpus } from '../../../native/entities/generate.js';
import { loadTemplates } from '../../../native/entities/lexicon.js';
import type {
  RejectedTemplatesFile,
  TemplateRecord,
} from '../../../native/entities/lexicon-schema.js';
import { protectSlots, restoreSlots } from '../../../native/mt/template-slots.js';
import { bootstrapTemplates } from '../../../native/service/bootstrap-templates.js';
import { closeInferenceWorker } from '../../../native/workers/inference.js';
import { tempDir } from '../../helpers/temp.js';
import { FIXTURE_MODELS } from '../models/fixtures.js';

const savedHome = process.env.CHARKHA_MODELS;
beforeAll(() => {
  process.env.CHARKHA_MODELS = FIXTURE_MODELS;
});
afterAll(async () => {
  if (savedHome === undefined) delete process.env.CHARKHA_MODELS;
  else process.env.CHARKHA_MODELS = savedHome;
  await closeInferenceWorker();
});

const MODEL = 'marian-mt-tiny-fixture';
const readJson = <T>(p: string): T => JSON.parse(readFileSync(p, 'utf8')) as T;

describe('slots through placeholders', () => {
  const p = protectSlots({ text: 'Send {amount} to {upi_id} today.' });

  it('turns slots into placeholders, in order', () => {
    expect(p).toEqual({ text: 'Send ZX0 to ZX1 today.', slots: ['amount', 'upi_id'] });
  });

  it('restores reordered, spaced and native-digit placeholders with the new slot order', () => {
    expect(restoreSlots('आज ZX १ को ZX0 भेजें।', p)).toEqual({
      ok: true,
      text: 'आज {upi_id} को {amount} भेजें।',
      slots: ['upi_id', 'amount'],
    });
  });

  it('rejects lost, repeated and invented placeholders and stray braces, naming each', () => {
    expect(restoreSlots('ZX0 भेजें', p)).toMatchObject({ ok: false, reason: '{upi_id} lost' });
    expect(restoreSlots('ZX0 ZX1 ZX1', p)).toMatchObject({
      ok: false,
      reason: '{upi_id} written 2 times',
    });
    expect(restoreSlots('ZX0 ZX1 ZX7', p)).toMatchObject({
      ok: false,
      reason: 'ZX7 is no slot of the source',
    });
    expect(restoreSlots('ZX0 {x} ZX1', p)).toMatchObject({
      ok: false,
      reason: 'a brace outside a slot',
    });
  });
});

describe('charkha generate --templates-from', () => {
  let out = '';
  beforeEach(() => {
    out = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => {
      out += String(s);
      return true;
    });
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  });
  afterEach(() => {
    vi.restoreAllMocks();
    process.exitCode = undefined;
  });

  it('writes a folder the generator reads, every template marked machine, then approves', async () => {
    const dir = join(tempDir(), 'hi-mt');
    const code = await runCli([
      'generate',
      '--templates-from',
      'en',
      '--to',
      'hi',
      '--mt',
      MODEL,
      '--out',
      dir,
      '--json',
    ]);
    expect(code).toBe(0);
    const english = loadTemplates('en');
    const summary = JSON.parse(out) as { written: number; rejected: number; templates: number };
    expect(summary.templates).toBe(english.length);
    expect(summary.written + summary.rejected).toBe(english.length);

    const written = loadTemplates('hi', dir);
    expect(written.length).toBe(summary.written);
    expect(written.every((t) => t.review === 'machine')).toBe(true);
    // The fixture copies: each template is its English source with the slots back.
    const first = written.find((t) => t.translated_from === 'en-digits-001')!;
    expect(first).toEqual({
      id: 'hi-digits-001',
      class: 'digits',
      text: english.find((t) => t.id === 'en-digits-001')!.text,
      slots: ['phone'],
      review: 'machine',
      translated_from: 'en-digits-001',
    });

    const { rows } = generateCorpus({
      langs: ['hi'],
      count: 12,
      seed: 3,
      classes: ['digits', 'currency'],
      templatesDir: dir,
    });
    expect(rows).toHaveLength(12);
    const ids = new Set(written.map((t) => t.id));
    for (const r of rows) {
      expect(ids.has(r.template_id)).toBe(true);
      expect(r.entity_tokens.length).toBeGreaterThan(0);
    }

    const a = approveTemplates(dir, { ids: ['hi-digits-001'] });
    expect(a).toEqual({ approved: ['hi-digits-001'], machine: written.length - 1 });
    const after = loadTemplates('hi', dir);
    expect(after.find((t) => t.id === 'hi-digits-001')!.review).toBe('approved');
    expect(await runCli(['lexicon', 'approve', dir, '--all'])).toBe(0);
    expect(loadTemplates('hi', dir).every((t) => t.review === 'approved')).toBe(true);
    expect(await runCli(['lexicon', 'approve', dir, '--id', 'hi-nope-001'])).toBe(1);
  });

  it('lists templates whose slots the model lost as rejected, with the reason', async () => {
    const dir = join(tempDir(), 'hi-short');
    // Eight tokens cut the copy short: slots late in a sentence are lost.
    const r = await bootstrapTemplates({
      from: 'en',
      to: 'hi',
      model: MODEL,
      out: dir,
      options: { maxLength: 8 },
    });
    expect(r.rejected).toBeGreaterThan(0);
    const rejected = readJson<RejectedTemplatesFile>(join(dir, 'rejected.json')).rejected;
    expect(rejected).toHaveLength(r.rejected);
    for (const x of rejected) expect(x.reason).toMatch(/lost|no slot/);
    const kept = existsSync(join(dir, 'templates.json'))
      ? readJson<{ templates: TemplateRecord[] }>(join(dir, 'templates.json')).templates
      : [];
    expect(kept.length + rejected.length).toBe(r.templates);
    const rejectedIds = new Set(rejected.map((x) => x.translated_from));
    for (const t of kept) expect(rejectedIds.has(t.translated_from!)).toBe(false);
  });

  it('never overwrites a folder under review', async () => {
    const dir = join(tempDir(), 'hi-mt');
    const input = { from: 'en', to: 'hi', model: MODEL, out: dir };
    await bootstrapTemplates(input);
    await expect(bootstrapTemplates(input)).rejects.toThrow(/exists/);
  });
});
