/**
 * The MMS-TTS runner on the tiny fixture: tokenizer from the model's own
 * files, the inference worker, audio of the expected length (4 frames of 256
 * samples per token) at the config's rate.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ModelRegistry } from '../../../native/models/registry.js';
import { MmsTtsEngine } from '../../../native/tts/mms/engine.js';
import { loadMmsTokenizer, tokenize } from '../../../native/tts/mms/tokenizer.js';
import { closeInferenceWorker } from '../../../native/workers/inference.js';
import { copyFixture, fixtureDir, tempDir } from '../models/fixtures.js';

let home: string;
let engine: MmsTtsEngine;

beforeAll(() => {
  home = tempDir();
  copyFixture('mms-tts-tiny', home);
  const uroman = copyFixture('mms-tts-tiny', home, 'mms-uroman');
  const mf = join(uroman, 'manifest.json');
  const m = JSON.parse(readFileSync(mf, 'utf8')) as { id: string };
  m.id = 'mms-uroman';
  writeFileSync(mf, JSON.stringify(m));
  const tc = join(uroman, 'tokenizer_config.json');
  // Changing a file after the manifest was written: open checks sizes, so keep it the same length.
  writeFileSync(tc, readFileSync(tc, 'utf8').replace('"is_uroman": false', '"is_uroman": true '));
  engine = new MmsTtsEngine({ registry: new ModelRegistry({ home }) });
});

afterAll(async () => {
  await engine.close();
  await closeInferenceWorker();
  rmSync(home, { recursive: true, force: true });
});

describe('MMS-TTS tokenizer', () => {
  it('interleaves the blank (id 0), lower-cases, drops unknown characters', async () => {
    const dir = fixtureDir('mms-tts-tiny');
    const tok = await loadMmsTokenizer(
      join(dir, 'vocab.json'),
      join(dir, 'tokenizer_config.json'),
      'mms-tts-tiny',
    );
    // न34 म39 स46 ्61 त30 े54; space 1; h70 i71; "€" is not in the vocabulary.
    expect(tokenize(tok, 'नमस्ते Hi€')).toEqual({
      ids: [0, 34, 0, 39, 0, 46, 0, 61, 0, 30, 0, 54, 0, 1, 0, 70, 0, 71, 0],
      dropped: ['€'],
    });
    expect(tokenize({ ...tok, addBlank: false }, 'नम')).toEqual({ ids: [34, 39], dropped: [] });
  });
});

describe('MMS-TTS engine', () => {
  it('speaks at the config rate with the expected length', async () => {
    const r = await engine.synthesize('नमस्ते', { voice: 'mms-tts-tiny' });
    expect(r.sampleRate).toBe(16000);
    expect(r.tokenIds).toEqual([[0, 34, 0, 39, 0, 46, 0, 61, 0, 30, 0, 54, 0]]);
    expect(r.samples.length).toBe(13 * 4 * 256);
    expect(r.warnings).toEqual([]);
  });

  it('drops characters outside the vocabulary with a warning, and pauses between sentences', async () => {
    const r = await engine.synthesize('नमस्ते€। राम।', {
      voice: 'mms-tts-tiny',
      sentencePauseMs: 50,
    });
    expect(r.droppedChars).toEqual(['€', '।']);
    expect(r.warnings[0]).toMatch(/"€"/);
    const tokens = r.tokenIds.reduce((n, ids) => n + ids.length, 0);
    expect(r.tokenIds).toHaveLength(2);
    expect(r.samples.length).toBe(tokens * 4 * 256 + Math.round(0.05 * 16000));
  });

  it('refuses a model that needs romanised (uroman) input', async () => {
    await expect(engine.synthesize('नमस्ते', { voice: 'mms-uroman' })).rejects.toThrow(
      /expects romanised \(uroman\) input/,
    );
  });

  it('lists MMS voices', async () => {
    expect((await engine.voices()).map((v) => v.id).sort()).toEqual(['mms-tts-tiny', 'mms-uroman']);
  });
});
