import { describe, expect, it } from 'vitest';
import type { PerEntity, ScoreReport } from '../../../native/metrics/report-schema.js';
import { splitCer } from '../../../scripts/entity-density-cer.js';
import { pairedDifference } from '../../../scripts/entity-density.js';

function report(outcomes: [string, string, PerEntity['outcome']][]): ScoreReport {
  const per_entity = outcomes.map(([id, type, outcome]) => ({
    id,
    lang: 'hi',
    type,
    surface: 'x',
    value: 'x',
    outcome,
    exact_surface: null,
    hyp_window: null,
  }));
  return { per_entity } as unknown as ScoreReport;
}

describe('entity-density paired difference', () => {
  const ids = Array.from({ length: 40 }, (_, i) => `u${i}`);

  it('is zero, with a zero interval, for a model against itself', () => {
    const r = report(ids.map((id, i) => [id, 'phone', i % 3 === 0 ? 'miss' : 'hit']));
    expect(pairedDifference(r, r, null)).toEqual({ diff: 0, ci: [0, 0], entities: 40 });
  });

  it('is the EHR gap of the first arm over the second, per type, over shared utterances', () => {
    const a = report(
      ids
        .flatMap(
          (id) =>
            [
              [id, 'phone', 'hit'],
              [id, 'brand', 'miss'],
            ] as const,
        )
        .map((x) => [...x]),
    );
    const b = report(
      ids
        .flatMap(
          (id, i) =>
            [
              [id, 'phone', i < 10 ? 'hit' : 'miss'],
              [id, 'brand', 'miss'],
            ] as const,
        )
        .map((x) => [...x]),
    );
    const phone = pairedDifference(a, b, 'phone')!;
    expect(phone.diff).toBeCloseTo(0.75, 10);
    expect(phone.ci[0]).toBeGreaterThan(0.5);
    expect(phone.ci[1]).toBeLessThanOrEqual(1);
    expect(pairedDifference(a, b, 'brand')!.diff).toBe(0);
    expect(pairedDifference(a, b, null)!.entities).toBe(80);
    expect(pairedDifference(a, report([]), null)).toBeNull();
  });
});

describe('entity-density CER inside and outside entities', () => {
  const refs = [
    {
      id: 'a',
      text: 'नंबर नौ आठ है।',
      entity_tokens: [{ start: 5, end: 10 }],
    },
  ];

  it('counts errors where their reference letters are', () => {
    // Entity wrong (नौ आठ → नो आठ: one substitution), frame right.
    const s = splitCer(refs, new Map([['a', 'नंबर नो आठ है']]));
    expect(s.inside).toMatchObject({ errors: 1, chars: 5 });
    expect(s.outside.errors).toBe(0);
    // Frame wrong (है dropped: a space and two letters deleted), entity right.
    const t = splitCer(refs, new Map([['a', 'नंबर नौ आठ']]));
    expect(t.inside.errors).toBe(0);
    expect(t.outside.errors).toBe(3);
    expect(t.inside.chars + t.outside.chars).toBe('नंबर नौ आठ है'.length);
  });

  it('reads punctuation as space and a missing hypothesis as empty', () => {
    expect(splitCer(refs, new Map([['a', 'नंबर, नौ आठ है!']])).outside.errors).toBe(0);
    const none = splitCer(refs, new Map());
    expect(none.inside.cer).toBe(1);
    expect(none.outside.cer).toBe(1);
  });
});
