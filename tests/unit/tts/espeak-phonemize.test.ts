/**
 * Phonemisation keeps an already-loaded voice as it is (no snapshot restore):
 * the phonemes must then be exactly those of a freshly loaded voice, whatever
 * was phonemised or spoken before, and one batched call must give what
 * separate calls give.
 */
import { describe, expect, it } from 'vitest';
import { phonemizeAllInThread, phonemizeInThread } from '../../../native/tts/espeak/phonemize.js';
import { loadEspeak } from '../../../native/tts/espeak/runtime.js';
import { synthesizeInThread } from '../../../native/tts/espeak/synthesize.js';

const HI = ['भारत एक विशाल देश है', 'मेरा email address है', 'क्या आप कभी मुंबई गए हैं', '१२३ रुपये, 45 पैसे'];

/** Each text's raw phonemes from a voice restored to its just-loaded state. */
async function fresh(texts: string[], voice: string): Promise<string[]> {
  const rt = await loadEspeak();
  const out: string[] = [];
  for (const t of texts) {
    await phonemizeInThread('क', { voice }); // loads and verifies the voice once
    expect(rt.useVoice('inc/hi', true)).toBe(0);
    out.push(rt.textToPhonemes(t, true));
  }
  return out;
}

describe('espeak-ng phonemes without a snapshot restore', () => {
  it('match a freshly loaded voice after other phonemising and speaking', async () => {
    const want = await fresh(HI, 'hi');
    await synthesizeInThread('आज मौसम अच्छा है। कल बारिश होगी।', { voice: 'hi', rate: 300 });
    await phonemizeInThread('నమస్కారం', { voice: 'te' });
    await phonemizeInThread('वणक्कम', { voice: 'hi' });
    const batched = await phonemizeAllInThread([...HI].reverse(), { voice: 'hi' });
    expect(batched.map((r) => r.raw).reverse()).toEqual(want);
    const again = await phonemizeAllInThread(HI, { voice: 'hi' });
    expect(again.map((r) => r.raw)).toEqual(want);
    expect(again[1].switchedTo).toEqual(['en']);
  });

  it('check every text of a batch, naming the script problem', async () => {
    await expect(phonemizeAllInThread(['राम', 'రామ'], { voice: 'hi' })).rejects.toThrow(
      /Telugu letters/,
    );
    await expect(phonemizeAllInThread(['राम', ' '], { voice: 'hi' })).rejects.toThrow(/empty/);
  });
});
