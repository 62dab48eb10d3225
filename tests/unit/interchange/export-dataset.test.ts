import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readWavHeader } from '../../../native/audio/wav.js';
import type { DatasetCard } from '../../../native/interchange/dataset-card.js';
import { safeName } from '../../../native/interchange/dataset-rows.js';
import { exportDataset } from '../../../native/interchange/export-dataset.js';
import { monoCachePath } from '../../../native/service/audio-prepare.js';
import { Project } from '../../../native/store/project.js';
import { tempDir } from '../../helpers/temp.js';
import { buildProject } from './dataset-project.js';

const read = (p: string) => readFileSync(p, 'utf8');
const jsonl = (p: string) =>
  read(p)
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);

async function exportFrom(
  root: string,
  format: 'nemo' | 'hf' | 'kaldi' | 'paper',
  extra: { split?: 'train' | 'test'; jobConfig?: unknown } = {},
) {
  const out = join(tempDir(), format);
  const p = Project.open(root, { readonly: true });
  try {
    return { out, r: await exportDataset(p, { format, outDir: out, ...extra }) };
  } finally {
    p.close();
  }
}

let base: string;
let root: string;
// The project is built once; every test only reads it, which is what it checks.
beforeAll(async () => {
  base = mkdtempSync(join(tmpdir(), 'charkha-export-'));
  root = await buildProject(base);
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

const TA = safeName('ta 7/000004');
const PHONE = [{ type: 'phone', surface: '8231826644', start: 5, end: 15, value: null }];
const AMOUNT = [{ type: 'currency_amount', surface: '₹18,000', start: 4, end: 11, value: null }];
const MIXED = [
  { type: 'brand', surface: 'PhonePe', start: 0, end: 7, value: null },
  { type: 'pincode', surface: '500081', start: 11, end: 17, value: null },
];

describe('dataset export', () => {
  it('names files by ext id, cleaning and hashing ids that are not safe', () => {
    expect(safeName('te-7-000001')).toBe('te-7-000001');
    expect(TA).toMatch(/^ta_7_000004-[0-9a-f]{10}$/);
    expect(safeName('ta 7_000004')).not.toBe(TA);
    expect(safeName('../x')).toMatch(/^___x-/);
  });

  it('NeMo: one manifest per split, durations of the 16 kHz clips, entities', async () => {
    const { out, r } = await exportFrom(root, 'nemo');
    expect(jsonl(join(out, 'train_manifest.jsonl'))).toEqual([
      {
        audio_filepath: 'audio/te-7-000001.wav',
        duration: 0.5,
        text: 'నాకు 8231826644 కి కాల్ చేయండి',
        lang: 'te',
        id: 'te-7-000001',
        entity_class: 'digits',
        system: 'espeak:te',
        entities: PHONE,
      },
      {
        audio_filepath: 'audio/te-7-000003.wav',
        duration: 1,
        text: 'PhonePe లో 500081 పిన్',
        lang: 'te',
        id: 'te-7-000003',
        entity_class: 'mixed',
        system: 'espeak:te',
        entities: MIXED,
      },
    ]);
    expect(jsonl(join(out, 'test_manifest.jsonl'))).toEqual([
      {
        audio_filepath: 'audio/hi-7-000002.wav',
        duration: 0.25,
        text: 'फीस ₹18,000 है',
        lang: 'hi',
        id: 'hi-7-000002',
        entity_class: 'currency',
        system: 'espeak:hi-f3',
        entities: AMOUNT,
      },
    ]);
    // The row without audio cannot be a NeMo row.
    expect(r.rows).toBe(3);
    expect(r.files).toBe(3 + 2 + 2);
    for (const [name, frames] of [
      ['te-7-000001', 8000],
      ['hi-7-000002', 4000],
      ['te-7-000003', 16000],
    ] as const) {
      const h = readWavHeader(new Uint8Array(readFileSync(join(out, 'audio', `${name}.wav`))));
      expect([h.sampleRate, h.channels, h.frames]).toEqual([16000, 1, frames]);
    }
  });

  it('NeMo clips are the project cache copy, byte for byte', async () => {
    const { out } = await exportFrom(root, 'nemo', { split: 'test' });
    const p = Project.open(root, { readonly: true });
    const audio = p.audio.get(p.utterances.getByExtId('hi-7-000002')!.audioId!)!;
    p.close();
    expect(readFileSync(join(out, 'audio/hi-7-000002.wav'))).toEqual(
      readFileSync(monoCachePath(join(root, 'cache'), audio.sha256)),
    );
    expect(existsSync(join(out, 'train_manifest.jsonl'))).toBe(false);
  });

  it('Hugging Face audiofolder: metadata.jsonl and clips per split folder', async () => {
    const { out } = await exportFrom(root, 'hf');
    expect(readdirSync(out).sort()).toEqual(['README.md', 'card.json', 'test', 'train']);
    expect(readdirSync(join(out, 'train')).sort()).toEqual([
      'metadata.jsonl',
      'te-7-000001.wav',
      'te-7-000003.wav',
    ]);
    expect(jsonl(join(out, 'test', 'metadata.jsonl'))).toEqual([
      {
        file_name: 'hi-7-000002.wav',
        id: 'hi-7-000002',
        text: 'फीस ₹18,000 है',
        spoken: null,
        lang: 'hi',
        entity_class: 'currency',
        split: 'test',
        system: 'espeak:hi-f3',
        duration: 0.25,
        entities: AMOUNT,
      },
    ]);
    expect(jsonl(join(out, 'train', 'metadata.jsonl')).map((r) => r.file_name)).toEqual([
      'te-7-000001.wav',
      'te-7-000003.wav',
    ]);
  });

  it('Kaldi: C-sorted files, speaker-prefixed ids, absolute 16-bit PCM wav.scp', async () => {
    const { out } = await exportFrom(root, 'kaldi');
    const train = join(out, 'train');
    const a = 'espeak_te-te-7-000001';
    const b = 'espeak_te-te-7-000003';
    expect(read(join(train, 'wav.scp'))).toBe(
      `${a} ${join(out, 'wav/te-7-000001.wav')}\n${b} ${join(out, 'wav/te-7-000003.wav')}\n`,
    );
    expect(read(join(train, 'text'))).toBe(
      `${a} నాకు 8231826644 కి కాల్ చేయండి\n${b} PhonePe లో 500081 పిన్\n`,
    );
    expect(read(join(train, 'utt2spk'))).toBe(`${a} espeak_te\n${b} espeak_te\n`);
    expect(read(join(train, 'spk2utt'))).toBe(`espeak_te ${a} ${b}\n`);
    expect(read(join(train, 'segments'))).toBe(`${a} ${a} 0 0.5\n${b} ${b} 0 1\n`);
    expect(read(join(train, 'utt2dur'))).toBe(`${a} 0.5\n${b} 1\n`);
    expect(read(join(out, 'test', 'utt2spk'))).toBe('espeak_hi-f3-hi-7-000002 espeak_hi-f3\n');
    const h = readWavHeader(new Uint8Array(readFileSync(join(out, 'wav/te-7-000001.wav'))));
    expect([h.codec, h.bitsPerSample, h.sampleRate]).toEqual(['pcm', 16, 16000]);
  });

  it('Kaldi sorts as LC_ALL=C sort does: upper case first, then - . _ before letters', async () => {
    const dir = tempDir();
    const specs = ['b-x', 'B-x', 'a_x', 'a-x', 'a.x'].map((extId, i) => ({
      extId,
      lang: 'hi' as const,
      text: `पाठ ${i}`,
      split: 'train' as const,
      entityClass: 'digits',
      system: i % 2 ? 'v2' : 'v1',
      spans: [],
      audio: [16000, 0.1, 300 + 50 * i] as [number, number, number],
    }));
    const r2 = await buildProject(dir, specs);
    const { out } = await exportFrom(r2, 'kaldi');
    const ids = read(join(out, 'train', 'utt2spk'))
      .trim()
      .split('\n')
      .map((l) => l.split(' ')[0]);
    expect(ids).toEqual(['v1-a.x', 'v1-a_x', 'v1-b-x', 'v2-B-x', 'v2-a-x']);
    expect(read(join(out, 'train', 'spk2utt'))).toBe('v1 v1-a.x v1-a_x v1-b-x\nv2 v2-B-x v2-a-x\n');
  });

  it('paper JSONL: the shared corpora row shape, with audio_path, source and duration_s', async () => {
    const { out, r } = await exportFrom(root, 'paper');
    const rows = jsonl(join(out, 'manifest.jsonl'));
    expect(r.rows).toBe(4);
    expect(rows[0]).toEqual({
      id: 'te-7-000001',
      lang: 'te',
      entity_class: 'digits',
      text: 'నాకు 8231826644 కి కాల్ చేయండి',
      entity_tokens: [{ surface: '8231826644', start: 5, end: 15, type: 'phone' }],
      template_id: 'te-digits-003',
      split: 'train',
      audio_path: 'audio/te-7-000001.wav',
      source: 'synth_espeak:te',
      duration_s: 0.5,
    });
    expect(rows[1]).toMatchObject({
      id: 'hi-7-000002',
      entity_tokens: [{ surface: '₹18,000', start: 4, end: 11, type: 'currency_amount' }],
      split: 'test',
      audio_path: 'audio/hi-7-000002.wav',
    });
    // A row without audio is still a text row of the corpus.
    expect(rows[3]).toEqual({
      id: 'ta 7/000004',
      lang: 'ta',
      text: 'அறை எண் 12',
      entity_tokens: [{ surface: '12', start: 8, end: 10, type: 'digit_run' }],
      entity_class: 'digits',
      split: 'train',
    });
    expect(readFileSync(join(out, 'audio', 'te-7-000001.wav')).length).toBeGreaterThan(0);
  });

  it('writes a card with counts per class, type, system and split, hours, licences and the job config', async () => {
    const config = { langs: ['hi', 'te'], count: 4 };
    const { out } = await exportFrom(root, 'paper', { jobConfig: config });
    const card = JSON.parse(read(join(out, 'card.json'))) as DatasetCard;
    expect(card.rows).toBe(4);
    expect(card.rowsWithoutAudio).toBe(1);
    expect(card.hours).toBe(Math.round((1.75 / 3600) * 1e4) / 1e4);
    expect(card.bySplit).toEqual({
      test: { utterances: 1, seconds: 0.25 },
      train: { utterances: 3, seconds: 1.5 },
    });
    expect(card.byClass).toEqual({
      currency: { utterances: 1, seconds: 0.25 },
      digits: { utterances: 2, seconds: 0.5 },
      mixed: { utterances: 1, seconds: 1 },
    });
    expect(card.bySystem).toEqual({
      'espeak:hi-f3': { utterances: 1, seconds: 0.25 },
      'espeak:te': { utterances: 2, seconds: 1.5 },
    });
    expect(card.byEntityType).toEqual({
      brand: 1,
      currency_amount: 1,
      digit_run: 1,
      phone: 1,
      pincode: 1,
    });
    expect(card.jobConfig).toEqual(config);
    const licences = Object.fromEntries(card.licences.map((l) => [l.name, l.licence]));
    expect(licences.Charkha).toBe('GPL-3.0-or-later');
    expect(licences['espeak-ng']).toBe('GPL-3.0-or-later');
    // The generated Telugu row brings the lexicons it was generated from; no Hindi/Tamil ones.
    expect(licences['assets/lexicons/te/templates.json']).toMatch(/^CC-BY-4.0/);
    expect(licences['assets/lexicons/common/brands.json']).toMatch(/^CC-BY-4.0/);
    expect(licences['assets/lexicons/hi/templates.json']).toBeUndefined();
    const md = read(join(out, 'README.md'));
    expect(md).toMatch(/^---\nlanguage: \[hi, ta, te\]\n/);
    expect(md).toContain('| espeak:te | 2 | 0.0004 |');
    expect(md).toContain('"count": 4');
  });

  it('never modifies the project: database bytes, mtime and folder listing unchanged', async () => {
    const snapshot = () => {
      // charkha.db-shm is SQLite's shared-memory index, which every reader maps and
      // stamps; it holds no project data and is not checked.
      const files = readdirSync(root, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile() && !e.name.endsWith('-shm'))
        .map((e) => join(e.parentPath, e.name))
        .sort();
      return files.map((f) => {
        const st = statSync(f);
        const sha = createHash('sha256').update(readFileSync(f)).digest('hex');
        return `${f} ${st.size} ${st.mtimeMs} ${sha}`;
      });
    };
    const before = snapshot();
    expect(before.some((l) => l.includes('charkha.db '))).toBe(true);
    for (const f of ['nemo', 'hf', 'kaldi', 'paper'] as const) await exportFrom(root, f);
    expect(snapshot()).toEqual(before);
  });

  it('refuses folders it must not write, replaces an earlier export, leaves no partial output', async () => {
    const p = Project.open(root, { readonly: true });
    try {
      await expect(
        exportDataset(p, { format: 'nemo', outDir: join(root, 'cache') }),
      ).rejects.toThrow(/inside its audio or cache/);
      const dir = tempDir();
      await expect(exportDataset(p, { format: 'hf', outDir: dir })).resolves.toMatchObject({
        rows: 3,
      });
      // An earlier export is replaced whole; any other non-empty folder is refused.
      await expect(exportDataset(p, { format: 'nemo', outDir: dir })).resolves.toMatchObject({
        rows: 3,
      });
      expect(readdirSync(dir).sort()).toEqual([
        'README.md',
        'audio',
        'card.json',
        'test_manifest.jsonl',
        'train_manifest.jsonl',
      ]);
      const other = tempDir();
      writeFileSync(join(other, 'notes.txt'), 'mine');
      await expect(exportDataset(p, { format: 'hf', outDir: other })).rejects.toThrow(
        /not empty and not a Charkha dataset export/,
      );
      expect(readdirSync(other)).toEqual(['notes.txt']);
      const siblings = readdirSync(dirname(dir)).filter((n) => n.startsWith(`${basename(dir)}.`));
      expect(siblings).toEqual([]);
      await expect(
        exportDataset(p, { format: 'xml' as 'hf', outDir: join(dir, 'x') }),
      ).rejects.toThrow(/unknown dataset format "xml"/);
    } finally {
      p.close();
    }
  });
});
