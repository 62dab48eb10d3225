import { describe, expect, it } from 'vitest';
import { UserError } from '../../../native/contract/errors.js';
import { MAX_TEXT_CHARS } from '../../../native/tts/engine.js';
import { synthesizeInThread } from '../../../native/tts/espeak/synthesize.js';

const HI = 'भारत एक विशाल देश है जिसमें अनेक भाषाएँ बोली जाती हैं और अनेक धर्म हैं।';

function sameSamples(a: Float32Array, b: Float32Array): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/** Median F0 of voiced 40 ms frames, by autocorrelation (60–400 Hz). */
function medianF0(x: Float32Array, rate: number): number {
  const frame = Math.round(0.04 * rate);
  const f0s: number[] = [];
  for (let s = 0; s + frame * 2 < x.length; s += frame) {
    let e = 0;
    for (let i = 0; i < frame; i++) e += x[s + i] * x[s + i];
    if (e / frame < 1e-3) continue;
    let best = 0;
    let bestLag = 0;
    for (let lag = Math.floor(rate / 400); lag <= Math.ceil(rate / 60); lag++) {
      let c = 0;
      for (let i = 0; i < frame; i++) c += x[s + i] * x[s + i + lag];
      if (c > best) {
        best = c;
        bestLag = lag;
      }
    }
    if (best > 0.5 * e && bestLag > 0) f0s.push(rate / bestLag);
  }
  f0s.sort((a, b) => a - b);
  return f0s[f0s.length >> 1] ?? 0;
}

async function expectUserError(p: Promise<unknown>, code: string, text: RegExp): Promise<void> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(UserError);
  expect((e as UserError).code).toBe(code);
  expect((e as UserError).message).toMatch(text);
}

