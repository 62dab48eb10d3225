/**
 * The default models' cards split each entity type's hits by how the entity
 * is written (scripts/eval-default-model.ts): Latin letters (code-mix) or the
 * language's own script.
 */
import { describe, expect, it } from 'vitest';
import {
  ehrByScript,
  resultsMarkdown,
  addedRows,
  retrainCommands,
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

describe('retrain commands in the model card', () => {
  const base = {
    parameters: 1.3e6,
    train_hours: 4,
    epochs_completed: 10,
    threads: 1,
    d_model: 144,
    layers: 5,
    lr: 1.5e-3,
    max_frames: 9000,
    dev_cer: 0.05,
  };

  it('gives one prepare and one train command for a single-phase model', () => {
    expect(
      retrainCommands('te', { ...base, train_utterances: 3900, steps: 3093, train_minutes: 65 }),
    ).toEqual([
      '/usr/bin/python3 models/recipes/default_ctc/prepare.py --lang te --train 4000',
      '/usr/bin/python3 models/recipes/default_ctc/train.py --lang te --minutes 65    # steps 0–3093',
    ]);
  });

  /** Base data for 2,100 steps, then 30 minutes with the Latin-number rows. */
  const latinPhases = [
    { from_step: 0, to_step: 2100, minutes: 41, extra: 0 },
    { from_step: 2100, to_step: 3600, minutes: 30.2, extra: 799, extra_prepared: 800 },
  ];
  const latinCommands = [
    '/usr/bin/python3 models/recipes/default_ctc/prepare.py --lang hi --train 4200',
    '/usr/bin/python3 models/recipes/default_ctc/train.py --lang hi --minutes 41    # steps 0–2100',
    '/usr/bin/python3 models/recipes/default_ctc/prepare.py --lang hi --extra-latin-numbers 800 --only-extra',
    '/usr/bin/python3 models/recipes/default_ctc/train.py --lang hi --minutes 30    # steps 2100–3600',
  ];

  it('adds the extra rows between the phases, and counts them out of --train', () => {
    expect(
      retrainCommands('hi', {
        ...base,
        train_utterances: 4899,
        extra_train_utterances: 799,
        steps: 3600,
        train_minutes: 71,
        phases: latinPhases,
      }),
    ).toEqual(latinCommands);
  });

  it('adds the more-rows set with its classes and the junction rows, and removes a set a later phase trained without', () => {
    expect(
      retrainCommands('hi', {
        ...base,
        train_utterances: 9090,
        extra_train_utterances: 4990,
        steps: 7000,
        train_minutes: 120,
        phases: [
          ...latinPhases,
          {
            from_step: 3600,
            to_step: 6000,
            minutes: 29.6,
            extra: 0,
            more: 3000,
            more_prepared: 3000,
            more_classes: ['currency', 'digits'],
          },
          {
            from_step: 6000,
            to_step: 7000,
            minutes: 20,
            extra: 0,
            more: 3000,
            more_prepared: 3000,
            more_classes: ['currency', 'digits'],
            junction: 1990,
            junction_prepared: 2000,
          },
        ],
      }),
    ).toEqual([
      ...latinCommands,
      'rm -r models/recipes/.work/hi/train-extra',
      '/usr/bin/python3 models/recipes/default_ctc/prepare.py --lang hi --more-rows 3000 --more-classes currency,digits --only-extra',
      '/usr/bin/python3 models/recipes/default_ctc/train.py --lang hi --minutes 30    # steps 3600–6000',
      '/usr/bin/python3 models/recipes/default_ctc/prepare.py --lang hi --junction-rows 2000 --only-extra',
      '/usr/bin/python3 models/recipes/default_ctc/train.py --lang hi --minutes 20    # steps 6000–7000',
    ]);
  });

  it('names each added set of the last phase in the card, with its count', () => {
    const text = addedRows({
      ...base,
      train_utterances: 8996,
      extra_train_utterances: 4896,
      steps: 7000,
      train_minutes: 120,
      phases: [
        { from_step: 0, to_step: 2100, minutes: 41, extra: 0 },
        {
          from_step: 2100,
          to_step: 7000,
          minutes: 79,
          extra: 799,
          more: 2097,
          more_classes: ['currency', 'digits'],
          junction: 2000,
        },
      ],
    }).replace(/\s+/g, ' ');
    expect(text).toContain('4896 of them added: 799 extra rows of the mixed class');
    expect(text).toContain('2097 more train-split rows of the currency, digits classes (prepare.py --more-rows)');
    expect(text).toContain('2000 numeric-class rows with a plain word swapped in right before each number');
  });
});
