import { describe, expect, it } from 'vitest';
import { scoreEntities } from '../../../native/metrics/ehr/index.js';
import { loadEhrCases, testAliases } from './ehr-fixtures.js';

describe('spec worked cases (ehr-cases.jsonl)', () => {
  for (const c of loadEhrCases()) {
    it(`${c.id}: ${c.expected} — ${c.why}`, () => {
      const out = scoreEntities(c, c.hypothesis, { aliases: testAliases() });
      expect(out).toHaveLength(1);
      expect(out[0].outcome, JSON.stringify(out[0])).toBe(c.expected);
    });
  }
});
