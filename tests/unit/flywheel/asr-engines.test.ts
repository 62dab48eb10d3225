/**
 * The flywheel opens its ASR models once per job, in the background while
 * espeak-ng speaks (AsrEngines.prefetch); a model that fails to load there
 * must still fail the transcribe step, with the model named, and never as an
 * unhandled rejection.
 */
import { describe, expect, it } from 'vitest';
import type { AsrEngine } from '../../../native/asr/engine.js';
import { AsrEngines } from '../../../native/flywheel/steps.js';

const fakeEngine = (id: string) => ({ id, close: async () => {} }) as unknown as AsrEngine;

describe('AsrEngines', () => {
  it('prefetches each distinct model once and hands the same engine to the step', async () => {
    const opened: string[] = [];
    const engines = new AsrEngines(async (id) => {
      opened.push(id);
      return fakeEngine(id);
    });
    engines.prefetch({ hi: 'm-hi', te: 'm-te', ta: null, bn: 'm-hi' });
    expect(opened).toEqual(['m-hi', 'm-te']);
    const e = await engines.get('m-te', 'te');
    expect((e as unknown as { id: string }).id).toBe('m-te');
    expect(opened).toEqual(['m-hi', 'm-te']);
    await engines.close();
  });

  it('leaves a model that failed in the background to fail again at the step', async () => {
    let calls = 0;
    const engines = new AsrEngines(async (id) => {
      calls++;
      throw new Error(`${id}: onnx/model.onnx is truncated`);
    });
    const unhandled: unknown[] = [];
    const onUnhandled = (e: unknown) => unhandled.push(e);
    process.on('unhandledRejection', onUnhandled);
    try {
      engines.prefetch({ hi: 'broken' });
      await new Promise((r) => setTimeout(r, 20));
      await expect(engines.get('broken', 'hi')).rejects.toThrow(
        /the ASR model "broken" for hi failed to load: broken: onnx\/model.onnx is truncated/,
      );
      expect(calls).toBe(2);
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});
