/**
 * Entry of the inference worker: the one thread per process that loads
 * onnxruntime-node. It serves session loads, runs and releases, and runs
 * handler modules (`call()`) in this thread so that runners built on
 * @huggingface/transformers share the same ONNX Runtime.
 *
 * ONNX Runtime runs synchronously on this thread (its own intra-op threads do
 * the parallel work), so cancellation takes effect between runs.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { TransferListItem } from 'node:worker_threads';
import { CancelledError } from '../contract/errors.js';
import { HandlerHost } from './handler-host.js';
import type { InferenceMessage } from './inference-wire.js';
import { markInferenceThread } from './ort-guard.js';
import { loadOnnxRuntime } from './ort-loader.js';
import { threadSessionCache } from './session-cache.js';
import { forTransfer } from './tensors.js';
import type { WireTensors } from './tensors.js';
import { serializeError } from './wire.js';
import type { ReplyMessage } from './wire.js';

/** What inference.ts passes in `workerData`. */
export interface InferenceWorkerData {
  threads: number;
}

markInferenceThread();
// Set before anything can load onnxruntime-node (also set by the main
// thread, since a worker's process.env is only a copy of the environment).
process.env.ORT_DISABLE_TELEMETRY = '1';

const port = parentPort;
if (port === null) throw new Error('inference-worker.js must be started as a worker thread');
const { threads } = workerData as InferenceWorkerData;
const sessions = threadSessionCache(threads);
const post = (msg: ReplyMessage, transfer: TransferListItem[] = []): void =>
  port.postMessage(msg, transfer);
const host = new HandlerHost(post);
/** Requests being served, and those of them the caller has cancelled. */
const inFlight = new Set<number>();
const aborted = new Set<number>();

async function serve(msg: InferenceMessage): Promise<void> {
  if (msg.t !== 'abort') inFlight.add(msg.id);
  try {
    switch (msg.t) {
      case 'task':
        return await host.run(msg);
      case 'abort':
        // An abort that crossed the reply on the way is for a finished request.
        if (inFlight.has(msg.id)) aborted.add(msg.id);
        host.abort(msg.id);
        return;
      case 'load':
        post({ t: 'done', id: msg.id, output: await sessions.load(msg.path, msg.options) });
        return;
      case 'release':
        await sessions.release(msg.session);
        post({ t: 'done', id: msg.id, output: undefined });
        return;
      case 'run': {
        const outputs = await runSession(msg.id, msg.session, msg.feeds, msg.outputs);
        const { tensors, transfer } = forTransfer(outputs);
        post({ t: 'done', id: msg.id, output: tensors }, transfer);
        return;
      }
    }
  } catch (e) {
    post({ t: 'fail', id: msg.id, error: serializeError(e) });
  } finally {
    if (msg.t !== 'abort') {
      inFlight.delete(msg.id);
      aborted.delete(msg.id);
    }
  }
}

async function runSession(
  id: number,
  sessionId: string,
  feeds: WireTensors,
  outputs: string[] | undefined,
): Promise<WireTensors> {
  const ort = await loadOnnxRuntime();
  const session = sessions.get(sessionId);
  const inputs: Record<string, InstanceType<typeof ort.Tensor>> = {};
  for (const [name, t] of Object.entries(feeds)) {
    inputs[name] = new ort.Tensor(t.type as 'float32', t.data as Float32Array, t.dims);
  }
  // The last point at which a cancelled run can still be skipped.
  if (aborted.has(id)) throw new CancelledError('inference run');
  const result = outputs ? await session.run(inputs, outputs) : await session.run(inputs);
  const out: WireTensors = {};
  for (const [name, t] of Object.entries(result)) {
    out[name] = { type: t.type, dims: [...t.dims], data: t.data as Float32Array };
  }
  return out;
}

port.on('message', (msg: InferenceMessage) => void serve(msg));
