/**
 * Handlers the inference tests run inside the inference thread with call().
 */
import { createRequire } from 'node:module';
import { threadId } from 'node:worker_threads';
import { assertInferenceThread } from '../../../native/workers/ort-guard.js';
import { loadOnnxRuntime } from '../../../native/workers/ort-loader.js';
import { threadSessionCache } from '../../../native/workers/session-cache.js';
import type { TaskContext } from '../../../native/workers/task.js';

export function whereAmI(): { threadId: number; telemetryOff: boolean } {
  assertInferenceThread();
  return { threadId, telemetryOff: process.env.ORT_DISABLE_TELEMETRY === '1' };
}

/** Runs the tiny model from inside the thread, sharing the session cache. */
export async function runTinyInThread(input: {
  modelPath: string;
}): Promise<{ id: string; y: number[] }> {
  const ort = await loadOnnxRuntime();
  const cache = threadSessionCache();
  const info = await cache.load(input.modelPath);
  try {
    const session = cache.get(info.id);
    const out = await session.run({
      a: new ort.Tensor('float32', new Float32Array([1, 2, 3]), [1, 3]),
      b: new ort.Tensor('float32', new Float32Array([0, 0, 0]), [3]),
    });
    return { id: info.id, y: Array.from(out.y.data as Float32Array) };
  } finally {
    await cache.release(info.id);
  }
}

/**
 * Imports @huggingface/transformers after onnxruntime-node in this thread and
 * runs one of its ONNX-backed tensor ops: the two must share one ORT.
 */
export async function transformersShareOrt(): Promise<{
  same: boolean;
  bindings: number;
  product: number[];
}> {
  const ort = await loadOnnxRuntime();
  const tf = await import('@huggingface/transformers');
  const require = createRequire(import.meta.url);
  const fromTransformers = createRequire(require.resolve('@huggingface/transformers'))(
    'onnxruntime-node',
  ) as typeof ort;
  const a = new tf.Tensor('float32', new Float32Array([1, 2, 3, 4]), [2, 2]);
  const b = new tf.Tensor('float32', new Float32Array([1, 0, 0, 1]), [2, 2]);
  const product = await tf.matmul(a, b);
  return {
    same: fromTransformers.InferenceSession === ort.InferenceSession,
    // One native binding in this thread's module cache: never loaded twice.
    bindings: Object.keys(require.cache).filter((k) => k.endsWith('onnxruntime_binding.node'))
      .length,
    product: Array.from(product.data as Float32Array),
  };
}

/** Steps until cancelled, reporting progress; rejects with the abort reason. */
export async function stepUntilCancelled(_input: unknown, ctx: TaskContext): Promise<never> {
  for (let i = 0; ; i++) {
    ctx.progress({ done: i, message: 'stepping' });
    await new Promise((r) => setTimeout(r, 5));
    ctx.throwIfCancelled();
  }
}
