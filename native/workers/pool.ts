/**
 * A bounded pool of worker threads for CPU work that does not use ONNX
 * Runtime: DSP, scoring, espeak-ng WASM. (Inference has its own single
 * thread: see inference.ts.)
 *
 * Workers start on demand, run one task at a time, and are replaced when
 * they crash or are terminated. Cancelling a queued task drops it; cancelling
 * a running one signals the handler (`ctx.signal`, `ctx.cancelled()`), and a
 * handler that has not stopped after `cancelGraceMs` has its thread
 * terminated. Idle workers are unref'd so they never keep the process alive.
 */
import { availableParallelism } from 'node:os';
import type { TransferListItem, Worker } from 'node:worker_threads';
import { CancelledError } from '../contract/errors.js';
import { installOrtGuard } from './ort-guard.js';
import type { PoolWorkerData } from './pool-worker.js';
import { siblingModule, spawnWorker } from './spawn-worker.js';
import { resolveTask } from './task.js';
import type { ResolvedTask, TaskRef } from './task.js';
import { deserializeError } from './wire.js';
import type { AbortMessage, ReplyMessage, TaskMessage, TaskProgress } from './wire.js';

export interface WorkerPoolOptions {
  /** Worker threads at most; default: all cores the process may use but one. */
  size?: number;
  /** How long a cancelled running task may take to stop before its thread is terminated. */
  cancelGraceMs?: number;
  /** Queue length from which `ready()` waits; default twice the size. */
  highWaterMark?: number;
}

export interface RunOptions {
  signal?: AbortSignal;
  onProgress?: (p: TaskProgress) => void;
  /** Buffers in `input` to move to the worker instead of copying (the caller loses them). */
  transfer?: TransferListItem[];
}

export interface PoolStats {
  size: number;
  workers: number;
  busy: number;
  queued: number;
}

interface Job {
  id: number;
  task: ResolvedTask;
  input: unknown;
  opts: RunOptions;
  resolve: (v: unknown) => void;
  reject: (e: Error) => void;
  detach: () => void;
  cancelled: boolean;
}

interface Slot {
  worker: Worker;
  flag: Int32Array;
  job: Job | null;
  grace: NodeJS.Timeout | null;
  /** The uncaught error that is about to end this thread, if any. */
  crash: Error | null;
  gone: boolean;
}

export function defaultPoolSize(): number {
  return Math.max(1, availableParallelism() - 1);
}

export class WorkerPool {
  readonly size: number;
  private readonly cancelGraceMs: number;
  private readonly highWaterMark: number;
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private readonly readyWaiters: (() => void)[] = [];
  private nextId = 1;
  private closed = false;

  constructor(options: WorkerPoolOptions = {}) {
    this.size = Math.max(1, Math.floor(options.size ?? defaultPoolSize()));
    this.cancelGraceMs = options.cancelGraceMs ?? 1000;
    this.highWaterMark = Math.max(1, options.highWaterMark ?? this.size * 2);
    // A process that uses a pool has decided where ONNX Runtime lives.
    installOrtGuard();
  }

