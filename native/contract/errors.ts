/**
 * Errors that cross the engine's boundary. A `UserError` is something the
 * user can fix (bad input, wrong flag, missing file): the CLI prints its
 * message on one line and exits 1; the UI shows it as "what happened, what to
 * do". Anything else is an internal error (exit 2) and is a bug.
 */
export type UserErrorCode =
  | 'bad_input'
  | 'not_found'
  | 'conflict'
  | 'locked'
  | 'newer_schema'
  | 'unsupported'
  | 'cancelled'
  | 'model_invalid';

export class UserError extends Error {
  readonly code: UserErrorCode;
  /** What the user can do about it, when there is something to say. */
  readonly hint: string | undefined;

  constructor(code: UserErrorCode, message: string, hint?: string) {
    super(message);
    this.name = 'UserError';
    this.code = code;
    this.hint = hint;
  }
}

/** Raised when a long operation is cancelled through its AbortSignal. */
export class CancelledError extends UserError {
  constructor(what = 'operation') {
    super('cancelled', `${what} was cancelled`);
    this.name = 'CancelledError';
  }
}

export function isUserError(e: unknown): e is UserError {
  return e instanceof UserError;
}
