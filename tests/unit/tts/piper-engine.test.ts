/**
 * The Piper runner end to end on the tiny fixture voices: real espeak-ng
 * phonemes, the voice's phoneme_id_map, the inference worker. The fixture
 * makes 4 frames of 256 samples per id at length_scale 1.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ModelRegistry } from '../../../native/models/registry.js';
import { PiperEngine } from '../../../native/tts/piper/engine.js';
import { closeInferenceWorker } from '../../../native/workers/inference.js';
import { copyFixture, tempDir } from '../models/fixtures.js';

let home: string;
let engine: PiperEngine;

beforeAll(() => {
  home = tempDir();
  copyFixture('piper-tiny', home);
  copyFixture('piper-multi-tiny', home);
  copyFixture('wav2vec2-ctc-tiny', home);
  engine = new PiperEngine({ registry: new ModelRegistry({ home }) });
});

afterAll(async () => {
  await engine.close();
  await closeInferenceWorker();
  rmSync(home, { recursive: true, force: true });
});

const samplesFor = (ids: number, lengthScale = 1): number =>
  Math.floor(4 * ids * lengthScale) * 256;

describe('Piper engine', () => {
  it('Hindi: hand-checked phoneme ids, audio of the expected length and rate', async () => {
    // espeak-ng: "nəmˈʌsteː, ˌaːp kˈɛːseː hɛ̃?" (ɛ̃ is ɛ + U+0303 after NFD).
    // Fixture map: n27 ə60 m26 ˈ121 ʌ103 s32 t33 e18 ː123 ,8 space3 ˌ122 a14 p29 k24 ɛ62 h21 ̃141 ?13.
    const r = await engine.synthesize('नमस्ते, आप कैसे हैं?', { voice: 'piper-tiny' });
    const ids = [
      1, 0, 27, 0, 60, 0, 26, 0, 121, 0, 103, 0, 32, 0, 33, 0, 18, 0, 123, 0, 8, 0, 3, 0, 122, 0,
      14, 0, 123, 0, 29, 0, 3, 0, 24, 0, 121, 0, 62, 0, 123, 0, 32, 0, 18, 0, 123, 0, 3, 0, 21, 0,
      62, 0, 141, 0, 13, 0, 2,
    ];
    expect(r.phonemeIds).toEqual([ids]);
    expect(r.missingPhonemes).toEqual([]);
    expect(r.sampleRate).toBe(22050);
    expect(r.samples.length).toBe(samplesFor(ids.length));
    expect(r.voiceUsed).toBe('piper-tiny');
    expect(r.samples.some((v) => v !== 0)).toBe(true);
  });

  it('Telugu, multi-speaker: hand-checked ids and a speaker id', async () => {
    // espeak-ng: "nˈamaskˌaːran, mˈiːru ʲˈelaː ˈunnaːru?"
    // r31 i22 u34 ʲ120 l25 (the rest as above).
    const r = await engine.synthesize('నమస్కారం, మీరు ఎలా ఉన్నారు?', {
      voice: 'piper-multi-tiny',
      speaker: 2,
    });
    const ids = [
      1, 0, 27, 0, 121, 0, 14, 0, 26, 0, 14, 0, 32, 0, 24, 0, 122, 0, 14, 0, 123, 0, 31, 0, 14, 0,
      27, 0, 8, 0, 3, 0, 26, 0, 121, 0, 22, 0, 123, 0, 31, 0, 34, 0, 3, 0, 120, 0, 121, 0, 18, 0,
      25, 0, 14, 0, 123, 0, 3, 0, 121, 0, 34, 0, 27, 0, 27, 0, 14, 0, 123, 0, 31, 0, 34, 0, 13, 0,
      2,
    ];
    expect(r.phonemeIds).toEqual([ids]);
    expect(r.samples.length).toBe(samplesFor(ids.length));
    const other = await engine.synthesize('నమస్కారం, మీరు ఎలా ఉన్నారు?', {
      voice: 'piper-multi-tiny',
      speaker: 0,
    });
    expect(other.samples.length).toBe(r.samples.length);
    expect(other.samples).not.toEqual(r.samples);
  });

  it('speaks sentence by sentence with a pause between them, and honours lengthScale', async () => {
    const r = await engine.synthesize('राम। श्याम।', {
      voice: 'piper-tiny',
      sentencePauseMs: 100,
      lengthScale: 1.5,
    });
    expect(r.phonemeIds).toHaveLength(2);
    const pause = Math.round(0.1 * 22050);
    const want = r.phonemeIds.reduce((n, ids) => n + samplesFor(ids.length, 1.5), 0) + pause;
    expect(r.samples.length).toBe(want);
  });

  it('phonemises later sentences during inference without changing ids, order or progress', async () => {
    const parts = ['राम घर गया।', 'श्याम, तुम कहाँ हो?', 'दिल्ली बड़ी है।'];
    const progress: unknown[] = [];
    const whole = await engine.synthesize(
      parts.join(' '),
      { voice: 'piper-tiny' },
      { onProgress: (p) => progress.push(p) },
    );
    const alone: number[][] = [];
    for (const s of parts)
      alone.push(...(await engine.synthesize(s, { voice: 'piper-tiny' })).phonemeIds);
    expect(whole.phonemeIds).toEqual(alone);
    expect(progress).toEqual([1, 2, 3].map((done) => ({ done, total: 3 })));
  });

  it('refuses a speaker the voice does not have, and a model that is not a Piper voice', async () => {
    await expect(
      engine.synthesize('రామ', { voice: 'piper-multi-tiny', speaker: 3 }),
    ).rejects.toThrow(/3 speaker\(s\); speaker 3/);
    await expect(engine.synthesize('राम', { voice: 'wav2vec2-ctc-tiny' })).rejects.toThrow(
      /not a Piper voice/,
    );
  });

  it('lists the registry Piper voices', async () => {
    const voices = await engine.voices();
    expect(voices.map((v) => v.id).sort()).toEqual(['piper-multi-tiny', 'piper-tiny']);
    expect(voices.find((v) => v.id === 'piper-tiny')).toMatchObject({
      language: 'hi',
      indic: true,
      script: 'Devanagari',
      engine: 'piper',
    });
  });
});
