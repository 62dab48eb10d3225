/**
 * `charkha transcribe` end to end on the tiny wav2vec2 fixture (random
 * weights: the structure of the output is tested, not its words): JSON lines
 * per file, SRT/VTT files, a bad file named and skipped with exit 1, and
 * with -p a run stored in the project that run-repo and compare read like
 * any `eval import` run.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { encodeWav } from '../../../native/audio/wav.js';
import { buildProgram } from '../../../native/cli/main.js';
import { sha256File } from '../../../native/models/hash.js';
import { compareRuns } from '../../../native/service/compare-runs.js';
import { importCorpus } from '../../../native/service/import-corpus.js';
import { Project } from '../../../native/store/project.js';
import { closeInferenceWorker } from '../../../native/workers/inference.js';
import { tempDir } from '../../helpers/temp.js';
import { copyFixture, tempDir as modelsDir } from '../models/fixtures.js';
import { addNoiseFloor, rng, speak } from '../asr/synthetic-speech.js';

const audioFixtures = join(import.meta.dirname, '../../fixtures/audio');
let home: string;
let modelDir: string;
const savedHome = process.env.CHARKHA_MODELS;

beforeAll(() => {
  home = modelsDir();
  modelDir = copyFixture('wav2vec2-ctc-tiny', home);
  process.env.CHARKHA_MODELS = home;
});

afterAll(async () => {
  if (savedHome === undefined) delete process.env.CHARKHA_MODELS;
  else process.env.CHARKHA_MODELS = savedHome;
  await closeInferenceWorker();
});

afterEach(() => {
  process.exitCode = undefined;
});

/** Runs `charkha transcribe --model <fixture> --lang hi …args` in this process; returns its stdout. */
async function transcribe(...args: string[]): Promise<string> {
  const out: string[] = [];
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    out.push(String(chunk));
    return true;
  });
  try {
    await buildProgram().parseAsync(
      ['transcribe', '--model', 'wav2vec2-ctc-tiny', '--lang', 'hi', ...args],
      { from: 'user' },
    );
  } finally {
    spy.mockRestore();
  }
  return out.join('');
}

/** Speech-like utterances at known times, as a stereo 48 kHz WAV. */
function writeSpeech(path: string, seconds: number, utterances: [number, number][], seed: number) {
  const rate = 48_000;
  const x = new Float32Array(rate * seconds);
  const rand = rng(seed);
  for (const [at, len] of utterances) speak(x, rate, at, len, rand);
  addNoiseFloor(x, 0.001, rand);
  writeFileSync(path, encodeWav([x, x.map((v) => v * 0.5)], rate));
}

interface Line {
  path: string;
  text: string;
  words: { text: string; start: number; end: number; confidence: number }[];
  segments: { text: string; start: number; end: number }[];
  duration: number;
}

const lines = (out: string) =>
  out
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);

function checkTranscript(l: Line, duration: number) {
  expect(Object.keys(l).sort()).toEqual(['duration', 'path', 'segments', 'text', 'words']);
  expect(l.duration).toBeCloseTo(duration, 3);
  expect(l.words.length).toBeGreaterThan(0);
  let last = 0;
  for (const w of l.words) {
    expect(w.start).toBeGreaterThanOrEqual(last);
    expect(w.end).toBeGreaterThanOrEqual(w.start);
    expect(w.end).toBeLessThanOrEqual(duration);
    expect(w.confidence).toBeGreaterThanOrEqual(0);
    expect(w.confidence).toBeLessThanOrEqual(1);
    last = w.start;
  }
  expect(l.text).toBe(l.segments.map((s) => s.text).join(' '));
}

