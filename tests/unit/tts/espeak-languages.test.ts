import { describe, expect, it } from 'vitest';
import { measureLevels } from '../../../native/audio/levels.js';
import { INDIC_LANGUAGES } from '../../../native/tts/espeak/languages.js';
import { phonemizeInThread } from '../../../native/tts/espeak/phonemize.js';
import { loadEspeak } from '../../../native/tts/espeak/runtime.js';
import { synthesizeInThread } from '../../../native/tts/espeak/synthesize.js';
import { NATIVE_SENTENCES } from './sentences-data.js';

/** What the English voice makes of the same text: letter names or a language switch. */
async function englishReading(text: string): Promise<string> {
  const rt = await loadEspeak();
  expect(rt.setVoice('en')).toBe(0);
  return rt.textToPhonemes(text, true);
}

describe('espeak-ng build', () => {
  it('has a voice for every language Charkha lists, and reports them', async () => {
    const rt = await loadEspeak();
    const have = new Set(rt.voices().map((v) => v.languages[0]));
    for (const l of INDIC_LANGUAGES) expect(have, l.code).toContain(l.code);
    // What this build lacks, so that nobody relies on it by accident.
    expect(have.has('sa')).toBe(false);
    expect(have.has('en-in')).toBe(false);
  });
});

describe.each(Object.entries(NATIVE_SENTENCES))('espeak-ng speaks %s', (lang, sentence) => {
  it('with its own voice, its own phonemes and plausible audio', async () => {
    const r = await synthesizeInThread(sentence, { voice: lang });
    expect(r.voiceUsed).toMatch(new RegExp(`/${lang}$`));
    expect(r.sampleRate).toBe(22050);
    const seconds = r.samples.length / r.sampleRate;
    const letters = [...sentence].length;
    expect(seconds).toBeGreaterThan(0.03 * letters);
    expect(seconds).toBeLessThan(0.3 * letters + 1);
    const levels = measureLevels(r.samples, r.sampleRate);
    expect(levels.rmsDbfs).toBeGreaterThan(-35);
    expect(levels.silenceShare).toBeLessThan(0.6);
    expect(r.words.length).toBeGreaterThan(1);

    const ph = await phonemizeInThread(sentence, { voice: lang });
    expect(ph.voiceUsed).toBe(r.voiceUsed);
    expect(ph.switchedTo).toEqual([]);
    expect(ph.raw).not.toMatch(/\([a-z]{2,3}\)/);
    expect(ph.phonemes.length).toBeGreaterThan(5);
    // Not English: the English voice either spells the letters out or hands
    // the text to another language with (xx) markers; ours must differ.
    const english = await englishReading(sentence);
    expect(ph.raw).not.toBe(english);
    expect(ph.phonemes).not.toMatch(/lˈɛtə|lɛtə/);
    // Indic phonologies: vowel length, aspiration, retroflexes, taps or nasal vowels.
    expect(ph.phonemes).toMatch(/[ːʰʈɖɳʂɭɾɦʋ]|\u0303/u);
  });
});

describe('phonemes', () => {
  it('Telugu text under the Telugu voice is Telugu, not English letter names', async () => {
    const ph = await phonemizeInThread('నమస్కారం', { voice: 'te' });
    expect(ph.phonemes).toBe('nˈamaskˌaːran');
    const english = await englishReading('నమస్కారం');
    expect(english).toMatch(/\(te\)|tˈɛluɡu|t_ˈɛ_l_u_ɡ_u/);
  });

  it('lets English code-mix through as English and says so', async () => {
    const ph = await phonemizeInThread('मेरा email address है', { voice: 'hi' });
    expect(ph.switchedTo).toEqual(['en']);
    expect(ph.raw).toContain('(en)');
    expect(ph.phonemes).not.toContain('(');
  });

  it('gives espeak ASCII phoneme names on request', async () => {
    const ph = await phonemizeInThread('வணக்கம்', { voice: 'ta', ipa: false });
    expect(ph.phonemes).toMatch(/^[\x20-\x7e]+$/);
  });
});
