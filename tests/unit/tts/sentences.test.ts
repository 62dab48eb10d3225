import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../../native/tts/espeak/sentences.js';

const texts = (s: string): string[] => splitSentences(s).map((x) => x.text);

describe('splitSentences', () => {
  it('splits at danda, double danda, ? ! and full stops', () => {
    expect(texts('एक। दो॥ तीन? four! five. Six')).toEqual([
      'एक।',
      'दो॥',
      'तीन?',
      'four!',
      'five.',
      'Six',
    ]);
  });

  it('splits at a danda even without a following space', () => {
    expect(texts('पहला।दूसरा॥तीसरा')).toEqual(['पहला।', 'दूसरा॥', 'तीसरा']);
  });

  it('keeps abbreviations, initials, decimals and amounts whole', () => {
    expect(texts('Dr. Sharma ने Rs. 500 दिए. A. P. J. Abdul Kalam ने 3.5 कहा.')).toEqual([
      'Dr. Sharma ने Rs. 500 दिए.',
      'A. P. J. Abdul Kalam ने 3.5 कहा.',
    ]);
  });

  it('splits at line breaks and marks them', () => {
    const s = splitSentences('पहली पंक्ति\nदूसरी पंक्ति।\n\nतीसरी');
    expect(s.map((x) => [x.text, x.end])).toEqual([
      ['पहली पंक्ति', 'line'],
      ['दूसरी पंक्ति।', 'sentence'],
      ['तीसरी', 'text'],
    ]);
  });

  it('records offsets into the input and drops punctuation-only pieces', () => {
    const input = '  नमस्ते।  ... ठीक?';
    const s = splitSentences(input);
    for (const x of s) expect(input.slice(x.offset, x.offset + x.text.length)).toBe(x.text);
    expect(s.map((x) => x.text)).toEqual(['नमस्ते।', 'ठीक?']);
  });
});
