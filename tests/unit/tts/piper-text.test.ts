import { describe, expect, it } from 'vitest';
import { phonemesToIds } from '../../../native/tts/piper/phoneme-ids.js';
import { piperSentences } from '../../../native/tts/piper/text-split.js';

describe('Piper text splitting', () => {
  it('splits sentences and keeps each clause terminator as piper-phonemize does', () => {
    expect(piperSentences('नमस्ते, आप कैसे हैं? मैं ठीक हूँ।')).toEqual([
      [
        { text: 'नमस्ते', punct: ',' },
        { text: 'आप कैसे हैं', punct: '?' },
      ],
      [{ text: 'मैं ठीक हूँ', punct: '.' }],
    ]);
  });

  it('keeps amounts and abbreviations whole', () => {
    expect(piperSentences('Rs. 500 दो, 1,00,000 नहीं!')).toEqual([
      [
        { text: 'Rs. 500 दो', punct: ',' },
        { text: '1,00,000 नहीं', punct: '!' },
      ],
    ]);
  });
});

describe('phonemesToIds', () => {
  const map = { _: [0], '^': [1], $: [2], ' ': [3], a: [4], '\u0303': [5], ɛ: [6] };

  it('wraps in BOS/EOS with a pad after every id, splitting NFD code points', () => {
    expect(phonemesToIds('a ɛ̃', map)).toEqual({
      ids: [1, 0, 4, 0, 3, 0, 6, 0, 5, 0, 2],
      missing: [],
    });
  });

  it('drops and reports phonemes the voice does not have', () => {
    expect(phonemesToIds('aqa', map)).toEqual({ ids: [1, 0, 4, 0, 4, 0, 2], missing: ['q'] });
  });
});
