import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { schemaText, SCHEMA_PATH } from '../../../native/metrics/gen/report-schema.js';
import { scoreReportJsonSchema } from '../../../native/metrics/report-schema.js';

describe('published report schema', () => {
  it('the committed score-report.schema.json equals the generated one', () => {
    // Compared as JSON so that formatting (prettier) does not matter.
    const committed = JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')) as unknown;
    expect(committed).toEqual(scoreReportJsonSchema());
    expect(JSON.parse(schemaText())).toEqual(committed);
  });

  it('requires every key of spec §6', () => {
    const s = scoreReportJsonSchema() as { required: string[] };
    for (const k of [
      'metric_version',
      'profile',
      'compat',
      'utterances',
      'missing',
      'wer',
      'twer',
      'cer',
      'aer',
      'mer',
      'wil',
      'wip',
      'ehr',
      'hits',
      'entities',
      'outcomes',
      'by_type',
      'by_lang',
      'by_class',
      'by_system',
      'by_test_set',
      'sfr',
      'per_entity',
    ]) {
      expect(s.required).toContain(k);
    }
  });
});
