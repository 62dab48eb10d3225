import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportDataset } from '../../../native/interchange/export-dataset.js';
import { Project } from '../../../native/store/project.js';
import { charkha } from '../../helpers/cli.js';
import { tempDir } from '../../helpers/temp.js';
import { buildProject } from './dataset-project.js';

let base: string;
let root: string;
let flywheelJob: number;
let otherJob: number;

beforeAll(async () => {
  base = mkdtempSync(join(tmpdir(), 'charkha-select-'));
  root = await buildProject(base);
  const p = Project.open(root);
  flywheelJob = p.jobs.create('flywheel', { config: { name: 't' }, shard: null, models: {} });
  otherJob = p.jobs.create('import', { file: 'x.jsonl' });
  const clip = p.db.prepare(
    `INSERT INTO flywheel_clips (job_id, utterance_id, round, item_index, lang, split, system, filter_decision, overrule)
     VALUES (?, ?, 1, ?, ?, ?, 'espeak:te', ?, ?)`,
  );
  const id = (ext: string) => p.utterances.getByExtId(ext)!.id;
  clip.run(flywheelJob, id('te-7-000001'), 0, 'te', 'train', 'kept', null);
  // The test split is never filtered: no decision, and it counts as kept.
  clip.run(flywheelJob, id('hi-7-000002'), 1, 'hi', 'test', null, null);
  clip.run(flywheelJob, id('te-7-000003'), 2, 'te', 'train', 'rejected', null);
  p.jobs.addItems(otherJob, [{ key: 'te-7-000003:espeak:te', step: 'import' }]);
  p.close();
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

async function ids(opts: { jobId?: number; keptOnly?: boolean }): Promise<string[]> {
  const out = join(tempDir(), 'x');
  const p = Project.open(root, { readonly: true });
  try {
    await exportDataset(p, { format: 'paper', outDir: out, ...opts });
  } finally {
    p.close();
  }
  return readFileSync(join(out, 'manifest.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => (JSON.parse(l) as { id: string }).id);
}

describe('dataset export selection', () => {
  it('takes a flywheel job’s clips, kept only or all', async () => {
    expect(await ids({})).toEqual(['te-7-000001', 'hi-7-000002', 'te-7-000003', 'ta 7/000004']);
    expect(await ids({ jobId: flywheelJob })).toEqual([
      'te-7-000001',
      'hi-7-000002',
      'te-7-000003',
    ]);
    expect(await ids({ jobId: flywheelJob, keptOnly: true })).toEqual([
      'te-7-000001',
      'hi-7-000002',
    ]);
    expect(await ids({ keptOnly: true })).toEqual(['te-7-000001', 'hi-7-000002']);
  });

  it('lets a person’s overrule win over the filter', async () => {
    const p = Project.open(root);
    const u = p.utterances.getByExtId('te-7-000003')!.id;
    p.db.prepare("UPDATE flywheel_clips SET overrule = 'kept' WHERE utterance_id = ?").run(u);
    const v = p.utterances.getByExtId('te-7-000001')!.id;
    p.db.prepare("UPDATE flywheel_clips SET overrule = 'rejected' WHERE utterance_id = ?").run(v);
    p.close();
    try {
      expect(await ids({ keptOnly: true })).toEqual(['hi-7-000002', 'te-7-000003']);
    } finally {
      const q = Project.open(root);
      q.db.prepare('UPDATE flywheel_clips SET overrule = NULL').run();
      q.close();
    }
  });

  it('takes the utterances named by another job’s items, and refuses kept-only there', async () => {
    expect(await ids({ jobId: otherJob })).toEqual(['te-7-000003']);
    await expect(ids({ jobId: otherJob, keptOnly: true })).rejects.toThrow(
      /only flywheel jobs have kept and rejected clips/,
    );
    await expect(ids({ jobId: 99 })).rejects.toThrow(/no job 99/);
  });

  it('charkha export dataset: the CLI writes the same export and checks its flags', () => {
    const out = join(tempDir(), 'cli');
    const r = charkha([
      'export',
      'dataset',
      '-p',
      root,
      '--format',
      'kaldi',
      '--out',
      out,
      '--split',
      'test',
      '--job',
      String(flywheelJob),
      '--kept-only',
      '--json',
    ]);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({ outDir: out, files: 1 + 6 + 2, rows: 1 });
    expect(readFileSync(join(out, 'test', 'text'), 'utf8')).toBe(
      'espeak_hi-f3-hi-7-000002 फीस ₹18,000 है\n',
    );
    const bad = charkha([
      'export',
      'dataset',
      '-p',
      root,
      '--format',
      'nemo',
      '--out',
      out,
      '--split',
      'dev',
    ]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/--split: expected train or test, got "dev"/);
  });
});
