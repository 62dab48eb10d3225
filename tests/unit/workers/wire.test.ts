import { describe, expect, it } from 'vitest';
import { CancelledError, UserError } from '../../../native/contract/errors.js';
import { deserializeError, serializeError } from '../../../native/workers/wire.js';

/** Through structured clone, as across a thread boundary. */
const roundTrip = (e: unknown): Error => deserializeError(structuredClone(serializeError(e)));

describe('errors on the wire', () => {
  it('keeps a UserError with code, hint and stack', () => {
    const original = new UserError('not_found', 'no such model', 'import it first');
    const e = roundTrip(original);
    expect(e).toBeInstanceOf(UserError);
    expect(e).toMatchObject({
      code: 'not_found',
      message: 'no such model',
      hint: 'import it first',
    });
    expect(e.stack).toBe(original.stack);
  });

  it('keeps a CancelledError a CancelledError', () => {
    const e = roundTrip(new CancelledError('transcription'));
    expect(e).toBeInstanceOf(CancelledError);
    expect(e.message).toBe('transcription was cancelled');
  });

  it('recognises a UserError from another copy of the contract by its code', () => {
    const foreign = Object.assign(new Error('bad flag'), { name: 'UserError', code: 'bad_input' });
    expect(roundTrip(foreign)).toBeInstanceOf(UserError);
  });

  it('keeps other errors internal, with name and message', () => {
    const e = roundTrip(new RangeError('out of range'));
    expect(e).not.toBeInstanceOf(UserError);
    expect(e).toMatchObject({ name: 'RangeError', message: 'out of range' });
    expect(roundTrip('a string')).toMatchObject({ name: 'Error', message: 'a string' });
    // An unknown code is not a user error.
    expect(roundTrip(Object.assign(new Error('x'), { code: 'ENOENT' }))).not.toBeInstanceOf(
      UserError,
    );
  });
});
