/**
 * The worker-thread side of a task: load the handler module, call the named
 * export with a `TaskContext`, and post back progress, the output (with its
 * transfer list) or the error as a plain object. Shared by pool workers and
 * the inference worker's `call()`.
 */
import type { TransferListItem } from 'node:worker_threads';
import { CancelledError } from '../contract/errors.js';
import type { TaskContext, TaskHandler } from './task.js';
import { serializeError } from './wire.js';
import type { ReplyMessage, TaskMessage } from './wire.js';

export type Post = (msg: ReplyMessage, transfer?: TransferListItem[]) => void;

export class HandlerHost {
  private readonly running = new Map<number, AbortController>();

  /**
   * @param cancelFlag shared with the main thread, which sets it when it
   *   cancels this thread's task; only for threads that run one task at a time.
   */
  constructor(
    private readonly post: Post,
    private readonly cancelFlag?: Int32Array,
  ) {}

  async run(msg: TaskMessage): Promise<void> {
    const controller = new AbortController();
    this.running.set(msg.id, controller);
    if (this.cancelFlag) Atomics.store(this.cancelFlag, 0, 0);
    const transfer: TransferListItem[] = [];
    const flag = this.cancelFlag;
    const cancelled = (): boolean =>
      controller.signal.aborted || (flag !== undefined && Atomics.load(flag, 0) === 1);
    const ctx: TaskContext = {
      signal: controller.signal,
      cancelled,
      throwIfCancelled: () => {
        if (cancelled()) throw new CancelledError(msg.fn);
      },
      progress: (p) => this.post({ t: 'progress', id: msg.id, p }),
      transfer: (...items) => transfer.push(...items),
    };
    try {
      const handler = await loadHandler(msg.module, msg.fn);
      const output = await handler(msg.input, ctx);
      this.post({ t: 'done', id: msg.id, output }, transfer);
    } catch (e) {
      this.post({ t: 'fail', id: msg.id, error: serializeError(e) });
    } finally {
      this.running.delete(msg.id);
    }
  }

  abort(id: number): void {
    this.running.get(id)?.abort(new CancelledError());
  }
}

// `import()` of an already loaded module still costs a resolve and a loader
// round trip (about a millisecond under tsx): keep each module's namespace.
const modules = new Map<string, Promise<Record<string, unknown>>>();

async function loadHandler(module: string, fn: string): Promise<TaskHandler> {
  let loading = modules.get(module);
  if (!loading) {
    loading = import(module) as Promise<Record<string, unknown>>;
    modules.set(module, loading);
    loading.catch(() => modules.delete(module));
  }
  const mod = await loading;
  const handler = mod[fn];
  if (typeof handler !== 'function') {
    throw new Error(`task module ${module} has no exported function "${fn}"`);
  }
  return handler as TaskHandler;
}
