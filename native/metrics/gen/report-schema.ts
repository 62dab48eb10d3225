/**
 * Writes `native/metrics/score-report.schema.json` from the zod schema.
 * Run: npx tsx native/metrics/gen/report-schema.ts (a unit test fails when
 * the committed file is stale).
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { scoreReportJsonSchema } from '../report-schema.js';

export const SCHEMA_PATH = fileURLToPath(new URL('../score-report.schema.json', import.meta.url));

export function schemaText(): string {
  return JSON.stringify(scoreReportJsonSchema(), null, 2) + '\n';
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(SCHEMA_PATH, schemaText());
  console.log(`wrote ${SCHEMA_PATH}`);
}
