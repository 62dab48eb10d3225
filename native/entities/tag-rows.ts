import { UserError } from '../contract/errors.js';
import type { LooseRow } from './jsonl-rows.js';
import { tagText } from './tagger.js';

/**
 * Adds `entity_tokens` to rows that have none (missing or empty); every
 * other key, and rows that already carry spans, are kept as they are.
 */
export function tagRows(
  rows: readonly LooseRow[],
  file: string,
): { rows: LooseRow[]; tagged: number } {
  let tagged = 0;
  const out = rows.map((r, i) => {
    const existing = r.entity_tokens;
    if (Array.isArray(existing) && existing.length > 0) return r;
    if (typeof r.lang !== 'string' || r.lang === '') {
      throw new UserError('bad_input', `${file}: row ${i + 1}: field "lang" is needed to tag it`);
    }
    tagged++;
    // Assigning keeps the key's position when it exists (an empty list), else appends it.
    return { ...r, entity_tokens: tagText(r.text as string, r.lang) };
  });
  return { rows: out, tagged };
}
