/**
 * @huggingface/transformers as the runners inside the inference worker use
 * it: onnxruntime-node first (from the loader that sets its switches), local
 * files only, CPU, the worker's thread count. Shared by the Whisper and
 * seq2seq translation runners.
 */
import { basename, dirname } from 'node:path';
import { workerData } from 'node:worker_threads';
import type * as TransformersModule from '@huggingface/transformers';
import { loadOnnxRuntime } from './ort-loader.js';

export type Transformers = typeof TransformersModule;

/** transformers.js with remote models off. */
export async function localTransformers(): Promise<Transformers> {
  await loadOnnxRuntime();
  const tf = await import('@huggingface/transformers');
  Object.assign(tf.env, { allowRemoteModels: false, allowLocalModels: true });
  return tf;
}

// `env.localModelPath` is global: loads run one at a time so that each
// pipeline reads the folder it was started for.
let loadChain: Promise<unknown> = Promise.resolve();

/**
 * A pipeline for `task` from the model folder `dir`, its ONNX files at the
 * given dtypes (by file stem).
 */
export function loadLocalPipeline<P>(
  task: string,
  dir: string,
  dtype: Record<string, string>,
): Promise<P> {
  const start = async (): Promise<P> => {
    const tf = await localTransformers();
    tf.env.localModelPath = dirname(dir) + '/';
    const threads = (workerData as { threads?: number } | null)?.threads;
    const pipe = await tf.pipeline(task as never, basename(dir), {
      local_files_only: true,
      device: 'cpu',
      dtype: dtype as never,
      ...(threads ? { session_options: { intraOpNumThreads: threads } } : {}),
    });
    return pipe as unknown as P;
  };
  const q = loadChain.then(start, start);
  loadChain = q.catch(() => undefined);
  return q;
}
