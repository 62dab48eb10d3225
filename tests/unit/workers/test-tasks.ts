/**
 * Handlers the pool tests run inside worker threads. Loaded by URL in the
 * worker, so nothing here may depend on the test's own state.
 */
import { threadId } from 'node:worker_threads';
import { UserError } from '../../../native/contract/errors.js';
import type { TaskContext } from '../../../native/workers/task.js';

/** Blocks its thread for `ms` (no awaits) and says which thread it ran on. */
export function spin(input: { ms: number }): { threadId: number; start: number; end: number } {
  const start = Date.now();
  while (Date.now() - start < input.ms) {
    // busy on purpose: parallelism is measured by overlapping intervals
  }
  return { threadId, start, end: Date.now() };
}

export async function count(input: { n: number }, ctx: TaskContext): Promise<number> {
  for (let i = 1; i <= input.n; i++) {
    ctx.progress({ done: i, total: input.n, message: `step ${i}` });
    await new Promise((r) => setTimeout(r, 1));
  }
  return input.n;
}

/** Sums a Float32Array and hands back a transferred buffer. */
export function sumAndDouble(input: { data: Float32Array }, ctx: TaskContext): Float32Array {
  const out = input.data.map((x) => x * 2);
  ctx.transfer(out.buffer);
  return out;
}

export function failUser(input: { message: string }): never {
  throw new UserError('bad_input', input.message, 'try another value');
}

export function failInternal(): never {
  throw new TypeError('internal boom');
}

/** Ignores cancellation entirely: the pool must terminate its thread. */
export function busyForever(_input: unknown, ctx: TaskContext): never {
  ctx.progress({ done: 0, message: 'started' });
  for (;;) {
    // a handler that never checks ctx: only termination stops it
  }
}

/** A synchronous loop that polls ctx.cancelled(): stops without termination. */
export function busyPolite(_input: unknown, ctx: TaskContext): number {
  ctx.progress({ done: 0, message: 'started' });
  let i = 0;
  while (!ctx.cancelled()) i++;
  ctx.throwIfCancelled();
  return i;
}

/** Waits for the abort signal and then throws the CancelledError it carries. */
export async function waitForAbort(_input: unknown, ctx: TaskContext): Promise<never> {
  ctx.progress({ done: 0, message: 'started' });
  return new Promise((_resolve, reject) => {
    ctx.signal.addEventListener('abort', () => reject(ctx.signal.reason as Error));
  });
}

export function exitThread(): never {
  process.exit(3);
}

export function throwLater(): Promise<never> {
  setTimeout(() => {
    throw new Error('uncaught in worker');
  }, 1);
  return new Promise(() => {});
}

/** Tries to load onnxruntime-node in a pool worker, which the guard forbids. */
export async function importOrt(): Promise<string> {
  await import('onnxruntime-node');
  return 'loaded';
}

export function threadInfo(): number {
  return threadId;
}
