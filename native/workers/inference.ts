/**
 * The inference worker, seen from the main thread: one worker thread per
 * process owns onnxruntime-node (loading it in several threads crashes the
 * process, loading it twice aborts it). Everything that runs an ONNX model
 * goes through `getInferenceWorker()`: tensor-level `loadSession`/`run`, or
 * `call()` for a runner module that must execute inside that thread (runners
 * built on @huggingface/transformers, which loads onnxruntime-node itself).
 *
 * Cancellation: the caller's promise rejects with `CancelledError` as soon as
 * its signal aborts; the worker skips a run that has not started and aborts a
 * `call` handler's `ctx.signal`. A native run already in progress finishes
 * and its result is dropped: the thread is never terminated to stop one,
 * because that would throw away every loaded session.
 */
import { availableParallelism } from 'node:os';
import { isMainThread } from 'node:worker_threads';
import type { TransferListItem, Worker } from 'node:worker_threads';
import { CancelledError } from '../contract/errors.js';
import type { InferenceWorkerData } from './inference-worker.js';
import type { InferenceMessage } from './inference-wire.js';
import { installOrtGuard, ortLoadedOnThisThread } from './ort-guard.js';
import type { SessionInfo, SessionOptions } from './session-cache.js';
import { siblingModule, spawnWorker } from './spawn-worker.js';
import { forTransfer } from './tensors.js';
import type { WireTensors } from './tensors.js';
import { deserializeError } from './wire.js';
import type { ReplyMessage, TaskProgress } from './wire.js';

export type { SessionInfo, SessionOptions, ValueInfo } from './session-cache.js';
export type { TensorType, TypedArray, WireTensor, WireTensors } from './tensors.js';

export interface InferenceWorkerOptions {
  /**
   * ONNX Runtime intra-op threads per session. Default: the environment
   * variable CHARKHA_INFERENCE_THREADS, else every core the process may use.
   */
  threads?: number;
}

export interface InferenceRunOptions {
  signal?: AbortSignal;
  /** Copy the feeds instead of transferring them (the caller keeps its arrays). */
  copyInputs?: boolean;
}

export interface InferenceCallOptions {
  signal?: AbortSignal;
  onProgress?: (p: TaskProgress) => void;
  transfer?: TransferListItem[];
}

interface Pending {
  resolve: (v: unknown) => void;
  reject: (e: Error) => void;
  onProgress?: (p: TaskProgress) => void;
  detach: () => void;
}

type Outgoing = InferenceMessage extends infer M
  ? M extends { id: number }
    ? Omit<M, 'id'>
    : never
  : never;

export class InferenceWorker {
  readonly threads: number;
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private readonly exited: Promise<void>;
  private nextId = 1;
  private crash: Error | null = null;
  private stopped: Error | null = null;

  constructor(options: InferenceWorkerOptions = {}) {
    this.threads = inferenceThreads(options);
    // The main thread's process.env is the real environment, which ONNX
    // Runtime's native code reads; the worker's is only a JS copy.
    process.env.ORT_DISABLE_TELEMETRY = '1';
    const entry = siblingModule('./inference-worker.js', import.meta.url);
    const workerData: InferenceWorkerData = { threads: this.threads };
    this.worker = spawnWorker(entry, { workerData });
    this.worker.unref();
    this.worker.on('message', (msg: ReplyMessage) => this.onMessage(msg));
    this.worker.on('error', (e: Error) => (this.crash = e));
    this.exited = new Promise((resolve) =>
      this.worker.on('exit', (code: number) => {
        this.onExit(code);
        resolve();
      }),
    );
  }

  /** Loads a model, or returns the cached session (same id) for the same file and options. */
  loadSession(
    modelPath: string,
    options: SessionOptions = {},
    opts: { signal?: AbortSignal } = {},
  ): Promise<SessionInfo> {
    return this.request(
      { t: 'load', path: modelPath, options },
      opts.signal,
    ) as Promise<SessionInfo>;
  }

  /**
   * Runs a session. Feed buffers are transferred to the worker (the caller's
   * arrays are detached unless `copyInputs`); output buffers are transferred back.
   */
  run(
    sessionId: string,
    feeds: WireTensors,
    outputNames?: string[],
    opts: InferenceRunOptions = {},
  ): Promise<WireTensors> {
    const { tensors, transfer } = forTransfer(feeds, opts.copyInputs);
    const msg: Outgoing = { t: 'run', session: sessionId, feeds: tensors };
    if (outputNames) msg.outputs = outputNames;
    return this.request(msg, opts.signal, undefined, transfer) as Promise<WireTensors>;
  }

  /** Drops one reference to a session; it is disposed with the last one. */
  async release(sessionId: string): Promise<void> {
    await this.request({ t: 'release', session: sessionId });
  }

