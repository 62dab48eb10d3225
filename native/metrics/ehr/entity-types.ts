/**
 * Entity types for scoring. The one enum lives in the contract
 * (`ENTITY_TYPES`, spec §3) and the published-name mapping in the importer
 * (spec §6); this file re-exports both and adds what scoring needs to know
 * about each type: how its canonical value is compared.
 */

import { ENTITY_TYPES } from '../../contract/corpus.js';
import type { EntityType } from '../../contract/corpus.js';

export { ENTITY_TYPES };
export type { EntityType };
export { exportTypeName, mapPublishedType } from '../../interchange/published-types.js';

/** Outcome classes of spec §3, in the order they are tried. */
export const OUTCOMES = ['hit', 'wrong_script', 'partial', 'miss'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/**
 * How each type's canonical value is compared (spec §3 table): a digit
 * string, number + currency, a normalised string, an ISO date or time, a
 * canonical id with its aliases, or a Latin spelling with its
 * transliteration key.
 */
export type ValueKind = 'digits' | 'amount' | 'code' | 'date' | 'time' | 'name' | 'loanword';

const VALUE_KIND: Readonly<Record<EntityType, ValueKind>> = {
  phone: 'digits',
  digit_run: 'digits',
  pincode: 'digits',
  currency_amount: 'amount',
  house_number: 'code',
  vehicle_reg: 'code',
  upi_id: 'code',
  email: 'code',
  date: 'date',
  time: 'time',
  brand: 'name',
  person: 'name',
  place: 'name',
  loanword: 'loanword',
};

export function valueKindOf(type: EntityType): ValueKind {
  return VALUE_KIND[type];
}

/** Types whose value comes from a reading (number phrase, code, date, time). */
export function isReadingType(type: EntityType): boolean {
  const k = VALUE_KIND[type];
  return k !== 'name' && k !== 'loanword';
}

const TYPE_SET: ReadonlySet<string> = new Set(ENTITY_TYPES);

export function isEntityType(name: string): name is EntityType {
  return TYPE_SET.has(name);
}
