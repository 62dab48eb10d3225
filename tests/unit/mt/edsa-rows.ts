import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { EntityToken } from '../../../native/metrics/ehr/value-spans.js';

export interface EdsaRow {
  id: string;
  lang: string;
  entity_class: string;
  text: string;
  entity_tokens: EntityToken[];
}

const FILE = fileURLToPath(new URL('../../fixtures/mt/edsa-rows.jsonl', import.meta.url));

/** Rows of the shared EDSA corpus copied into the fixtures (see their README). */
export function edsaRows(): EdsaRow[] {
  return readFileSync(FILE, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as EdsaRow);
}

export function edsaRow(id: string): EdsaRow {
  const row = edsaRows().find((r) => r.id === id);
  if (row === undefined) throw new Error(`no fixture row ${id}`);
  return row;
}
