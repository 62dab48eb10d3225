import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importEvalRun } from '../../../native/service/eval-import.js';
import { evaluateHandlers } from '../../../native/service/evaluate-handlers.js';
import { Project } from '../../../native/store/project.js';
import { tempDir } from '../../helpers/temp.js';
import { jsonl } from './phone-project.js';

// Written with a typo in the first word ("నాకు" is right); the spoken form has one in the
// amount (six hundred for five). The voice said the right spoken form; model `w` wrote the right text.
const WRITTEN = 'నాకూ 500 రూపాయలు కావాలి';
const FIXED = 'నాకు 500 రూపాయలు కావాలి';
const SPOKEN_TYPO = 'నాకు ఆరు వందల రూపాయలు కావాలి';
const SPOKEN = 'నాకు ఐదు వందల రూపాయలు కావాలి';

/** One utterance with both forms; a run scored on the written text and one on the spoken form. */
async function twoFormRuns() {
  const dir = tempDir();
  const p = Project.init(join(dir, 'p'));
  const ref = jsonl(join(dir, 'ref.jsonl'), [
    {
      id: 'cur1',
      lang: 'te',
      text: WRITTEN,
      entity_tokens: [{ surface: '500', start: 5, end: 8, type: 'amount' }],
      spoken: SPOKEN_TYPO,
      spoken_tokens: [{ surface: 'ఆరు వందల', start: 5, end: 13, type: 'amount' }],
    },
  ]);
  const spokenHyp = jsonl(join(dir, 's.jsonl'), [{ id: 'cur1', hypothesis: SPOKEN }]);
  const writtenHyp = jsonl(join(dir, 'w.jsonl'), [{ id: 'cur1', hypothesis: FIXED }]);
  const s = await importEvalRun(p, { ref, hyp: spokenHyp, model: 's', reference: 'spoken' });
  const w = await importEvalRun(p, { ref, hyp: writtenHyp, model: 'w' });
  const u = p.utterances.getByExtId('cur1')!;
  return { p, ref, spokenHyp, writtenHyp, s: s.runId, w: w.runId, u, svc: evaluateHandlers(p) };
}

describe('a reference fix, for runs scored on the written text and on the spoken form', () => {
  it('rescores a spoken-form run against the corrected spoken form', async () => {
    const { p, ref, spokenHyp, s, w, u, svc } = await twoFormRuns();
    const before = p.runs.get(s)!.summary;
    expect(before.wer).toBeGreaterThan(0);
    expect(before.hits).toBe(0);
    const wBefore = p.runs.get(w)!.report;

    const edit = await svc['evaluate.fixReference']({
      utteranceId: u.id,
      text: WRITTEN,
      spoken: SPOKEN,
      author: 'reviewer-2',
    });
    expect(edit).toMatchObject({
      forms: ['spoken'],
      before: WRITTEN,
      after: WRITTEN,
      spokenBefore: SPOKEN_TYPO,
      spokenAfter: SPOKEN,
      author: 'reviewer-2',
    });
    expect(edit.rescored).toEqual([
      expect.objectContaining({ runId: s, reference: 'spoken', werAfter: 0, ehrAfter: 1 }),
    ]);
    expect(edit.kept).toEqual([
      { runId: w, name: expect.any(String), reference: 'text', reason: 'form_unchanged' },
    ]);
    // The spoken span followed the edit; the written run kept its scores.
    expect(p.utterances.get(u.id)!.spoken).toBe(SPOKEN);
    expect(p.utterances.get(u.id)!.spokenEntities[0]).toMatchObject({ surface: 'ఐదు వందల' });
    expect(p.runs.get(w)!.report).toEqual(wBefore);
    const after = p.runs.get(s)!;
    expect(after.summary).toMatchObject({ wer: 0, hits: 1 });
    // The outcome is shown on the written entity, though the spoken one was scored.
    const outcome = p.runs.entities({ runId: s, offset: 0, limit: 10 }).rows[0];
    expect(outcome).toMatchObject({ outcome: 'hit', surface: '500' });
    const fresh = await importEvalRun(p, {
      ref,
      hyp: spokenHyp,
      model: 'again',
      reference: 'spoken',
    });
    expect(after.report).toEqual(p.runs.get(fresh.runId)!.report);

    const hist = await svc['evaluate.history']({ utteranceId: u.id });
    expect(hist).toEqual([edit]);
    p.close();
  });

  it('leaves a spoken-form run as scored after a written-only fix, and says so', async () => {
    const { p, s, w, u, svc } = await twoFormRuns();
    const sBefore = p.runs.get(s)!.report;
    expect(p.runs.get(w)!.summary.wer).toBeGreaterThan(0);
    const edit = await svc['evaluate.fixReference']({ utteranceId: u.id, text: FIXED });
    expect(edit).toMatchObject({ forms: ['text'], spokenBefore: null, spokenAfter: null });
    expect(edit.rescored).toEqual([
      expect.objectContaining({ runId: w, reference: 'text', werAfter: 0 }),
    ]);
    expect(edit.kept).toEqual([
      { runId: s, name: expect.any(String), reference: 'spoken', reason: 'form_unchanged' },
    ]);
    expect(p.runs.get(s)!.report).toEqual(sBefore);
    expect(p.utterances.get(u.id)!.spoken).toBe(SPOKEN_TYPO);
    p.close();
  });

  it('rescores each run against its own form when both change', async () => {
    const { p, s, w, u, svc } = await twoFormRuns();
    const edit = await svc['evaluate.fixReference']({
      utteranceId: u.id,
      text: FIXED,
      spoken: SPOKEN,
    });
    expect(edit.forms).toEqual(['text', 'spoken']);
    expect(edit.kept).toEqual([]);
    expect(edit.rescored).toEqual([
      expect.objectContaining({ runId: s, reference: 'spoken', werAfter: 0 }),
      expect.objectContaining({ runId: w, reference: 'text', werAfter: 0 }),
    ]);
    p.close();
  });

  it('refuses a spoken form for an utterance without one, and an empty one', async () => {
    const { p, u, svc } = await twoFormRuns();
    await expect(
      (async () =>
        svc['evaluate.fixReference']({ utteranceId: u.id, text: WRITTEN, spoken: ' ' }))(),
    ).rejects.toThrow(/spoken form is empty/);
    const dir = tempDir();
    const ref = jsonl(join(dir, 'plain.jsonl'), [{ id: 'plain1', lang: 'te', text: FIXED }]);
    await importEvalRun(p, {
      ref,
      hyp: jsonl(join(dir, 'h.jsonl'), [{ id: 'plain1', hypothesis: FIXED }]),
      model: 'm',
    });
    const plain = p.utterances.getByExtId('plain1')!;
    await expect(
      (async () =>
        svc['evaluate.fixReference']({ utteranceId: plain.id, text: FIXED, spoken: SPOKEN }))(),
    ).rejects.toThrow(/no spoken form/);
    p.close();
  });
});
