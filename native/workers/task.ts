/**
 * Tasks: what a worker thread runs. A task is a named export of a module
 * (`{ module: URL, fn }`); modules may be registered under a short name so
 * that callers write `pool.run('dsp.resample', input)`.
 *
 * A handler module is loaded inside the worker thread, so it must not close
 * over anything from the caller: its input arrives by structured clone.
 * Name it as any import, `new URL('./x-task.js', import.meta.url)`: running
 * from source, tsx resolves that `.js` URL to the `.ts` file in the worker.
 */
import type { TransferListItem } from 'node:worker_threads';
import type { TaskProgress } from './wire.js';

/** What a handler gets besides its input. */
export interface TaskContext {
  /** Aborted when the caller cancels; observed between awaits. */
  readonly signal: AbortSignal;
  /**
   * True once the caller cancelled. Unlike `signal.aborted` this is read from
   * shared memory in a pool worker, so it is seen even by a synchronous loop
   * that never yields to the event loop.
   */
  cancelled(): boolean;
  /** Throws `CancelledError` when `cancelled()`. */
  throwIfCancelled(): void;
  progress(p: TaskProgress): void;
  /** Marks buffers of the returned output to be moved, not copied, to the caller. */
  transfer(...items: TransferListItem[]): void;
}

export type TaskHandler<I = unknown, O = unknown> = (input: I, ctx: TaskContext) => O | Promise<O>;

/** A task by module and export name. The type parameters only guide callers. */
export interface TaskRef<I = unknown, O = unknown> {
  module: URL | string;
  fn: string;
  /** Phantom fields carrying the handler's types; never set. */
  readonly __input?: I;
  readonly __output?: O;
}

export function defineTask<I, O>(module: URL | string, fn: string): TaskRef<I, O> {
  return { module, fn };
}

const registry = new Map<string, string>();

/**
 * Registers a handler module under `name`; its exports are then addressed as
 * `name.fn`. Re-registering the same name with another module is a bug.
 */
export function registerTaskModule(name: string, module: URL | string): void {
  if (name.length === 0 || name.includes('.')) {
    throw new Error(`task module name must be non-empty and contain no '.': ${name}`);
  }
  const href = String(module);
  const existing = registry.get(name);
  if (existing !== undefined && existing !== href) {
    throw new Error(`task module "${name}" is already registered as ${existing}`);
  }
  registry.set(name, href);
}

/** A task resolved to what a worker needs: the module's href and the export. */
export interface ResolvedTask {
  label: string;
  module: string;
  fn: string;
}

export function resolveTask(task: string | TaskRef<unknown, unknown>): ResolvedTask {
  if (typeof task !== 'string') {
    const module = String(task.module);
    return {
      label: `${module.slice(module.lastIndexOf('/') + 1)}#${task.fn}`,
      module,
      fn: task.fn,
    };
  }
  const dot = task.lastIndexOf('.');
  const name = dot > 0 ? task.slice(0, dot) : '';
  const module = registry.get(name);
  if (module === undefined || dot === task.length - 1) {
    throw new Error(
      `unknown task "${task}": register its module with registerTaskModule(name, url) and call it as "name.fn"`,
    );
  }
  return { label: task, module, fn: task.slice(dot + 1) };
}
