/**
 * The Whisper engine through its public interface on the fixtures: the plain
 * fixture reproduces the recipe's greedy transcript (tokens, text, first
 * timestamp), long audio goes through 30-s windows, and on the fixture
 * biased to Kannada letters script-constrained decoding keeps a Telugu
 * transcription in Telugu, measured with SFR.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AsrEngine } from '../../../native/asr/engine.js';
import { openWhisperEngine } from '../../../native/asr/whisper.js';
import type { WhisperEngine } from '../../../native/asr/whisper.js';
import { scoreSfr } from '../../../native/metrics/ehr/index.js';
import { ModelRegistry } from '../../../native/models/registry.js';
import { scriptOf } from '../../../native/text/scripts.js';
import { closeInferenceWorker } from '../../../native/workers/inference.js';
import { FIXTURE_MODELS, fixtureDir } from '../models/fixtures.js';

interface TranscriptGolden {
  language: string;
  tokens: number[];
  bytes: (number[] | null)[];
}

const registry = new ModelRegistry({ home: FIXTURE_MODELS });
const engines: AsrEngine[] = [];

async function open(id: string): Promise<WhisperEngine> {
  const entry = await registry.get(id);
  const engine = await openWhisperEngine(entry, await registry.open(id), registry);
  engines.push(engine);
  return engine as WhisperEngine;
}

/** The recipe's golden signal (whisper_tiny.py `golden_audio`). */
function goldenAudio(n = 64000, rate = 16000): Float32Array {
  const s = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    s[i] =
      0.3 * Math.sin((2 * Math.PI * 440 * i) / rate) +
      0.2 * Math.sin((2 * Math.PI * 1234 * i) / rate) * (i / n);
  }
  return s;
}

let plain: WhisperEngine;
let biased: WhisperEngine;

beforeAll(async () => {
  plain = await open('whisper-tiny-fixture');
  biased = await open('whisper-tiny-kannada-bias-fixture');
});

afterAll(async () => {
  for (const e of engines) await e.close();
  await closeInferenceWorker();
});

describe('whisper engine (plain fixture)', () => {
  const golden = (
    JSON.parse(readFileSync(join(fixtureDir('whisper-tiny'), 'golden.json'), 'utf8')) as {
      transcript: TranscriptGolden;
    }
  ).transcript;
  const firstTimestamp = 256 + 20; // <|notimestamps|> + 1 in the fixture's vocabulary

  it('describes itself from the manifest', () => {
    expect(plain.family).toBe('whisper');
    expect(plain.modelId).toBe('whisper-tiny-fixture');
    expect(plain.languages).toEqual(['multi', 'hi']);
    expect(plain.sampleRate).toBe(16000);
  });

  it('writes the tokens the recipe decoded greedily with the timestamp rules', async () => {
    const out = await plain.run(goldenAudio(), golden.language, { scriptConstrained: false });
    expect(out.tokens).toEqual([golden.tokens]);
    expect(out.steps).toBe(golden.tokens.length);
  });

  it('transcribes to the golden text, with the golden first timestamp as the segment start', async () => {
    const bytes = golden.bytes.flatMap((b) => b ?? []);
    const text = new TextDecoder().decode(Uint8Array.from(bytes)).trim();
    const t = await plain.transcribe(
      { samples: goldenAudio(), sampleRate: 16000 },
      { language: golden.language },
    );
    expect(t.duration).toBe(4);
    expect(t.text).toBe(text);
    expect(t.segments).toHaveLength(1);
    expect(t.segments[0].start).toBeCloseTo((golden.tokens[0] - firstTimestamp) * 0.02, 6);
    // No closing timestamp before the window ran out: the segment ends with the audio.
    expect(t.segments[0].end).toBe(4);
    expect(t.words.map((w) => w.text).join(' ')).toBe(text.split(/\s+/u).join(' '));
  });

  it('cuts audio over 30 s into overlapping 30-s windows', async () => {
    // Windows of 30 s with 5-s strides start at 0 and 20 s.
    const raw = await plain.run(new Float32Array(45 * 16000), 'hi', { maxNewTokens: 8 });
    expect(raw.tokens).toHaveLength(2);
    expect(raw.steps).toBe(raw.tokens[0].length + raw.tokens[1].length);
  });
});

describe('script-constrained decoding (Kannada-biased fixture, Telugu speech)', () => {
  const reference = {
    id: 'u1',
    lang: 'te',
    text: 'సరే మంచిది',
    entity_tokens: [],
  };
  const letters = (s: string): string[] => [...s].filter((c) => /\p{L}|\p{M}/u.test(c));

  it('unconstrained writes Kannada; constrained never leaves Telugu, Latin and neutral characters', async () => {
    const audio = { samples: goldenAudio(), sampleRate: 16000 };
    const free = await biased.transcribe(audio, { language: 'te', scriptConstrained: false });
    const held = await biased.transcribe(audio, { language: 'te' }); // default: on for te
    expect(letters(free.text).some((c) => scriptOf(c) === 'Kannada')).toBe(true);
    expect(letters(held.text).length).toBeGreaterThan(0);
    for (const c of held.text) expect(['Telugu', 'Latin', 'Common']).toContain(scriptOf(c));

    const sfrFree = scoreSfr(reference, free.text);
    const sfrHeld = scoreSfr(reference, held.text);
    expect(sfrHeld?.value).toBe(1);
    expect(sfrFree?.value).toBeLessThan(sfrHeld!.value);
  });
});
