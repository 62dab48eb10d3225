import { describe, expect, it } from 'vitest';
import { decideClip } from '../../../native/flywheel/filter.js';
import { inShard, parseShard, planRound } from '../../../native/flywheel/plan.js';
import { apportion, MIX_FLOOR, nextClassMix } from '../../../native/flywheel/retarget.js';
import { tinyConfig } from './helpers.js';

describe('round re-targeting', () => {
  it('shifts the next mix toward the classes whose entity types scored worst', () => {
    const classes = ['digits', 'currency', 'brands'];
    const typesByClass = {
      digits: { PHONE: 10 },
      currency: { AMOUNT: 5, PHONE: 5 },
      brands: { BRAND: 10 },
    };
    const ehr = { PHONE: 0.9, AMOUNT: 0.1, BRAND: 0.5 };
    // weakness: digits 0.1, currency (0.9 + 0.1) / 2 = 0.5, brands 0.5;
    // weights 0.2, 0.6, 0.6 → 100 rows: 14.29, 42.86, 42.86 → 14, 43, 43.
    expect(nextClassMix(classes, typesByClass, ehr, 100)).toEqual({
      digits: 14,
      currency: 43,
      brands: 43,
    });
  });

  it('keeps every class (the floor), and gives unscored types the mean weakness', () => {
    const mix = nextClassMix(['a', 'b'], { a: { X: 3 }, b: { Y: 3 } }, { X: 1, Y: null }, 10);
    // X is perfect (weakness 0); Y unscored gets the mean of scored ones (0): both at the floor.
    expect(mix).toEqual({ a: 5, b: 5 });
    const skewed = nextClassMix(['a', 'b'], { a: { X: 3 }, b: { Y: 3 } }, { X: 1, Y: 0 }, 11);
    expect(skewed.a).toBeGreaterThanOrEqual(1);
    expect(skewed.a + skewed.b).toBe(11);
    expect(skewed).toEqual(apportion(['a', 'b'], [MIX_FLOOR, MIX_FLOOR + 1], 11));
  });

  it('apportions by largest remainder, ties to the earlier key', () => {
    expect(apportion(['a', 'b', 'c'], [1, 1, 1], 10)).toEqual({ a: 4, b: 3, c: 3 });
    expect(apportion(['a', 'b'], [0, 0], 3)).toEqual({ a: 2, b: 1 });
  });
});

describe('round-trip filter', () => {
  const rule = { cerMax: 0.3, requireEntityHit: true };
  it('keeps a clip whose entities all hit and whose CER is under the threshold', () => {
    expect(
      decideClip({ cer: 0.1, outcomes: [{ type: 'PHONE', surface: '98', outcome: 'hit' }] }, rule),
    ).toEqual({
      decision: 'kept',
      reason: null,
    });
  });
  it('rejects with every reason', () => {
    const d = decideClip(
      {
        cer: 0.45,
        outcomes: [
          { type: 'PHONE', surface: '98', outcome: 'partial' },
          { type: 'BRAND', surface: 'Tata', outcome: 'hit' },
        ],
      },
      rule,
    );
    expect(d).toEqual({ decision: 'rejected', reason: 'PHONE "98" partial; CER 0.450 > 0.3' });
    expect(
      decideClip({ cer: 0.45, outcomes: [] }, { cerMax: 0.5, requireEntityHit: false }).decision,
    ).toBe('kept');
  });
});

describe('shards', () => {
  it('partition a round deterministically and disjointly', () => {
    const config = tinyConfig({
      languages: [
        { lang: 'hi', count: 9, asr_model: null },
        { lang: 'ta', count: 4, asr_model: null },
      ],
    });
    const all = planRound(config, 1, null);
    expect(planRound(config, 1, null)).toEqual(all);
    const shards = [0, 1, 2].map((i) =>
      all.filter((c) => inShard(c, { index: i, count: 3 })).map((c) => c.extId),
    );
    const union = shards.flat().sort();
    expect(union).toEqual(all.map((c) => c.extId).sort());
    expect(new Set(union).size).toBe(union.length);
    expect(shards.every((s) => s.length >= 4)).toBe(true);
    expect(parseShard('2/3')).toEqual({ index: 2, count: 3 });
    expect(() => parseShard('3/3')).toThrow(/--shard/);
  });

  it('plans ids, text, voices and seeds from the configuration alone', () => {
    const config = tinyConfig();
    const plan = planRound(config, 1, null);
    expect(plan.map((c) => c.extId)).toEqual(plan.map((c) => `tiny-r1-${c.row.id}`));
    expect(
      plan.filter((c) => c.split === 'test').every((c) => c.system === `espeak:${c.lang}+f4`),
    ).toBe(true);
    expect(plan.filter((c) => c.split === 'train').some((c) => c.system.endsWith('f4'))).toBe(
      false,
    );
    const round2 = planRound(config, 2, {
      hi: { digits: 3, currency: 1 },
      te: { digits: 1, currency: 1 },
    });
    expect(
      round2
        .filter((c) => c.lang === 'hi')
        .map((c) => c.row.entity_class)
        .sort(),
    ).toEqual(['currency', 'digits', 'digits', 'digits']);
  });
});