  /**
   * Runs the exported function `fn` of `module` inside the inference thread,
   * with the same `(input, ctx)` handler contract as the worker pool.
   */
  call<I, O>(
    module: URL | string,
    fn: string,
    input: I,
    opts: InferenceCallOptions = {},
  ): Promise<O> {
    const msg: Outgoing = { t: 'task', module: String(module), fn, input };
    return this.request(msg, opts.signal, opts.onProgress, opts.transfer ?? []) as Promise<O>;
  }

  /** Stops the thread; pending requests reject. Loaded sessions are gone. */
  async close(): Promise<void> {
    this.stopped ??= new Error('the inference worker was closed');
    await this.worker.terminate();
    await this.exited;
  }

  private request(
    body: Outgoing,
    signal?: AbortSignal,
    onProgress?: (p: TaskProgress) => void,
    transfer: TransferListItem[] = [],
  ): Promise<unknown> {
    return new Promise((resolve, reject) => {
      if (this.stopped) throw new Error(this.stopped.message, { cause: this.stopped.cause });
      if (signal?.aborted) throw new CancelledError(describe(body));
      const id = this.nextId++;
      const entry: Pending = { resolve, reject, detach: () => {} };
      if (onProgress) entry.onProgress = onProgress;
      if (signal) {
        const onAbort = (): void => {
          if (!this.pending.has(id)) return;
          this.settled(id);
          this.worker.postMessage({ t: 'abort', id } satisfies InferenceMessage);
          reject(new CancelledError(describe(body)));
        };
        signal.addEventListener('abort', onAbort, { once: true });
        entry.detach = () => signal.removeEventListener('abort', onAbort);
      }
      this.pending.set(id, entry);
      // Keep the process alive while it waits for an answer, not longer.
      this.worker.ref();
      try {
        this.worker.postMessage({ ...body, id } as InferenceMessage, transfer);
      } catch (e) {
        this.settled(id);
        throw e;
      }
    });
  }

  private onMessage(msg: ReplyMessage): void {
    const entry = this.pending.get(msg.id);
    if (!entry) return; // cancelled: its late result is dropped
    if (msg.t === 'progress') {
      entry.onProgress?.(msg.p);
      return;
    }
    this.settled(msg.id);
    if (msg.t === 'done') entry.resolve(msg.output);
    else entry.reject(deserializeError(msg.error));
  }

  private settled(id: number): void {
    this.pending.get(id)?.detach();
    this.pending.delete(id);
    if (this.pending.size === 0) this.worker.unref();
  }

  private onExit(code: number): void {
    const why = this.crash ? this.crash.message : `exit code ${code}`;
    this.stopped ??= new Error(`the inference worker stopped unexpectedly: ${why}`, {
      cause: this.crash ?? undefined,
    });
    for (const [id, entry] of [...this.pending]) {
      this.settled(id);
      entry.reject(new Error(this.stopped.message, { cause: this.stopped.cause }));
    }
    const g = globalThis as Singleton;
    if (g[SINGLETON] === this) delete g[SINGLETON];
  }
}

function describe(body: Outgoing): string {
  return body.t === 'task' ? body.fn : `inference ${body.t}`;
}

function inferenceThreads(options: InferenceWorkerOptions): number {
  const fromEnv = Number(process.env.CHARKHA_INFERENCE_THREADS);
  const n = options.threads ?? (fromEnv > 0 ? fromEnv : availableParallelism());
  return Math.max(1, Math.floor(n));
}

// On globalThis rather than in a module variable: two copies of this module
// (source and dist, or two bundles) must still share one thread.
const SINGLETON = Symbol.for('charkha.workers.inferenceWorker');
type Singleton = { [SINGLETON]?: InferenceWorker };

/**
 * The process's inference worker, started on first use. `options` apply only
 * to the call that starts it. Main thread only: a worker thread that started
 * its own would be a second thread loading onnxruntime-node. After the
 * worker crashes or is closed, the next call starts a fresh one.
 */
export function getInferenceWorker(options: InferenceWorkerOptions = {}): InferenceWorker {
  if (!isMainThread) {
    throw new Error(
      'getInferenceWorker() may only be called on the main thread; ' +
        'pass the work back to it, or run it inside the inference worker with call()',
    );
  }
  installOrtGuard();
  const g = globalThis as Singleton;
  if (!g[SINGLETON] && ortLoadedOnThisThread()) {
    throw new Error(
      'onnxruntime-node is already loaded on the main thread, so the inference worker cannot ' +
        'load it too; import it (or @huggingface/transformers) only in modules run by call()',
    );
  }
  g[SINGLETON] ??= new InferenceWorker(options);
  return g[SINGLETON];
}

/** Closes the process's inference worker if it was started (shutdown, tests). */
export async function closeInferenceWorker(): Promise<void> {
  // The singleton is cleared by the exit handler, not here: until the old
  // thread has exited, a new one must not start loading onnxruntime-node.
  await (globalThis as Singleton)[SINGLETON]?.close();
}
