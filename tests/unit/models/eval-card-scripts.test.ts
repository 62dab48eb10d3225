/**
 * The default models' cards split each entity type's hits by how the entity
 * is written (scripts/eval-default-model.ts): Latin letters (code-mix) or the
 * language's own script.
 */
import { describe, expect, it } from 'vitest';
import {
  ehrByScript,
  resultsMarkdown,
  type ConditionResult,
} from '../../../scripts/eval-default-model.js';

const entities = [
  { type: 'currency_amount', surface: 'चार सौ रुपये', outcome: 'hit' },
  { type: 'currency_amount', surface: 'सोलह हज़ार रुपये', outcome: 'miss' },
  { type: 'currency_amount', surface: 'four hundred eighty rupees', outcome: 'miss' },
  { type: 'phone', surface: 'नौ आठ सात', outcome: 'hit' },
];

describe('hits by script in the model card', () => {
  it('counts Latin-written and native-written entities apart, per type', () => {
    expect(ehrByScript(entities)).toEqual({
      currency_amount: { native: { hits: 1, n: 2 }, latin: { hits: 0, n: 1 } },
      phone: { native: { hits: 1, n: 1 }, latin: { hits: 0, n: 0 } },
    });
  });

  it('adds a table for the types written both ways, and only those', () => {
    const r: ConditionResult = {
      condition: 'clean',
      utterances: 3,
      wer: 0.1,
      cer: 0.05,
      ehr: { value: 0.5, ci: [0.2, 0.8] },
      ehrByType: {
        currency_amount: { value: 1 / 3, n: 3 },
        phone: { value: 1, n: 1 },
      },
      ehrByScript: ehrByScript(entities),
    };
    const md = resultsMarkdown([r]);
    expect(md).toContain('| hits by script: native / Latin (code-mix) | clean |');
    expect(md).toContain('| currency_amount | 1/2 / 0/1 |');
    expect(md).not.toMatch(/\| phone \| 1\/1/);
    // A result without the split (an older card's) renders without the table.
    expect(resultsMarkdown([{ ...r, ehrByScript: undefined }])).not.toContain('hits by script');
  });
});
