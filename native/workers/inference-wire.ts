/** Messages from the main thread to the inference worker (replies are `ReplyMessage`). */
import type { SessionOptions } from './session-cache.js';
import type { WireTensors } from './tensors.js';
import type { AbortMessage, TaskMessage } from './wire.js';

export interface LoadMessage {
  t: 'load';
  id: number;
  path: string;
  options: SessionOptions;
}

export interface RunMessage {
  t: 'run';
  id: number;
  session: string;
  feeds: WireTensors;
  outputs?: string[];
}

export interface ReleaseMessage {
  t: 'release';
  id: number;
  session: string;
}

export type InferenceMessage =
  TaskMessage | AbortMessage | LoadMessage | RunMessage | ReleaseMessage;
