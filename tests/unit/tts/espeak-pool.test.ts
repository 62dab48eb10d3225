import { afterAll, describe, expect, it } from 'vitest';
import { CancelledError, UserError } from '../../../native/contract/errors.js';
import { EspeakEngine } from '../../../native/tts/espeak/engine.js';
import { synthesizeInThread } from '../../../native/tts/espeak/synthesize.js';
import { WorkerPool } from '../../../native/workers/pool.js';
import type { TaskProgress } from '../../../native/workers/wire.js';

const pool = new WorkerPool({ size: 1, cancelGraceMs: 5000 });
const engine = new EspeakEngine(pool);

afterAll(() => pool.close());

describe('espeak-ng in the worker pool', () => {
  it('synthesises with progress per sentence, the same samples as in-thread', async () => {
    const text = 'पहला वाक्य। दूसरा वाक्य। तीसरा वाक्य।';
    const progress: TaskProgress[] = [];
    const r = await engine.synthesize(
      text,
      { voice: 'hi' },
      { onProgress: (p) => progress.push(p) },
    );
    expect(r.sampleRate).toBe(22050);
    expect(r.voiceUsed).toBe('inc/hi');
    expect(progress.map((p) => p.done)).toEqual([1, 2, 3]);
    const local = await synthesizeInThread(text, { voice: 'hi' });
    expect(Buffer.from(r.samples.buffer).equals(Buffer.from(local.samples.buffer))).toBe(true);
  });

  it('lists voices and phonemises', async () => {
    const voices = await engine.voices();
    expect(voices.filter((v) => v.indic).map((v) => v.id)).toEqual(
      expect.arrayContaining([
        'hi',
        'te',
        'ta',
        'bn',
        'mr',
        'gu',
        'pa',
        'kn',
        'ml',
        'or',
        'ur',
        'ne',
      ]),
    );
    expect(await engine.variants()).toEqual(expect.arrayContaining(['f3', 'm2', 'klatt']));
    const ph = await engine.phonemize('வணக்கம்', { voice: 'ta' });
    expect(ph.phonemes).toBe('vˈʌɳʌkkʌm');
  });

  it('passes user errors through with their code', async () => {
    const e = await engine.synthesize('నమస్కారం', { voice: 'hi' }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(UserError);
    expect((e as UserError).code).toBe('bad_input');
  });

  it('stops between sentences when cancelled', async () => {
    const text = 'यह एक लंबा वाक्य है जो बार बार बोला जाता है। '.repeat(200);
    const ac = new AbortController();
    let seen = 0;
    const p = engine.synthesize(
      text,
      { voice: 'hi' },
      {
        signal: ac.signal,
        onProgress: (x) => {
          seen = x.done;
          if (x.done === 2) ac.abort();
        },
      },
    );
    await expect(p).rejects.toBeInstanceOf(CancelledError);
    expect(seen).toBeLessThan(200);
    // The thread is still good for the next task.
    const r = await engine.synthesize('ठीक है', { voice: 'hi' });
    expect(r.samples.length).toBeGreaterThan(0);
  });
});
