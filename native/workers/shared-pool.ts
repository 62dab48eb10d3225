import { WorkerPool } from './pool.js';

let shared: WorkerPool | null = null;

/**
 * The process's pool for CPU work without ONNX Runtime. One per process, so
 * that an import, a scoring run and TTS running together share the cores
 * instead of each starting its own threads. Idle workers never keep the
 * process alive, so nobody has to close it.
 */
export function sharedPool(): WorkerPool {
  if (!shared) shared = new WorkerPool();
  return shared;
}
