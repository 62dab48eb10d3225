import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeWav } from '../../../native/audio/wav.js';
import { UserError } from '../../../native/contract/errors.js';
import { speechLevelDbfs } from '../../../native/tts/post/loudness.js';
import { runSynthesize } from './run-synthesize.js';

const dir = mkdtempSync(join(tmpdir(), 'charkha-synth-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('charkha synthesize', () => {
  it(
    'writes one WAV per row and a manifest whose sha256s match',
    { timeout: 180_000 },
    async () => {
      const rows = join(dir, 'rows.jsonl');
      writeFileSync(
        rows,
        [
          { id: 'a1', text: 'आज मौसम अच्छा है।', lang: 'hi' },
          { id: 'a2', text: 'ignored', spoken: 'ఈ రోజు వాతావరణం బాగుంది.', voice: 'te' },
          { id: 'a3', text: 'இன்று வானிலை நன்றாக உள்ளது.', lang: 'ta' },
        ]
          .map((r) => JSON.stringify(r))
          .join('\n') + '\n',
      );
      const out = join(dir, 'out');
      const printed = await runSynthesize([
        '--in',
        rows,
        '--out',
        out,
        '--augment',
        'noisy',
        '--seed',
        '9',
        '--json',
      ]);
      expect(JSON.parse(printed)).toMatchObject({ rows: 3 });
      const manifest = readFileSync(join(out, 'manifest.jsonl'), 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(manifest.map((m) => m.id)).toEqual(['a1', 'a2', 'a3']);
      expect(manifest.map((m) => m.voice)).toEqual(['inc/hi', 'dra/te', 'dra/ta']);
      expect(manifest[1].text).toBe('ఈ రోజు వాతావరణం బాగుంది.');
      for (const m of manifest) {
        const wav = readFileSync(join(out, m.file as string));
        expect(createHash('sha256').update(wav).digest('hex')).toBe(m.sha256);
        const audio = decodeWav(wav);
        expect(audio.sourceFormat.bitsPerSample).toBe(16);
        expect(audio.sampleRate).toBe(m.sample_rate);
        expect(audio.channels[0].length / audio.sampleRate).toBeCloseTo(m.duration as number, 6);
        expect(m.engine).toBe('espeak');
        expect(m.augmentation).toMatchObject({ preset: 'noisy' });
      }
      // Same seed: the same files again.
      const again = join(dir, 'again');
      await runSynthesize([
        '--in',
        rows,
        '--out',
        again,
        '--augment',
        'noisy',
        '--seed',
        '9',
        '--json',
      ]);
      expect(readFileSync(join(again, 'manifest.jsonl'), 'utf8')).toBe(
        readFileSync(join(out, 'manifest.jsonl'), 'utf8'),
      );
    },
  );

  it('resamples and normalises on request', { timeout: 120_000 }, async () => {
    const rows = join(dir, 'one.jsonl');
    writeFileSync(rows, '{"id":"b1","text":"ಇಂದು ಹವಾಮಾನ ತುಂಬಾ ಚೆನ್ನಾಗಿದೆ.","lang":"kn"}\n');
    const out = join(dir, 'one');
    await runSynthesize([
      '--in',
      rows,
      '--out',
      out,
      '--sample-rate',
      '16000',
      '--loudness',
      '-20',
    ]);
    const audio = decodeWav(readFileSync(join(out, 'b1.wav')));
    expect(audio.sampleRate).toBe(16000);
    expect(speechLevelDbfs(audio.channels[0], 16000)).toBeCloseTo(-20, 0);
    const m = JSON.parse(readFileSync(join(out, 'manifest.jsonl'), 'utf8')) as {
      augmentation: { chain: { kind: string }[] };
    };
    expect(m.augmentation.chain.map((c) => c.kind)).toEqual(['loudness', 'resample']);
  });

  it('names the file and line of a bad row', async () => {
    const rows = join(dir, 'bad.jsonl');
    writeFileSync(rows, '{"id":"x1","text":"नमस्ते","lang":"hi"}\n{"id":"x2","text":""}\n');
    await expect(runSynthesize(['--in', rows, '--out', join(dir, 'bad')])).rejects.toThrow(
      new RegExp(`bad\\.jsonl:2: "text" must be a non-empty string`),
    );
    writeFileSync(rows, '{"id":"x1","text":"నమస్కారం","lang":"hi"}\n');
    const e = await runSynthesize(['--in', rows, '--out', join(dir, 'bad')]).catch(
      (x: unknown) => x,
    );
    expect(e).toBeInstanceOf(UserError);
    expect((e as Error).message).toMatch(/bad\.jsonl:1 \(id x1\): text has Telugu letters/);
  });

  it('refuses engines it does not know', async () => {
    await expect(runSynthesize(['--engine', 'coqui', '--in', 'x', '--out', 'y'])).rejects.toThrow(
      /invalid/,
    );
  });
});
