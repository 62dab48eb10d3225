import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { scoreCommand } from '../../../native/cli/commands/score.js';
import { ScoreReport } from '../../../native/metrics/report-schema.js';

const dir = mkdtempSync(join(tmpdir(), 'charkha-score-'));
const ref = join(dir, 'ref.jsonl');
const hyp = join(dir, 'hyp.jsonl');
const rows = [
  {
    id: 'u1',
    lang: 'te',
    entity_class: 'addresses',
    text: 'దయచేసి ప్లాట్ 456 కి రండి, పిన్ 530001',
    entity_tokens: [
      { surface: '456', start: 14, end: 17, type: 'house_or_plot' },
      { surface: '530001', start: 32, end: 38, type: 'pincode' },
    ],
  },
  { id: 'u2', lang: 'te', entity_class: 'addresses', text: 'ఇది రెండవ వాక్యం', entity_tokens: [] },
  { id: 'u3', lang: 'te', text: 'మూడవ వాక్యం', entity_tokens: [] },
];
writeFileSync(ref, rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
writeFileSync(
  hyp,
  [
    { id: 'u1', beta_hyp: 'దయచేసి ప్లాట్ 456 కి రండి పిన్ 53001' },
    { id: 'u2', beta_hyp: 'ఇది రెండవ వాక్యం' },
    { id: 'u3', beta_hyp: null },
  ]
    .map((r) => JSON.stringify(r))
    .join('\n'),
);

let out = '';
beforeEach(() => {
  out = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => {
    out += String(s);
    return true;
  });
});
afterEach(() => vi.restoreAllMocks());

async function run(...args: string[]): Promise<string> {
  await scoreCommand().parseAsync(args, { from: 'user' });
  return out;
}

describe('charkha score', () => {
  it('--compat praxel-2026 --json prints the paper figures, null where it computes none', async () => {
    const text = await run(
      '--ref',
      ref,
      '--hyp',
      hyp,
      '--hyp-field',
      'beta_hyp',
      '--compat',
      'praxel-2026',
      '--json',
    );
    const r = ScoreReport.parse(JSON.parse(text));
    expect(r.compat).toBe('praxel-2026');
    expect(r.profile).toBeNull();
    expect(r.utterances).toBe(2);
    expect(r.missing).toBe(1);
    // 456 is a substring of the hypothesis; 53001 is not 530001.
    expect(r.hits).toBe(1);
    expect(r.entities).toBe(2);
    expect(r.ehr.micro).toBe(0.5);
    expect(r.by_type!.pincode).toMatchObject({ hits: 0, entities: 1 });
    expect(r.cer).toBeNull();
    expect(r.aer).toBeNull();
    expect(r.ehr.macro).toBeNull();
    expect(r.outcomes).toEqual({ hit: 1, miss: 1, partial: null, wrong_script: null });
    // Compat WER: raw strings, punctuation kept: "రండి," ≠ "రండి".
    expect(r.wer).toBeGreaterThan(0);
    expect(r.per_entity).toBeNull();
  });

  it('honest mode: WER/CER/AER and entity outcomes, per-entity on request', async () => {
    const text = await run(
      '--ref',
      ref,
      '--hyp',
      hyp,
      '--hyp-field',
      'beta_hyp',
      '--json',
      '--per-entity',
    );
    const r = ScoreReport.parse(JSON.parse(text));
    expect(r.compat).toBeNull();
    expect(r.profile).toBe('standard');
    expect(r.cer).not.toBeNull();
    expect(r.aer).not.toBeNull();
    expect(r.entities).toBe(2);
    expect(r.per_entity).toHaveLength(2);
    const pin = r.per_entity!.find((e) => e.surface === '530001')!;
    expect(pin.outcome).not.toBe('hit');
  });

  it('prints a readable table and writes a self-contained HTML report', async () => {
    const html = join(dir, 'r.html');
    const text = await run('--ref', ref, '--hyp', hyp, '--hyp-field', 'beta_hyp', '--report', html);
    expect(text).toMatch(/EHR \(micro\)/);
    expect(text).toMatch(/WER/);
    const page = readFileSync(html, 'utf8');
    expect(page).toMatch(/^<!doctype html>/);
    expect(page).not.toMatch(/(src|href)="(https?:)?\/\//);
    expect(page).toContain('<svg');
    expect(page).toContain('530001');
  });

  it('a wrong field name is a user error that suggests the right one', async () => {
    await expect(run('--ref', ref, '--hyp', hyp, '--json')).rejects.toThrow(
      /no row has the hypothesis field "hypothesis"/,
    );
  });
});
