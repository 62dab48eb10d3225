/**
 * `charkha synthesize --engine piper|mms` on the tiny fixture models imported
 * into a temporary `$CHARKHA_MODELS`: one WAV per row at the voice's rate, a
 * manifest whose sha256s match, and a clear error for an unknown model id.
 */
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeWav } from '../../../native/audio/wav.js';
import { closeInferenceWorker } from '../../../native/workers/inference.js';
import { copyFixture, tempDir } from '../models/fixtures.js';
import { runSynthesize } from './run-synthesize.js';

let home: string;
let dir: string;
const savedHome = process.env.CHARKHA_MODELS;

beforeAll(() => {
  home = tempDir();
  dir = tempDir('charkha-synth-onnx-');
  copyFixture('piper-tiny', home);
  copyFixture('mms-tts-tiny', home);
  process.env.CHARKHA_MODELS = home;
});

afterAll(async () => {
  if (savedHome === undefined) delete process.env.CHARKHA_MODELS;
  else process.env.CHARKHA_MODELS = savedHome;
  await closeInferenceWorker();
  rmSync(home, { recursive: true, force: true });
  rmSync(dir, { recursive: true, force: true });
});

interface Entry {
  id: string;
  file: string;
  engine: string;
  voice: string;
  sample_rate: number;
  sha256: string;
}

async function speak(engine: string, voice: string, texts: string[]): Promise<Entry[]> {
  const rows = join(dir, `${engine}.jsonl`);
  writeFileSync(
    rows,
    texts.map((text, i) => JSON.stringify({ id: `${engine}${i}`, text })).join('\n') + '\n',
  );
  const out = join(dir, `${engine}-out`);
  const printed = await runSynthesize([
    '--engine',
    engine,
    '--voice',
    voice,
    '--in',
    rows,
    '--out',
    out,
    '--json',
  ]);
  expect(JSON.parse(printed)).toMatchObject({ rows: texts.length });
  const entries = readFileSync(join(out, 'manifest.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Entry);
  expect(entries.map((e) => e.id)).toEqual(texts.map((_, i) => `${engine}${i}`));
  for (const e of entries) {
    const bytes = readFileSync(join(out, e.file));
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(e.sha256);
    const wav = decodeWav(bytes);
    expect(wav.sampleRate).toBe(e.sample_rate);
    expect(e.engine).toBe(engine);
    expect(e.voice).toBe(voice);
  }
  return entries;
}

describe('charkha synthesize with model engines', () => {
  it('piper: Hindi rows at the voice rate (22050 Hz)', { timeout: 120_000 }, async () => {
    const entries = await speak('piper', 'piper-tiny', ['नमस्ते, आप कैसे हैं?', 'आज मौसम अच्छा है।']);
    expect(entries.map((e) => e.sample_rate)).toEqual([22050, 22050]);
  });

  it(
    'mms: rows in its vocabulary at the config rate (16000 Hz)',
    { timeout: 120_000 },
    async () => {
      const entries = await speak('mms', 'mms-tts-tiny', ['नमस्ते', 'राम श्याम']);
      expect(entries.map((e) => e.sample_rate)).toEqual([16000, 16000]);
    },
  );

  it('an unknown model id is a clear error', { timeout: 60_000 }, async () => {
    const rows = join(dir, 'unknown.jsonl');
    writeFileSync(rows, JSON.stringify({ id: 'u1', text: 'नमस्ते' }) + '\n');
    await expect(
      runSynthesize([
        '--engine',
        'piper',
        '--voice',
        'no-such-voice',
        '--in',
        rows,
        '--out',
        join(dir, 'u'),
      ]),
    ).rejects.toThrow(/no model "no-such-voice"/);
  });
});
