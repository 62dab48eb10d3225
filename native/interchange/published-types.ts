import type { EntityType } from '../contract/corpus.js';
import { ENTITY_TYPES } from '../contract/corpus.js';

/**
 * Type names in published data (spec §6) and the Charkha type each maps to.
 * `proper_noun` needs a lexicon to tell a place from a person, so it is
 * resolved by `mapPublishedType` with a place lookup.
 */
const PUBLISHED: Record<string, EntityType> = {
  amount: 'currency_amount',
  english_loan: 'loanword',
  house_or_plot: 'house_number',
  proper_noun: 'person',
};

export function mapPublishedType(
  name: string,
  surface: string,
  isPlace?: (surface: string) => boolean,
): EntityType | null {
  if ((ENTITY_TYPES as readonly string[]).includes(name)) return name as EntityType;
  if (name === 'proper_noun' && isPlace?.(surface)) return 'place';
  return PUBLISHED[name] ?? null;
}

/** The name to write back on export: the original unless the type was changed since. */
export function exportTypeName(type: EntityType, originalType: string): string {
  const mapped = mapPublishedType(originalType, '', () => type === 'place');
  return mapped === type ? originalType : type;
}
