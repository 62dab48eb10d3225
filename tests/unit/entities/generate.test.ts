import { describe, expect, it } from 'vitest';
import { generateCorpus, rowsToJsonl } from '../../../native/entities/generate.js';
import { indianGrouping } from '../../../native/entities/generate-fillers.js';
import { templateSplit, valueSplit } from '../../../native/entities/generate-splits.js';
import { cpSlice } from '../../../native/text/code-points.js';

describe('generate', () => {
  it('is deterministic: same config and seed, same bytes', () => {
    const cfg = { langs: ['hi', 'te', 'ta'], count: 600, seed: 42 };
    const a = rowsToJsonl(generateCorpus(cfg).rows);
    const b = rowsToJsonl(generateCorpus(cfg).rows);
    expect(a).toBe(b);
    expect(rowsToJsonl(generateCorpus({ ...cfg, seed: 43 }).rows)).not.toBe(a);
  });

  it('a row does not depend on the rows after it', () => {
    const long = generateCorpus({ langs: ['hi'], count: 50, seed: 5 }).rows;
    const short = generateCorpus({ langs: ['hi'], count: 20, seed: 5 }).rows;
    expect(short).toEqual(long.slice(0, 20));
  });

  for (const lang of ['hi', 'te', 'ta']) {
    it(`${lang}: 10k rows with valid spans, no digits spoken, unique text, balanced classes`, () => {
      // The train split: the held-out fifth of templates and values cannot
      // make 2,000 distinct code-mix test sentences in every language.
      const { rows, summary } = generateCorpus({
        langs: [lang],
        count: 10_000,
        seed: 1,
        split: 'train',
      });
      expect(rows).toHaveLength(10_000);
      const texts = new Set<string>();
      for (const r of rows) {
        for (const t of r.entity_tokens) expect(cpSlice(r.text, t.start, t.end)).toBe(t.surface);
        for (const t of r.spoken_tokens) expect(cpSlice(r.spoken, t.start, t.end)).toBe(t.surface);
        expect(r.spoken_tokens).toHaveLength(r.entity_tokens.length);
        expect(r.spoken).not.toMatch(/\p{Nd}/u);
        expect(r.entity_tokens.length).toBeGreaterThan(0);
        texts.add(r.text);
      }
      expect(texts.size).toBe(rows.length);
      expect(Object.values(summary.by_class)).toEqual(Array(8).fill(1250));
      expect(summary.overlap).toEqual({ templates: 0, values: 0, sentences: 0 });
    });
  }

  it('train and test share no template and no slot value', () => {
    const { rows } = generateCorpus({ langs: ['hi', 'te', 'ta'], count: 3000, seed: 9 });
    for (const r of rows) {
      expect(templateSplit(r.template_id)).toBe(r.split);
    }
    const test = rows.filter((r) => r.split === 'test');
    expect(test.length).toBe(600);
    const { rows: onlyTest } = generateCorpus({
      langs: ['te'],
      count: 200,
      seed: 3,
      split: 'test',
    });
    expect(
      onlyTest.every((r) => r.split === 'test' && templateSplit(r.template_id) === 'test'),
    ).toBe(true);
  });

  it('slot values follow the value partition', () => {
    const { rows } = generateCorpus({
      langs: ['ta'],
      count: 400,
      seed: 2,
      classes: ['digits', 'currency'],
    });
    for (const r of rows) {
      for (const t of r.entity_tokens) {
        // Literal template words (OTP, UPI) belong to their template, not the value partition.
        if (t.type === 'loanword' || t.type === 'brand') continue;
        expect(valueSplit(t.value)).toBe(r.split);
      }
    }
  });

  it('groups amounts the Indian way', () => {
    expect(indianGrouping(500000)).toBe('5,00,000');
    expect(indianGrouping(2500)).toBe('2,500');
    expect(indianGrouping(205000000)).toBe('20,50,00,000');
    expect(indianGrouping(999)).toBe('999');
  });

  it('says so when a split runs out of distinct sentences', () => {
    expect(() =>
      generateCorpus({ langs: ['te'], count: 2000, seed: 1, split: 'test', classes: ['codemix'] }),
    ).toThrow(/no new sentence/);
  });

  it('rejects unknown languages and classes with a user error', () => {
    expect(() => generateCorpus({ langs: ['xx'], count: 1, seed: 1 })).toThrow(/no lexicon/);
    expect(() =>
      generateCorpus({ langs: ['hi'], count: 1, seed: 1, classes: ['nope' as never] }),
    ).toThrow(/unknown class/);
  });
});
