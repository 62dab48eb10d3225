import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importEvalRun } from '../../../native/service/eval-import.js';
import { evaluateHandlers } from '../../../native/service/evaluate-handlers.js';
import { Project } from '../../../native/store/project.js';
import { tempDir } from '../../helpers/temp.js';
import { jsonl } from './phone-project.js';

// Written with a typo in the first word ("నాకు" is right); the voice said the spoken form.
const WRITTEN = 'నాకూ 500 రూపాయలు కావాలి';
const FIXED = 'నాకు 500 రూపాయలు కావాలి';
const SPOKEN = 'నాకు ఐదు వందల రూపాయలు కావాలి';

describe('a run scored against the spoken form, after a reference fix', () => {
  it('is rescored against the spoken form, as a fresh import on it would be', async () => {
    const dir = tempDir();
    const p = Project.init(join(dir, 'p'));
    const ref = jsonl(join(dir, 'ref.jsonl'), [
      {
        id: 'cur1',
        lang: 'te',
        text: WRITTEN,
        entity_tokens: [{ surface: '500', start: 5, end: 8, type: 'amount' }],
        spoken: SPOKEN,
        spoken_tokens: [{ surface: 'ఐదు వందల', start: 5, end: 13, type: 'amount' }],
      },
    ]);
    const hyp = jsonl(join(dir, 'hyp.jsonl'), [{ id: 'cur1', hypothesis: SPOKEN }]);
    const run = await importEvalRun(p, { ref, hyp, model: 'voice-check', reference: 'spoken' });
    const before = p.runs.get(run.runId)!;
    expect(before.summary.wer).toBe(0);
    expect(before.summary.hits).toBe(1);
    const outcome = () => p.runs.entities({ runId: run.runId, offset: 0, limit: 10 }).rows[0];
    // The outcome is shown on the written entity, though the spoken one was scored.
    expect(outcome()).toMatchObject({ outcome: 'hit', surface: '500' });

    const u = p.utterances.getByExtId('cur1')!;
    const edit = await evaluateHandlers(p)['evaluate.fixReference']({
      utteranceId: u.id,
      text: FIXED,
    });
    expect(edit.rescored).toEqual([
      expect.objectContaining({ runId: run.runId, werBefore: 0, werAfter: 0, ehrAfter: 1 }),
    ]);
    const after = p.runs.get(run.runId)!;
    expect(after.summary.wer).toBe(0);
    expect(outcome()).toMatchObject({ outcome: 'hit', surface: '500' });
    const fresh = await importEvalRun(p, { ref, hyp, model: 'again', reference: 'spoken' });
    expect(after.report).toEqual(p.runs.get(fresh.runId)!.report);
    p.close();
  });
});
