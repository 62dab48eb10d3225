import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareHypothesisFiles, parseHypArg } from '../../../native/service/compare-files.js';
import { compareRuns } from '../../../native/service/compare-runs.js';
import { importEvalRun } from '../../../native/service/eval-import.js';
import { Service } from '../../../native/service/service.js';
import { Project } from '../../../native/store/project.js';
import { tempDir } from '../../helpers/temp.js';

const ref = join(import.meta.dirname, '../../fixtures/corpus/sample.jsonl');
const rows = readFileSync(ref, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as { id: string; text: string });

function hypFile(
  dir: string,
  name: string,
  edit: (id: string, text: string) => string | null,
): string {
  const path = join(dir, name);
  writeFileSync(
    path,
    rows.map((r) => JSON.stringify({ id: r.id, hypothesis: edit(r.id, r.text) })).join('\n') + '\n',
  );
  return path;
}

describe('evaluation runs in a project', () => {
  it('stores a run with hypotheses, per-utterance scores and per-entity outcomes that the Runs API reads', async () => {
    const dir = tempDir();
    const p = Project.init(join(dir, 'p'));
    const perfect = hypFile(dir, 'perfect.jsonl', (_id, t) => t);
    const r = await importEvalRun(p, {
      ref,
      hyp: perfect,
      model: 'oracle',
      modelFile: ref,
      decode: '{"beam":1}',
    });
    expect(r.report.ehr.micro).toBe(1);
    expect(r.report.wer).toBe(0);
    const svc = new Service(p);
    const runs = (await svc.dispatch('runs.list', {})) as {
      id: number;
      name: string;
      ehr: number;
      utterances: number;
    }[];
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ name: 'oracle on sample', ehr: 1, utterances: 7 });
    const ents = (await svc.dispatch('runs.entities', { runId: r.runId })) as {
      total: number;
      rows: { outcome: string }[];
    };
    // The ten one-digit fragments of fx_hi_0003 are one phone entity.
    expect(ents.total).toBe(8);
    expect(ents.rows.every((x) => x.outcome === 'hit')).toBe(true);
    const stored = p.db.prepare('SELECT model_sha256, decode_json FROM eval_runs').get() as {
      model_sha256: string;
      decode_json: string;
    };
    expect(stored.model_sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.parse(stored.decode_json)).toEqual({ beam: 1 });
    p.close();
  });

  it('compares runs with a paired bootstrap on the utterances they share', async () => {
    const dir = tempDir();
    const p = Project.init(join(dir, 'p'));
    const a = await importEvalRun(p, {
      ref,
      hyp: hypFile(dir, 'a.jsonl', (_id, t) => t),
      model: 'a',
    });
    // b loses the PIN code and the brand: two entity misses and some word errors.
    const b = await importEvalRun(p, {
      ref,
      hyp: hypFile(dir, 'b.jsonl', (id, t) =>
        id === 'fx_ta_0001' ? 'பின் கோடு' : id === 'fx_te_0002' ? 'నేను లో కొన్నాను' : t,
      ),
      model: 'b',
    });
    const c = compareRuns(p, [String(a.runId), 'b on sample']);
    expect(c.commonUtterances).toBe(7);
    const ehr = c.metrics.find((m) => m.metric === 'ehr')!;
    expect(ehr.values[0].value).toBe(1);
    expect(ehr.values[1].value).toBeCloseTo(6 / 8, 10);
    expect(ehr.differences[0].difference).toBeCloseTo(-2 / 8, 10);
    expect(ehr.differences[0].ci95[0]).toBeLessThanOrEqual(ehr.differences[0].difference);
    const wer = c.metrics.find((m) => m.metric === 'wer')!;
    expect(wer.differences[0].difference).toBeGreaterThan(0);
    expect(c.metrics.map((m) => m.metric)).toEqual(['wer', 'mer', 'cer', 'ehr', 'sfr']);
    // Both runs write in the right script: SFR 1 and no difference.
    const sfr = c.metrics.find((m) => m.metric === 'sfr')!;
    expect(sfr.values.map((v) => v.value)).toEqual([1, 1]);
    expect(() => compareRuns(p, ['a on sample'])).toThrow(/at least two/);
    expect(() => compareRuns(p, ['a on sample', 'nope'])).toThrow(/no evaluation run "nope"/);
    void b;
    p.close();
  });

  it("scores against the project's references, so a corrected reference changes later runs", async () => {
    const dir = tempDir();
    const p = Project.init(join(dir, 'p'));
    const hyp = hypFile(dir, 'h.jsonl', (id, t) => (id === 'fx_ta_0001' ? 'பின் கோடு 600043' : t));
    const before = await importEvalRun(p, { ref, hyp, model: 'm' });
    expect(before.report.outcomes.partial).toBe(1);
    // The annotator decides the reference PIN was mistyped and corrects its value in the project.
    const u = p.utterances.getByExtId('fx_ta_0001')!;
    p.db.prepare('UPDATE utterances SET text = ? WHERE id = ?').run('பின் கோடு 600043', u.id);
    await new Service(p).dispatch('entities.update', { spanId: u.entities[0].id, value: '600043' });
    const after = await importEvalRun(p, { ref, hyp, model: 'm' });
    expect(after.name).toBe('m on sample #2');
    expect(after.report.outcomes.partial).toBe(0);
    expect(after.report.ehr.micro).toBe(1);
    p.close();
  });

  it('refuses bad --decode JSON and a missing model file', async () => {
    const dir = tempDir();
    const p = Project.init(join(dir, 'p'));
    const hyp = hypFile(dir, 'h.jsonl', (_id, t) => t);
    await expect(importEvalRun(p, { ref, hyp, model: 'm', decode: '{beam' })).rejects.toThrow(
      /--decode is not valid JSON/,
    );
    await expect(
      importEvalRun(p, { ref, hyp, model: 'm', modelFile: join(dir, 'nope.onnx') }),
    ).rejects.toThrow(/no such file/);
    expect(p.runs.count()).toBe(0);
    p.close();
  });

  it('compares hypothesis files against a reference without a project, with the same figures', async () => {
    const dir = tempDir();
    const a = hypFile(dir, 'a.jsonl', (_id, t) => t);
    const b = hypFile(dir, 'b.jsonl', (id, t) =>
      id === 'fx_ta_0001' ? 'பின் கோடு' : id === 'fx_te_0002' ? 'నేను లో కొన్నాను' : t,
    );
    const c = compareHypothesisFiles(ref, [
      parseHypArg(a, 'hypothesis'),
      parseHypArg(`${b}:hypothesis`, 'x'),
    ]);
    expect(c.runs).toBeNull();
    const ehr = c.metrics.find((m) => m.metric === 'ehr')!;
    expect(ehr.values.map((v) => v.run)).toEqual(['a.jsonl', 'b.jsonl']);
    expect(ehr.differences[0].difference).toBeCloseTo(-2 / 8, 10);
    expect(parseHypArg('x/p.jsonl:beta_hyp', 'hypothesis')).toEqual({
      file: 'x/p.jsonl',
      field: 'beta_hyp',
    });
    expect(() => compareHypothesisFiles(ref, [parseHypArg(a, 'hypothesis')])).toThrow(
      /at least two/,
    );
  });
});
