import { UserError } from '../contract/errors.js';

/** A count option (`--beams`, `--batch-size`, …): kept apart so a command that reads one loads no other command. */
export function wholeNumber(flag: string, v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) {
    throw new UserError('bad_input', `${flag} must be a whole number of at least 1, not "${v}"`);
  }
  return n;
}
