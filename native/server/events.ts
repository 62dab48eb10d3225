import { EventEmitter } from 'node:events';
import type { EngineEvent } from '../contract/jobs.js';

/** Engine events (progress, job state, logs) fanned out to every face that listens. */
export class EventBus {
  private readonly emitter = new EventEmitter();

  emit(e: EngineEvent): void {
    this.emitter.emit('event', e);
  }

  subscribe(fn: (e: EngineEvent) => void): () => void {
    this.emitter.on('event', fn);
    return () => this.emitter.off('event', fn);
  }
}
