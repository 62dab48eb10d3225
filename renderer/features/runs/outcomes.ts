import type { OutcomeClass } from '../../../native/contract/index.js';

/** Outcome classes in the order a reader scans them, with plain names. */
export const OUTCOMES: { key: OutcomeClass; label: string; help: string }[] = [
  { key: 'hit', label: 'Hit', help: 'the entity came out right' },
  { key: 'partial', label: 'Partial', help: 'part of the entity came out right' },
  { key: 'wrong_script', label: 'Wrong script', help: 'right words, written in another script' },
  { key: 'miss', label: 'Miss', help: 'the entity is not in the hypothesis' },
];

export function outcomeLabel(o: string): string {
  return OUTCOMES.find((x) => x.key === o)?.label ?? o;
}
