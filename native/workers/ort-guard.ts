/**
 * onnxruntime-node may be loaded by exactly one thread per process: loading
 * it in several worker threads crashes the process and loading it twice
 * aborts it. The inference worker is that thread. This guard turns a stray
 * load anywhere else (the main thread, a pool worker) into a clear error
 * instead of a native crash.
 *
 * The native binding is loaded with `require()` of a `.node` file, which goes
 * through `process.dlopen`; `process` is per thread, so wrapping it there
 * guards exactly the thread that installed it, whichever way the package was
 * reached (`import`, `require`, or @huggingface/transformers).
 */
import { createRequire } from 'node:module';

const INFERENCE_THREAD = Symbol.for('charkha.workers.inferenceThread');
const GUARD_INSTALLED = Symbol.for('charkha.workers.ortGuard');

type Flags = { [INFERENCE_THREAD]?: boolean; [GUARD_INSTALLED]?: boolean };
const flags = globalThis as Flags;

const ORT_BINDING = /onnxruntime_binding\.node$/;

export const NOT_INFERENCE_THREAD_MESSAGE =
  'onnxruntime-node may only be loaded in the inference worker (one per process); ' +
  'run models through getInferenceWorker() from native/workers/inference.js ' +
  '(loadSession/run, or call() for a runner module that uses ONNX Runtime or @huggingface/transformers)';

/** Called once by the inference worker's entry, before it loads onnxruntime-node. */
export function markInferenceThread(): void {
  flags[INFERENCE_THREAD] = true;
}

export function isInferenceThread(): boolean {
  return flags[INFERENCE_THREAD] === true;
}

/** For runners: throws unless this code runs inside the inference worker. */
export function assertInferenceThread(): void {
  if (!isInferenceThread()) throw new Error(NOT_INFERENCE_THREAD_MESSAGE);
}

/**
 * Makes any later load of onnxruntime-node's native binding on this thread
 * throw. Idempotent. Installed by the pool's workers, by the main thread when
 * it starts a pool or the inference worker, and by the engine at startup.
 */
export function installOrtGuard(): void {
  if (flags[GUARD_INSTALLED] === true || isInferenceThread()) return;
  flags[GUARD_INSTALLED] = true;
  const dlopen = process.dlopen.bind(process);
  process.dlopen = (module: object, filename: string, ...rest: unknown[]): void => {
    if (ORT_BINDING.test(filename) && !isInferenceThread()) {
      throw new Error(NOT_INFERENCE_THREAD_MESSAGE);
    }
    return (dlopen as (...args: unknown[]) => void)(module, filename, ...rest);
  };
}

/**
 * True when onnxruntime-node's native binding is already loaded on this
 * thread (something imported it before the guard was installed). Starting the
 * inference worker then would load it a second time in the process.
 */
export function ortLoadedOnThisThread(): boolean {
  const cache = createRequire(import.meta.url).cache;
  return Object.keys(cache).some((k) => ORT_BINDING.test(k));
}