  /** Runs `task` on a worker; rejects with `CancelledError` if `opts.signal` aborts first. */
  run<I, O>(task: string | TaskRef<I, O>, input: I, opts: RunOptions = {}): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      if (this.closed) throw new Error('worker pool is closed');
      const resolved = resolveTask(task as string | TaskRef);
      const { signal } = opts;
      if (signal?.aborted) throw new CancelledError(resolved.label);
      const job: Job = {
        id: this.nextId++,
        task: resolved,
        input,
        opts,
        resolve: resolve as (v: unknown) => void,
        reject,
        detach: () => {},
        cancelled: false,
      };
      if (signal) {
        const onAbort = (): void => this.cancel(job);
        signal.addEventListener('abort', onAbort, { once: true });
        job.detach = () => signal.removeEventListener('abort', onAbort);
      }
      this.queue.push(job);
      this.pump();
    });
  }

  /**
   * Back-pressure: resolves once the queue is below the high-water mark, so a
   * producer can `await pool.ready()` before each `run()`.
   */
  ready(): Promise<void> {
    if (this.queue.length < this.highWaterMark || this.closed) return Promise.resolve();
    return new Promise((resolve) => this.readyWaiters.push(resolve));
  }

  stats(): PoolStats {
    return {
      size: this.size,
      workers: this.slots.length,
      busy: this.slots.filter((s) => s.job !== null).length,
      queued: this.queue.length,
    };
  }

  /** Terminates every worker; pending and queued tasks reject. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const closedError = (): Error => new Error('worker pool was closed');
    for (const job of this.queue.splice(0)) this.settle(job, closedError());
    const slots = this.slots.splice(0);
    await Promise.all(
      slots.map((slot) => {
        slot.gone = true;
        if (slot.grace) clearTimeout(slot.grace);
        if (slot.job) this.settle(slot.job, closedError());
        slot.job = null;
        return slot.worker.terminate();
      }),
    );
    this.flushReady();
  }

  private pump(): void {
    while (this.queue.length > 0 && !this.closed) {
      const slot =
        this.slots.find((s) => s.job === null) ??
        (this.slots.length < this.size ? this.spawn() : undefined);
      if (!slot) break;
      this.start(slot, this.queue.shift()!);
    }
    this.flushReady();
  }

  private flushReady(): void {
    if (this.queue.length >= this.highWaterMark && !this.closed) return;
    for (const wake of this.readyWaiters.splice(0)) wake();
  }

  private spawn(): Slot {
    const entry = siblingModule('./pool-worker.js', import.meta.url);
    const cancelFlag = new SharedArrayBuffer(4);
    const workerData: PoolWorkerData = { cancelFlag };
    const worker = spawnWorker(entry, { workerData });
    const slot: Slot = {
      worker,
      flag: new Int32Array(cancelFlag),
      job: null,
      grace: null,
      crash: null,
      gone: false,
    };
    worker.on('message', (msg: ReplyMessage) => this.onMessage(slot, msg));
    worker.on('error', (e: Error) => (slot.crash = e));
    worker.on('exit', (code: number) => this.onExit(slot, code));
    this.slots.push(slot);
    return slot;
  }

  private start(slot: Slot, job: Job): void {
    slot.job = job;
    slot.worker.ref();
    const msg: TaskMessage = {
      t: 'task',
      id: job.id,
      module: job.task.module,
      fn: job.task.fn,
      input: job.input,
    };
    try {
      slot.worker.postMessage(msg, job.opts.transfer ?? []);
    } catch (e) {
      // Input that cannot be cloned: the worker never saw the task.
      this.release(slot);
      this.settle(job, e instanceof Error ? e : new Error(String(e)));
    }
  }

  private onMessage(slot: Slot, msg: ReplyMessage): void {
    const job = slot.job;
    if (!job || msg.id !== job.id) return;
    if (msg.t === 'progress') {
      if (!job.cancelled) job.opts.onProgress?.(msg.p);
      return;
    }
    this.release(slot);
    if (msg.t === 'done' && !job.cancelled) this.settle(job, undefined, msg.output);
    else if (msg.t === 'fail' && (!job.cancelled || msg.error.code === 'cancelled')) {
      this.settle(job, deserializeError(msg.error));
    } else this.settle(job, new CancelledError(job.task.label));
    this.pump();
  }

  private onExit(slot: Slot, code: number): void {
    if (slot.gone) return; // terminated on purpose; its task is already settled
    this.drop(slot);
    const job = slot.job;
    if (job) {
      slot.job = null;
      const why = slot.crash ? slot.crash.message : `exit code ${code}`;
      const e = job.cancelled
        ? new CancelledError(job.task.label)
        : new Error(`worker thread crashed while running task "${job.task.label}": ${why}`, {
            cause: slot.crash ?? undefined,
          });
      this.settle(job, e);
    }
    this.pump();
  }

  private cancel(job: Job): void {
    const queued = this.queue.indexOf(job);
    if (queued >= 0) {
      this.queue.splice(queued, 1);
      this.settle(job, new CancelledError(job.task.label));
      this.flushReady();
      return;
    }
    const slot = this.slots.find((s) => s.job === job);
    if (!slot || job.cancelled) return;
    job.cancelled = true;
    // The flag reaches a handler stuck in a synchronous loop; the message
    // aborts `ctx.signal` for one that awaits.
    Atomics.store(slot.flag, 0, 1);
    const abort: AbortMessage = { t: 'abort', id: job.id };
    slot.worker.postMessage(abort);
    slot.grace = setTimeout(() => {
      if (slot.job !== job) return;
      slot.job = null;
      this.drop(slot);
      void slot.worker.terminate();
      this.settle(job, new CancelledError(job.task.label));
      this.pump();
    }, this.cancelGraceMs);
  }

  /** The slot's task ended; the thread stays for the next one. */
  private release(slot: Slot): void {
    if (slot.grace) clearTimeout(slot.grace);
    slot.grace = null;
    slot.job = null;
    slot.worker.unref();
  }

  /** Forget a thread that is ending; `pump()` starts a replacement on demand. */
  private drop(slot: Slot): void {
    slot.gone = true;
    if (slot.grace) clearTimeout(slot.grace);
    slot.grace = null;
    const i = this.slots.indexOf(slot);
    if (i >= 0) this.slots.splice(i, 1);
  }

  private settle(job: Job, error: Error | undefined, output?: unknown): void {
    job.detach();
    if (error) job.reject(error);
    else job.resolve(output);
  }
}
