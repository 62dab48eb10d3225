import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CancelledError, UserError } from '../../../native/contract/errors.js';
import { closeInferenceWorker, getInferenceWorker } from '../../../native/workers/inference.js';
import { assertInferenceThread } from '../../../native/workers/ort-guard.js';
import type { TaskProgress } from '../../../native/workers/wire.js';
import { TINY_W, writeTinyOnnxModel } from './tiny-onnx.js';

const TASKS = new URL('./inference-tasks.ts', import.meta.url);

let dir: string;
let model: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'charkha-inference-'));
  model = writeTinyOnnxModel(dir);
});

afterAll(async () => {
  await closeInferenceWorker();
  rmSync(dir, { recursive: true, force: true });
});

/** y = (a + b) · W for a [n, 3] and W [3, 2]. */
function expectedY(a: number[], b: number[]): number[] {
  const y: number[] = [];
  for (let r = 0; r < a.length / 3; r++) {
    for (let c = 0; c < 2; c++) {
      let s = 0;
      for (let k = 0; k < 3; k++) s += (a[r * 3 + k] + b[k]) * TINY_W[k * 2 + c];
      y.push(s);
    }
  }
  return y;
}

describe('inference worker', () => {
  it('is one worker per process', () => {
    expect(getInferenceWorker()).toBe(getInferenceWorker());
  });

  it('loads the tiny model with names, element types and ranks', async () => {
    const info = await getInferenceWorker().loadSession(model);
    expect(info.inputNames).toEqual(['a', 'b']);
    expect(info.outputNames).toEqual(['sum', 'y']);
    expect(info.inputMetadata).toEqual([
      { name: 'a', isTensor: true, type: 'float32', shape: ['batch', 3], rank: 2 },
      { name: 'b', isTensor: true, type: 'float32', shape: [3], rank: 1 },
    ]);
    expect(info.outputMetadata.map((m) => [m.name, m.type, m.rank])).toEqual([
      ['sum', 'float32', 2],
      ['y', 'float32', 2],
    ]);
    await getInferenceWorker().release(info.id);
  });

  it('reuses a cached session and releases it by reference count', async () => {
    const w = getInferenceWorker();
    const first = await w.loadSession(model);
    const second = await w.loadSession(model);
    expect(second.id).toBe(first.id);
    // Other options are another session.
    const other = await w.loadSession(model, { graphOptimizationLevel: 'disabled' });
    expect(other.id).not.toBe(first.id);
    await w.release(other.id);

    await w.release(first.id);
    const a = new Float32Array([1, 2, 3]);
    const b = new Float32Array([0, 0, 0]);
    // Still held by the second load.
    await expect(
      w.run(first.id, {
        a: { type: 'float32', dims: [1, 3], data: a },
        b: { type: 'float32', dims: [3], data: b },
      }),
    ).resolves.toHaveProperty('y');
    await w.release(second.id);
    await expect(
      w.run(first.id, {
        a: { type: 'float32', dims: [1, 3], data: new Float32Array(3) },
        b: { type: 'float32', dims: [3], data: new Float32Array(3) },
      }),
    ).rejects.toThrow(/unknown ONNX session/);
  });

  it('runs the model with correct results, transferring tensors', async () => {
    const w = getInferenceWorker();
    const { id } = await w.loadSession(model);
    const aValues = [1, 2, 3, 4, 5, 6];
    const bValues = [1, 1, 1];
    const a = new Float32Array(aValues);
    const b = new Float32Array(bValues);
    const out = await w.run(id, {
      a: { type: 'float32', dims: [2, 3], data: a },
      b: { type: 'float32', dims: [3], data: b },
    });
    expect(a.byteLength).toBe(0); // transferred, not copied
    expect(out.sum).toMatchObject({ type: 'float32', dims: [2, 3] });
    expect(Array.from(out.sum.data as Float32Array)).toEqual([2, 3, 4, 5, 6, 7]);
    expect(out.y.dims).toEqual([2, 2]);
    expect(Array.from(out.y.data as Float32Array)).toEqual(expectedY(aValues, bValues));
    expect(expectedY(aValues, bValues)).toEqual([31, 40, 58, 76]);

    // copyInputs keeps the caller's arrays; outputNames selects outputs; a
    // view on part of a larger buffer is copied, never detaching the buffer.
    const big = new Float32Array([9, 9, 1, 2, 3, 9]);
    const kept = new Float32Array(bValues);
    const onlyY = await w.run(
      id,
      {
        a: { type: 'float32', dims: [1, 3], data: big.subarray(2, 5) },
        b: { type: 'float32', dims: [3], data: kept },
      },
      ['y'],
      { copyInputs: true },
    );
    expect(Object.keys(onlyY)).toEqual(['y']);
    expect(Array.from(onlyY.y.data as Float32Array)).toEqual(expectedY([1, 2, 3], bValues));
    expect(big.length).toBe(6);
    expect(kept.length).toBe(3);
    await w.release(id);
  });

  it('reports a wrong feed name, a missing file and a broken model clearly', async () => {
    const w = getInferenceWorker();
    const { id } = await w.loadSession(model);
    await expect(
      w.run(id, { nope: { type: 'float32', dims: [3], data: new Float32Array(3) } }),
    ).rejects.toThrow(/nope|input/i);
    await w.release(id);

    const missing = await w.loadSession(join(dir, 'missing.onnx')).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(UserError);
    expect(missing).toMatchObject({ code: 'not_found' });

    const broken = join(dir, 'broken.onnx');
    writeFileSync(broken, 'not a model');
    const invalid = await w.loadSession(broken).catch((e: unknown) => e);
    expect(invalid).toBeInstanceOf(UserError);
    expect(invalid).toMatchObject({ code: 'model_invalid' });
  });

  it('runs handler modules inside the inference thread', async () => {
    const w = getInferenceWorker();
    const where = await w.call<null, { threadId: number; telemetryOff: boolean }>(
      TASKS,
      'whereAmI',
      null,
    );
    expect(where.threadId).toBeGreaterThan(0); // not the main thread (0)
    expect(where.telemetryOff).toBe(true);
    expect(process.env.ORT_DISABLE_TELEMETRY).toBe('1');

    const inThread = await w.call<{ modelPath: string }, { id: string; y: number[] }>(
      TASKS,
      'runTinyInThread',
      { modelPath: model },
    );
    expect(inThread.y).toEqual(expectedY([1, 2, 3], [0, 0, 0]));
  });

  it('shares one onnxruntime-node with @huggingface/transformers in that thread', async () => {
    const out = await getInferenceWorker().call<
      null,
      { same: boolean; bindings: number; product: number[] }
    >(TASKS, 'transformersShareOrt', null);
    expect(out.same).toBe(true);
    expect(out.bindings).toBe(1);
    expect(out.product).toEqual([1, 2, 3, 4]);
  });

  it('cancels a call and keeps serving', async () => {
    const w = getInferenceWorker();
    const controller = new AbortController();
    let onProgress!: (p: TaskProgress) => void;
    const running = new Promise<void>((resolve) => (onProgress = () => resolve()));
    const call = w.call(TASKS, 'stepUntilCancelled', null, {
      signal: controller.signal,
      onProgress,
    });
    await running;
    controller.abort();
    await expect(call).rejects.toBeInstanceOf(CancelledError);
    await expect(w.run('s0', {}, undefined, { signal: controller.signal })).rejects.toBeInstanceOf(
      CancelledError,
    );
    await expect(w.call(TASKS, 'whereAmI', null)).resolves.toHaveProperty('telemetryOff', true);
  });

  it('refuses onnxruntime-node on the main thread', async () => {
    getInferenceWorker(); // installs the guard, as the engine does at start-up
    expect(() => assertInferenceThread()).toThrow(/only be loaded in the inference worker/);
    await expect(import('onnxruntime-node')).rejects.toThrow(
      /only be loaded in the inference worker/,
    );
  });

  it('starts a fresh worker after close, never two at once', async () => {
    const old = getInferenceWorker();
    await closeInferenceWorker();
    await expect(old.call(TASKS, 'whereAmI', null)).rejects.toThrow(/closed/);
    const fresh = getInferenceWorker();
    expect(fresh).not.toBe(old);
    const { id } = await fresh.loadSession(model);
    const out = await fresh.run(id, {
      a: { type: 'float32', dims: [1, 3], data: new Float32Array([1, 2, 3]) },
      b: { type: 'float32', dims: [3], data: new Float32Array(3) },
    });
    expect(Array.from(out.y.data as Float32Array)).toEqual(expectedY([1, 2, 3], [0, 0, 0]));
  });
});
