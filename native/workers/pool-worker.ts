/**
 * Entry of a pool worker thread: runs one task at a time for `WorkerPool`.
 * Pool workers never load ONNX Runtime (see ort-guard.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { HandlerHost } from './handler-host.js';
import { installOrtGuard } from './ort-guard.js';
import type { AbortMessage, TaskMessage } from './wire.js';

/** What the pool passes in `workerData`. */
export interface PoolWorkerData {
  /** One Int32 the pool sets to 1 to cancel the running task. */
  cancelFlag: SharedArrayBuffer;
}

installOrtGuard();

const port = parentPort;
if (port === null) throw new Error('pool-worker.js must be started as a worker thread');
const { cancelFlag } = workerData as PoolWorkerData;
const host = new HandlerHost(
  (msg, transfer) => port.postMessage(msg, transfer ?? []),
  new Int32Array(cancelFlag),
);

port.on('message', (msg: TaskMessage | AbortMessage) => {
  if (msg.t === 'task') void host.run(msg);
  else host.abort(msg.id);
});
