/**
 * What crosses a worker-thread boundary: the messages between a pool or the
 * inference worker and its threads, and errors as plain objects. Class
 * identity does not survive structured clone, so a `UserError` travels as
 * its fields and is rebuilt on the receiving side with its code intact.
 */
import { CancelledError, UserError } from '../contract/errors.js';
import type { UserErrorCode } from '../contract/errors.js';

/** Progress a handler reports; forwarded unchanged to the caller. */
export interface TaskProgress {
  done: number;
  total?: number;
  message?: string;
}

export interface SerializedError {
  name: string;
  message: string;
  stack?: string;
  /** Present only for a `UserError` (and so for a `CancelledError`). */
  code?: UserErrorCode;
  hint?: string;
}

/** Main thread → worker: run exported function `fn` of module `module` (a URL href). */
export interface TaskMessage {
  t: 'task';
  id: number;
  module: string;
  fn: string;
  input: unknown;
}

export interface AbortMessage {
  t: 'abort';
  id: number;
}

/** Worker → main thread. */
export type ReplyMessage =
  | { t: 'progress'; id: number; p: TaskProgress }
  | { t: 'done'; id: number; output: unknown }
  | { t: 'fail'; id: number; error: SerializedError };

const USER_ERROR_CODES: ReadonlySet<string> = new Set<UserErrorCode>([
  'bad_input',
  'not_found',
  'conflict',
  'locked',
  'newer_schema',
  'unsupported',
  'cancelled',
  'model_invalid',
]);

export function serializeError(e: unknown): SerializedError {
  if (!(e instanceof Error)) return { name: 'Error', message: String(e) };
  const out: SerializedError = { name: e.name, message: e.message };
  if (e.stack !== undefined) out.stack = e.stack;
  // Duck-typed rather than `instanceof UserError`: a handler module loaded
  // from another copy of the contract (dist vs source) is still recognised.
  const code = (e as { code?: unknown }).code;
  if (typeof code === 'string' && USER_ERROR_CODES.has(code)) {
    out.code = code as UserErrorCode;
    const hint = (e as { hint?: unknown }).hint;
    if (typeof hint === 'string') out.hint = hint;
  }
  return out;
}

export function deserializeError(s: SerializedError): Error {
  let e: Error;
  if (s.code === 'cancelled') {
    e = new CancelledError();
    e.message = s.message;
  } else if (s.code !== undefined) {
    e = new UserError(s.code, s.message, s.hint);
  } else {
    e = new Error(s.message);
    e.name = s.name;
  }
  // The worker's stack is the one that says where it went wrong.
  if (s.stack !== undefined) e.stack = s.stack;
  return e;
}
