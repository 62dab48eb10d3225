import { describe, expect, it } from 'vitest';
import type { PhonemeResult } from '../../../native/tts/espeak/phonemize.js';
import { cachedPhonemizer } from '../../../native/tts/piper/phoneme-cache.js';
import type { Phonemizer } from '../../../native/tts/piper/phonemize.js';

function counting(): { inner: Phonemizer; asked: string[][] } {
  const asked: string[][] = [];
  const inner: Phonemizer = (texts, opts) => {
    asked.push([...texts]);
    return Promise.resolve(
      texts.map((t): PhonemeResult => ({
        clauses: [`${opts.voice}:${t}`],
        phonemes: `${opts.voice}:${t}`,
        raw: t,
        switchedTo: [],
        voiceUsed: opts.voice,
      })),
    );
  };
  return { inner, asked };
}

describe('cachedPhonemizer', () => {
  it('asks only for clauses it has not seen with that voice, and answers in order', async () => {
    const { inner, asked } = counting();
    const p = cachedPhonemizer(inner, 8);
    const a = await p(['x', 'y', 'x'], { voice: 'hi' });
    expect(a.map((r) => r.phonemes)).toEqual(['hi:x', 'hi:y', 'hi:x']);
    const b = await p(['y', 'z'], { voice: 'hi' });
    expect(b.map((r) => r.phonemes)).toEqual(['hi:y', 'hi:z']);
    await p(['y'], { voice: 'mr' });
    expect(asked).toEqual([['x', 'y'], ['z'], ['y']]);
  });

  it('drops the least recently used clause past its capacity; 0 caches nothing', async () => {
    const { inner, asked } = counting();
    const p = cachedPhonemizer(inner, 2);
    await p(['a', 'b'], { voice: 'hi' });
    await p(['a'], { voice: 'hi' }); // a is now the most recent
    await p(['c'], { voice: 'hi' }); // b goes
    await p(['a', 'b'], { voice: 'hi' });
    expect(asked).toEqual([['a', 'b'], ['c'], ['b']]);
    const none = counting();
    const q = cachedPhonemizer(none.inner, 0);
    await q(['a'], { voice: 'hi' });
    await q(['a'], { voice: 'hi' });
    expect(none.asked).toEqual([['a'], ['a']]);
  });
});
