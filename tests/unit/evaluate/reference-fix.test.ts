import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importEvalRun } from '../../../native/service/eval-import.js';
import { evaluateHandlers } from '../../../native/service/evaluate-handlers.js';
import { remapSpans } from '../../../native/service/evaluate-reference.js';
import { jsonl, projectWithTwoRuns, RIGHT, WRONG } from './phone-project.js';

describe('remapSpans', () => {
  const span = { spanId: 1, start: 9, end: 19, value: '9236063636' };
  it('keeps a span over the changed digits, with its new surface and value', () => {
    expect(remapSpans(WRONG, RIGHT, [span])).toEqual([
      { spanId: 1, start: 9, end: 19, surface: '9263063636', value: '9263063636' },
    ]);
  });
  it('shifts spans after an edit and grows a span the edit widens', () => {
    const before = 'ab 123 cd 45';
    const after = 'abxx 1234 cd 45';
    const out = remapSpans(before, after, [
      { spanId: 1, start: 3, end: 6, value: '123' },
      { spanId: 2, start: 10, end: 12, value: '45' },
    ]);
    expect(out[1]).toMatchObject({ start: 13, end: 15, surface: '45', value: '45' });
    expect(out[0].surface).toContain('123');
  });
  it('keeps a canonical id (not digits) when the spelling is corrected', () => {
    const out = remapSpans('నేను Paytem వాడతాను', 'నేను Paytm వాడతాను', [
      { spanId: 3, start: 5, end: 11, value: 'paytm' },
    ]);
    expect(out[0]).toMatchObject({ surface: 'Paytm', value: 'paytm', start: 5, end: 10 });
  });
});

describe('fixing a reference', () => {
  it('records who/when/before/after and rescores every run on that utterance', async () => {
    const { p, a, b, dir, ref } = await projectWithTwoRuns();
    const svc = evaluateHandlers(p);
    const before = p.runs.get(a.runId)!.summary;
    expect(before.hits).toBe(1);
    const ph1 = p.utterances.getByExtId('ph1')!;
    const outcome = () =>
      p.runs.entities({ runId: a.runId, type: 'phone', offset: 0, limit: 10 }).rows[0].outcome;
    expect(outcome()).toBe('miss');

    const edit = await svc['evaluate.fixReference']({
      utteranceId: ph1.id,
      text: RIGHT,
      author: 'reviewer-1',
      note: 'digits 2 and 3 swapped',
    });
    expect(edit).toMatchObject({ author: 'reviewer-1', before: WRONG, after: RIGHT, extId: 'ph1' });
    expect(Date.parse(edit.at)).not.toBeNaN();
    expect(edit.rescored.map((r) => r.runId)).toEqual([a.runId, b.runId]);
    expect(edit.rescored[0]).toMatchObject({ ehrBefore: 0.5, ehrAfter: 1 });
    expect(edit.rescored[1]).toMatchObject({ ehrBefore: 0, ehrAfter: 0.5 });

    // The project's reference, its span and the stored runs all changed.
    const fixed = p.utterances.get(ph1.id)!;
    expect(fixed.text).toBe(RIGHT);
    expect(fixed.entities[0]).toMatchObject({ surface: '9263063636', value: null });
    expect(outcome()).toBe('hit');
    expect(p.runs.get(a.runId)!.summary.hits).toBe(2);
    expect(p.runs.get(a.runId)!.summary.wer).toBe(0);

    // Rescoring gives what a fresh `eval import` on the corrected reference gives.
    const fresh = await importEvalRun(p, {
      ref,
      hyp: jsonl(join(dir, 'b2.jsonl'), [
        { id: 'ph1', hypothesis: RIGHT },
        { id: 'pin1', hypothesis: 'పిన్‌కోడ్ రాయండి' },
      ]),
      model: 'b',
    });
    expect(p.runs.get(b.runId)!.report).toEqual(p.runs.get(fresh.runId)!.report);
    const hist = await svc['evaluate.history']({});
    expect(hist).toHaveLength(1);
    expect(hist[0].rescored).toEqual(edit.rescored);
    p.close();
  });

  it('refuses an unchanged or empty reference', async () => {
    const { p } = await projectWithTwoRuns();
    const svc = evaluateHandlers(p);
    const id = p.utterances.getByExtId('ph1')!.id;
    await expect(
      (async () => svc['evaluate.fixReference']({ utteranceId: id, text: WRONG }))(),
    ).rejects.toThrow(/same as the current/);
    await expect(
      (async () => svc['evaluate.fixReference']({ utteranceId: id, text: '   ' }))(),
    ).rejects.toThrow(/empty/);
    p.close();
  });
});
