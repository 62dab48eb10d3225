/**
 * Loads onnxruntime-node, in the inference worker only. Runner modules that
 * `call()` runs inside that thread get ONNX Runtime from here rather than
 * importing it themselves, so the telemetry switch is always set first.
 *
 * @huggingface/transformers loads the package with `require()` and Node's
 * module cache hands it this same instance (`npm ls onnxruntime-node` shows
 * one copy, deduped). Do not set `globalThis[Symbol.for('onnxruntime')]` to
 * "share" it: transformers then skips filling its list of supported devices.
 */
import type * as OnnxRuntime from 'onnxruntime-node';
import { assertInferenceThread } from './ort-guard.js';

export type Ort = typeof OnnxRuntime;

let loading: Promise<Ort> | undefined;

export function loadOnnxRuntime(): Promise<Ort> {
  assertInferenceThread();
  loading ??= (async () => {
    // Read when the native library initialises, so it must be set before.
    process.env.ORT_DISABLE_TELEMETRY = '1';
    const mod = (await import('onnxruntime-node')) as Ort & { default?: Ort };
    // A CommonJS package: its `module.exports` is the default export.
    return mod.default ?? mod;
  })();
  return loading;
}