describe('charkha transcribe', () => {
  it('prints one JSON line per file, writes SRT per file, skips a bad file with exit 1', async () => {
    const dir = tempDir();
    const long = join(dir, 'long.wav');
    // 70 s with an utterance of 36 s: several chunks, one cut inside speech.
    writeSpeech(
      long,
      70,
      [
        [1, 8],
        [10, 36],
        [48, 12],
        [62, 6],
      ],
      1,
    );
    const bad = join(dir, 'bad.wav');
    writeFileSync(bad, 'RIFF not really');
    const mp3 = join(audioFixtures, 'sine-440hz-mono-44k1.mp3');
    const srt = join(dir, 'subs');
    const out = await transcribe(long, bad, mp3, '--json', '--srt', srt);
    expect(process.exitCode).toBe(1);
    const [a, b, c] = lines(out);
    expect(a.path).toBe(long);
    checkTranscript(a as unknown as Line, 70);
    // 70 s cannot go in fewer than three chunks of at most 30 s.
    const segs = (a as unknown as Line).segments;
    expect(segs.length).toBeGreaterThanOrEqual(3);
    for (const sg of segs) expect(sg.end - sg.start).toBeLessThanOrEqual(30);
    expect(b.path).toBe(mp3);
    checkTranscript(b as unknown as Line, 1);
    expect(c).toEqual({ path: bad, error: expect.stringContaining('bad.wav') });
    expect(readdirSync(srt).sort()).toEqual(['long.srt', 'sine-440hz-mono-44k1.srt']);
    const cues = readFileSync(join(srt, 'long.srt'), 'utf8').trim().split('\n\n');
    expect(cues.length).toBe((a as unknown as Line).segments.filter((s) => s.text).length);
    cues.forEach((cue, i) =>
      expect(cue).toMatch(
        new RegExp(`^${i + 1}\\n\\d\\d:\\d\\d:\\d\\d,\\d{3} --> \\d\\d:\\d\\d:\\d\\d,\\d{3}\\n.+`),
      ),
    );
  });

  it('writes one VTT file for one input, and prints readable text without --json', async () => {
    const dir = tempDir();
    const wav = join(dir, 'one.wav');
    writeSpeech(wav, 6, [[1, 3]], 2);
    const vtt = join(dir, 'one.vtt');
    const out = await transcribe(wav, '--vtt', vtt);
    expect(process.exitCode).toBeUndefined();
    expect(out.split('\n')[0]).toBe(`${wav} (6.0 s)`);
    const text = readFileSync(vtt, 'utf8');
    expect(text.startsWith('WEBVTT\n\n00:00:0')).toBe(true);
  });

  it('with -p stores a scored run that run-repo and compare read', async () => {
    const dir = tempDir();
    const proj = join(dir, 'proj');
    const a = join(dir, 'a.wav');
    const b = join(dir, 'b.wav');
    const loose = join(dir, 'loose.wav');
    writeSpeech(a, 5, [[0.5, 3]], 3);
    writeSpeech(b, 5, [[1, 2.5]], 4);
    writeSpeech(loose, 3, [[0.5, 1]], 5);
    const textA = 'मेरा पिन कोड 110001 है';
    const textB = 'कल 5 बजे मिलेंगे';
    const row = (id: string, text: string, surface: string, type: string, audio: string) => ({
      id,
      lang: 'hi',
      text,
      entity_tokens: [
        {
          surface,
          start: text.indexOf(surface),
          end: text.indexOf(surface) + surface.length,
          type,
        },
      ],
      audio_path: audio,
    });
    const corpus = join(dir, 'refs.jsonl');
    writeFileSync(
      corpus,
      [row('u1', textA, '110001', 'pincode', 'a.wav'), row('u2', textB, '5', 'time', 'b.wav')]
        .map((r) => JSON.stringify(r))
        .join('\n') + '\n',
    );
    const p = Project.init(proj);
    const imported = await importCorpus(p, corpus);
    expect(imported.problems).toEqual([]);
    p.close();

    const out = await transcribe('-p', proj, a, b, loose, '--test-set', 'fixture', '--json');
    expect(process.exitCode).toBeUndefined();
    const printed = lines(out);
    expect(printed.map((l) => l.path)).toEqual([a, b, loose, undefined]);
    const hypA = (printed[0] as unknown as Line).text;
    const run1 = printed[3].run as { id: number; name: string; utterances: number };
    expect(run1).toMatchObject({ name: 'wav2vec2-ctc-tiny on fixture', utterances: 2 });

    // Without files: the project's linked audio (a and b, not the loose one).
    const again = lines(await transcribe('-p', proj, '--json', '--no-script-constraint'));
    expect(again).toHaveLength(3);
    expect(again.map((l) => l.path)).toEqual(['a.wav', 'b.wav', undefined]);
    const run2 = again[2].run as { id: number; name: string };
    expect(run2.name).toBe('wav2vec2-ctc-tiny on project audio');

    const q = Project.open(proj, { readonly: true });
    try {
      expect(q.audio.count()).toBe(3);
      const runs = q.runs.list();
      expect(runs.map((r) => r.id)).toEqual([run1.id, run2.id]);
      expect(runs[0]).toMatchObject({
        model: 'wav2vec2-ctc-tiny',
        testSet: 'fixture',
        utterances: 2,
        entities: 2,
      });
      const row1 = q.db
        .prepare('SELECT model_sha256 AS sha, decode_json AS decode FROM eval_runs WHERE id = ?')
        .get(run1.id) as { sha: string; decode: string };
      expect(row1.sha).toBe(await sha256File(join(modelDir, 'onnx/model.onnx')));
      expect(JSON.parse(row1.decode)).toEqual({
        language: 'hi',
        scriptConstrained: null,
        vad: 'energy',
        maxChunkSeconds: expect.any(Number),
        family: 'wav2vec2-ctc',
      });
      // --no-script-constraint reaches the engine and is recorded with the run.
      const row2 = q.db
        .prepare('SELECT decode_json AS decode FROM eval_runs WHERE id = ?')
        .get(run2.id) as { decode: string };
      expect(JSON.parse(row2.decode)).toMatchObject({ scriptConstrained: false });
      const hyps = q.db
        .prepare(
          'SELECT u.ext_id AS id, h.text AS text FROM hypotheses h JOIN utterances u ON u.id = h.utterance_id WHERE h.run_id = ? ORDER BY u.ext_id',
        )
        .all(run1.id) as { id: string; text: string }[];
      expect(hyps.map((h) => h.id)).toEqual(['u1', 'u2']);
      expect(hyps[0].text).toBe(hypA);
      // The recogniser's word times are kept with the hypothesis, for playback from an entity.
      const printedWords = (printed[0] as unknown as { words: unknown[] }).words;
      expect(printedWords.length).toBeGreaterThan(0);
      const stored = q.db
        .prepare(
          "SELECT h.words_json AS w FROM hypotheses h JOIN utterances u ON u.id = h.utterance_id WHERE h.run_id = ? AND u.ext_id = 'u1'",
        )
        .get(run1.id) as { w: string };
      expect(JSON.parse(stored.w)).toEqual(printedWords);
      const ents = q.runs.entities({ runId: run1.id, offset: 0, limit: 10 });
      expect(ents.total).toBe(2);
      expect(ents.rows.map((r) => r.surface).sort()).toEqual(['110001', '5']);
      const scores = q.db
        .prepare('SELECT count(*) AS n FROM utterance_scores WHERE run_id = ?')
        .get(run1.id) as { n: number };
      expect(scores.n).toBe(2);
      const c = compareRuns(q, [String(run1.id), String(run2.id)]);
      expect(c.commonUtterances).toBe(2);
    } finally {
      q.close();
    }
  });

  it('refuses to run without audio or a project, and refuses --vtt with --srt', async () => {
    await expect(transcribe()).rejects.toThrow(/at least one audio file/);
    await expect(transcribe('x.wav', '--vtt', 'a', '--srt', 'b')).rejects.toThrow(/not both/);
  });
});