describe('espeak-ng options', () => {
  it('rate 2× gives roughly half the duration', async () => {
    const slow = await synthesizeInThread(HI, { voice: 'hi', rate: 175 });
    const fast = await synthesizeInThread(HI, { voice: 'hi', rate: 350 });
    const ratio = fast.samples.length / slow.samples.length;
    expect(ratio).toBeGreaterThan(0.4);
    expect(ratio).toBeLessThan(0.62);
  });

  it('pitch raises the fundamental', async () => {
    const low = await synthesizeInThread(HI, { voice: 'hi', pitch: 15 });
    const high = await synthesizeInThread(HI, { voice: 'hi', pitch: 85 });
    expect(medianF0(high.samples, high.sampleRate)).toBeGreaterThan(
      1.2 * medianF0(low.samples, low.sampleRate),
    );
  });

  it('range and variants change the output; a variant may be named either way', async () => {
    const base = await synthesizeInThread(HI, { voice: 'hi' });
    const flat = await synthesizeInThread(HI, { voice: 'hi', range: 0 });
    expect(sameSamples(base.samples, flat.samples)).toBe(false);
    const f3 = await synthesizeInThread(HI, { voice: 'hi+f3' });
    const f3b = await synthesizeInThread(HI, { voice: 'hi', variant: 'f3' });
    expect(f3.voiceUsed).toBe('inc/hi+f3');
    expect(sameSamples(f3.samples, f3b.samples)).toBe(true);
    expect(sameSamples(f3.samples, base.samples)).toBe(false);
    expect(medianF0(f3.samples, f3.sampleRate)).toBeGreaterThan(
      1.3 * medianF0(base.samples, base.sampleRate),
    );
    const m2 = await synthesizeInThread('తెలుగు భాష', { voice: 'te+m2' });
    expect(m2.voiceUsed).toBe('dra/te+m2');
  });

  it('is deterministic: the same request gives the same samples, whatever ran before', async () => {
    const a = await synthesizeInThread(HI, { voice: 'hi' });
    await synthesizeInThread('வணக்கம் '.repeat(50), { voice: 'ta+f2', rate: 300 });
    const b = await synthesizeInThread(HI, { voice: 'hi' });
    expect(sameSamples(a.samples, b.samples)).toBe(true);
  });

  it('splits sentences and joins them with pauses', async () => {
    const text = 'पहला वाक्य यहाँ है। दूसरा वाक्य यहाँ है? तीसरा वाक्य!';
    const r = await synthesizeInThread(text, { voice: 'hi' });
    const longer = await synthesizeInThread(text, { voice: 'hi', sentencePauseMs: 800 });
    // Two pauses, each 500 ms longer.
    const extra = (longer.samples.length - r.samples.length) / r.sampleRate;
    expect(extra).toBeCloseTo(1.0, 1);
    // Silent runs of at least 280 ms between sentences: count them.
    const rate = r.sampleRate;
    let run = 0;
    let gaps = 0;
    for (let i = 0; i < r.samples.length; i++) {
      if (Math.abs(r.samples[i]) < 1e-3) run++;
      else {
        if (run >= 0.28 * rate && run <= 0.45 * rate) gaps++;
        run = 0;
      }
    }
    expect(gaps).toBe(2);
    // Word timings cover each sentence's words in order, in the caller's text.
    expect(r.words.map((w) => w.text)).toEqual([
      'पहला',
      'वाक्य',
      'यहाँ',
      'है',
      'दूसरा',
      'वाक्य',
      'यहाँ',
      'है',
      'तीसरा',
      'वाक्य',
    ]);
    for (let i = 1; i < r.words.length; i++) {
      expect(r.words[i].start).toBeGreaterThanOrEqual(r.words[i - 1].end - 1e-9);
    }
    expect(r.words[4].start - r.words[3].end).toBeGreaterThan(0.25);
  });

  it('speaks text with markup characters literally', async () => {
    const r = await synthesizeInThread('R&D में <5> लोग हैं', { voice: 'hi' });
    expect(r.words.map((w) => w.text)).toContain('लोग');
  });

  it('refuses empty, enormous and wrong-script text, unknown voices and variants', async () => {
    await expectUserError(synthesizeInThread('', { voice: 'hi' }), 'bad_input', /empty/);
    await expectUserError(synthesizeInThread('  \n ', { voice: 'hi' }), 'bad_input', /empty/);
    await expectUserError(
      synthesizeInThread('क'.repeat(MAX_TEXT_CHARS + 1), { voice: 'hi' }),
      'bad_input',
      /20000/,
    );
    await expectUserError(
      synthesizeInThread('नमस्ते', { voice: 'xx' }),
      'not_found',
      /no voice "xx"/,
    );
    await expectUserError(synthesizeInThread('नमस्ते', { voice: 'sa' }), 'not_found', /no voice/);
    await expectUserError(
      synthesizeInThread('hello', { voice: 'en-IN' }),
      'not_found',
      /no voice "en-IN"/,
    );
    await expectUserError(
      synthesizeInThread('नमस्ते', { voice: 'hi+nope' }),
      'not_found',
      /variant "nope"/,
    );
    await expectUserError(
      synthesizeInThread('నమస్కారం', { voice: 'hi' }),
      'bad_input',
      /Telugu letters.*reads Devanagari/,
    );
    await expectUserError(synthesizeInThread('नमस्ते', { voice: 'en' }), 'bad_input', /Devanagari/);
    await expectUserError(
      synthesizeInThread('नमस्ते', { voice: 'hi', rate: 1000 }),
      'bad_input',
      /rate/,
    );
    await expectUserError(
      synthesizeInThread('नमस्ते', { voice: 'hi', pitch: -1 }),
      'bad_input',
      /pitch/,
    );
    await expectUserError(synthesizeInThread('।।', { voice: 'hi' }), 'bad_input', /no letters/);
  });

  it('speaks espeak phoneme input', async () => {
    const r = await synthesizeInThread("h@l'oU", { voice: 'en', phonemes: true });
    expect(r.samples.length / r.sampleRate).toBeGreaterThan(0.3);
  });
});
