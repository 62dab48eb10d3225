import { describe, expect, it } from 'vitest';
import { utteranceErrors } from '../../../native/metrics/error-rates.js';
import {
  buildReport,
  type EntityOutcome,
  type UtteranceResult,
} from '../../../native/metrics/report.js';
import { ScoreReport } from '../../../native/metrics/report-schema.js';

function ent(id: string, type: string, outcome: EntityOutcome['outcome']): EntityOutcome {
  return {
    id,
    type,
    lang: 'hi',
    class: 'digits',
    outcome,
    exactSurface: outcome === 'hit',
    surface: 's',
    value: 'v',
    hypWindow: 'w',
  };
}

function utt(id: string, entities: EntityOutcome[], sfr = 1): UtteranceResult {
  return {
    id,
    lang: 'hi',
    entityClass: 'digits',
    system: 'sysA',
    errors: utteranceErrors('a b c', 'a b d'),
    sfr: { value: sfr, letters: 4, inScript: Math.round(4 * sfr) },
    entities,
  };
}

describe('buildReport', () => {
  const utts = [
    utt('u1', [ent('u1', 'phone', 'hit'), ent('u1', 'brand', 'miss')]),
    utt('u2', [ent('u2', 'phone', 'partial')], 0.25),
    utt('u3', [ent('u3', 'phone', 'hit'), ent('u3', 'brand', 'wrong_script')]),
  ];
  const r = buildReport({ profile: 'standard', compat: null, missing: 2, utterances: utts });

  it('aggregates micro and macro EHR, groups and outcomes', () => {
    expect(ScoreReport.safeParse(r).success).toBe(true);
    expect(r.hits).toBe(2);
    expect(r.entities).toBe(5);
    expect(r.ehr.micro).toBeCloseTo(0.4);
    // phone 2/3, brand 0/2 → macro (0.6667 + 0) / 2.
    expect(r.ehr.macro).toBeCloseTo(1 / 3);
    expect(r.outcomes).toEqual({ hit: 2, wrong_script: 1, partial: 1, miss: 1 });
    expect(r.by_type!.phone).toMatchObject({ hits: 2, entities: 3 });
    expect(r.by_system!.sysA).toMatchObject({ hits: 2, entities: 5 });
    expect(r.by_test_set).toBeNull();
    expect(r.missing).toBe(2);
    expect(r.utterances).toBe(3);
    expect(r.wer).toBeCloseTo(1 / 3);
    expect(r.per_entity).toBeNull();
  });

  it('intervals bracket the point estimates and are reproducible', () => {
    const [lo, hi] = r.ehr.ci95!;
    expect(lo).toBeLessThanOrEqual(0.4);
    expect(hi).toBeGreaterThanOrEqual(0.4);
    const again = buildReport({ profile: 'standard', compat: null, missing: 2, utterances: utts });
    expect(again.ehr.ci95).toEqual(r.ehr.ci95);
  });

  it('summarises SFR: mean, corpus ratio, collapse share', () => {
    expect(r.sfr.mean).toBeCloseTo(0.75);
    expect(r.sfr.ratio).toBeCloseTo(9 / 12);
    expect(r.sfr.collapse_share).toBeCloseTo(1 / 3);
  });

  it('lists entities with --per-entity, keys present and null where not computed', () => {
    const p = buildReport({
      profile: 'standard',
      compat: null,
      missing: 0,
      utterances: [],
      perEntity: true,
    });
    expect(p.per_entity).toEqual([]);
    expect(p.ehr).toEqual({ micro: null, macro: null, ci95: null });
    expect(p.wer).toBeNull();
    expect(p.by_type).toBeNull();
  });
});
