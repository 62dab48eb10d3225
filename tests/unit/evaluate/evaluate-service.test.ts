import { describe, expect, it } from 'vitest';
import { evaluateHandlers } from '../../../native/service/evaluate-handlers.js';
import { projectWithTwoRuns } from './phone-project.js';

describe('the Evaluate service', () => {
  it('compares two runs with every metric, a paired difference and EHR by type', async () => {
    const { p, a, b } = await projectWithTwoRuns();
    const c = await evaluateHandlers(p)['evaluate.compare']({ runIds: [a.runId, b.runId] });
    expect(c.commonUtterances).toBe(2);
    expect(c.metrics.map((m) => m.metric)).toEqual([
      'wer',
      'cer',
      'aer',
      'ehr',
      'ehr_macro',
      'sfr',
    ]);
    const ehr = c.metrics.find((m) => m.metric === 'ehr')!;
    expect(ehr.values.map((v) => v.value)).toEqual([0.5, 0]);
    expect(ehr.differences[0]).toMatchObject({
      runId: b.runId,
      against: a.runId,
      difference: -0.5,
    });
    const macro = c.metrics.find((m) => m.metric === 'ehr_macro')!;
    // a: phone 0/1, pincode 1/1 → 0.5; b: 0 and 0.
    expect(macro.values.map((v) => v.value)).toEqual([0.5, 0]);
    expect(c.byType.map((t) => t.type)).toEqual(['phone', 'pincode']);
    const aer = c.metrics.find((m) => m.metric === 'aer')!;
    expect(aer.values[0].value).toBeGreaterThan(0);
    expect(aer.values[1].value!).toBeGreaterThan(aer.values[0].value!);
    p.close();
  });

  it('filters utterances to missed phones, sorts them, and aligns one with its entity overlaid', async () => {
    const { p, a, b } = await projectWithTwoRuns();
    const h = evaluateHandlers(p);
    const q = (extra: object) =>
      h['evaluate.utterances']({
        runId: a.runId,
        alsoRunIds: [b.runId],
        sort: 'id',
        desc: false,
        offset: 0,
        limit: 50,
        ...extra,
      });
    const missedPhones = await q({ entityType: 'phone', outcome: 'miss' });
    expect(missedPhones.rows.map((r) => r.extId)).toEqual(['ph1']);
    expect(missedPhones.rows[0].errors).toEqual([{ type: 'phone', outcome: 'miss' }]);
    expect((await q({ entityType: 'pincode', outcome: 'miss' })).total).toBe(0);
    expect((await q({ werMin: 0.01 })).rows.map((r) => r.extId)).toEqual(['ph1']);
    const byWer = await q({ sort: 'wer', desc: true });
    expect(byWer.rows[0].extId).toBe('ph1');
    expect(byWer.rows.map((r) => r.alsoWer.length)).toEqual([1, 1]);

    const d = await h['evaluate.utterance']({
      utteranceId: missedPhones.rows[0].utteranceId,
      runIds: [a.runId, b.runId],
    });
    const span = d.entities[0].spanId;
    const sub = d.runs[0].tokens.find((t) => t.op === 'sub')!;
    expect(sub).toMatchObject({ ref: '9236063636', hyp: '9263063636', spanIds: [span] });
    expect(d.runs[0].outcomes[0]).toMatchObject({
      spanId: span,
      outcome: 'miss',
      pattern: 'other',
    });
    p.close();
  });

  it('groups the entities of a type by error pattern', async () => {
    const { p, b } = await projectWithTwoRuns();
    const g = await evaluateHandlers(p)['evaluate.patterns']({ runId: b.runId, type: 'pincode' });
    expect(g).toMatchObject({ type: 'pincode', total: 1, hits: 0 });
    expect(g.groups).toEqual([
      { pattern: 'deleted', count: 1, entities: [expect.objectContaining({ extId: 'pin1' })] },
    ]);
    p.close();
  });
});
