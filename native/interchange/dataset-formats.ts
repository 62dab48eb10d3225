import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Split } from '../contract/common.js';
import { utteranceToRow } from '../service/export-corpus.js';
import type { ClipEncoding } from './dataset-audio.js';
import type { DatasetFormat, ExportedRow } from './dataset-card.js';
import { byteOrder, type DatasetRow } from './dataset-rows.js';

/** A row with its clip placed in the export: `audio` is relative to the export folder. */
export interface PlacedRow extends ExportedRow {
  audio: string | null;
}

export interface FormatWriter {
  /** Where a row's clip goes, relative to the export folder. */
  audioPath(row: DatasetRow): string;
  encoding: ClipEncoding;
  /** Rows without audio are dropped, except by formats that carry text alone. */
  needsAudio: boolean;
  /** Writes the index files; returns how many files it wrote. */
  write(outDir: string, rows: PlacedRow[], finalDir: string): number;
}

function writeText(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

const jsonl = (rows: unknown[]) => rows.map((r) => `${JSON.stringify(r)}\n`).join('');

function bySplit(rows: PlacedRow[]): Map<Split, PlacedRow[]> {
  const out = new Map<Split, PlacedRow[]>();
  for (const r of rows) {
    const s = r.row.utt.split;
    if (!out.has(s)) out.set(s, []);
    out.get(s)!.push(r);
  }
  return new Map([...out].sort(([a], [b]) => byteOrder(a, b)));
}

function entities(row: DatasetRow) {
  return row.utt.entities.map((e) => ({
    type: e.type,
    surface: e.surface,
    start: e.start,
    end: e.end,
    value: e.value,
  }));
}

const nemo: FormatWriter = {
  audioPath: (row) => `audio/${row.name}.wav`,
  encoding: 'cache',
  needsAudio: true,
  write(outDir, rows) {
    let files = 0;
    for (const [split, group] of bySplit(rows)) {
      const lines = group.map(({ row, durationSec, audio }) => ({
        audio_filepath: audio,
        duration: durationSec,
        text: row.utt.text,
        lang: row.utt.lang,
        id: row.utt.extId,
        entity_class: row.utt.entityClass,
        system: row.system,
        ...(row.utt.spoken !== null ? { spoken: row.utt.spoken } : {}),
        entities: entities(row),
      }));
      writeText(join(outDir, `${split}_manifest.jsonl`), jsonl(lines));
      files++;
    }
    return files;
  },
};

/** Folder names the Hugging Face audiofolder loader recognises as splits. */
const HF_SPLIT: Record<Split, string> = {
  train: 'train',
  dev: 'validation',
  test: 'test',
  none: 'unsplit',
};

const hf: FormatWriter = {
  audioPath: (row) => `${HF_SPLIT[row.utt.split]}/${row.name}.wav`,
  encoding: 'cache',
  needsAudio: true,
  write(outDir, rows) {
    let files = 0;
    for (const [split, group] of bySplit(rows)) {
      const lines = group.map(({ row, durationSec }) => ({
        file_name: `${row.name}.wav`,
        id: row.utt.extId,
        text: row.utt.text,
        spoken: row.utt.spoken,
        lang: row.utt.lang,
        entity_class: row.utt.entityClass,
        split: row.utt.split,
        system: row.system,
        duration: durationSec,
        entities: entities(row),
      }));
      writeText(join(outDir, HF_SPLIT[split], 'metadata.jsonl'), jsonl(lines));
      files++;
    }
    return files;
  },
};

const kaldiText = (s: string) => s.replace(/\s+/g, ' ').trim();

/**
 * One recording per utterance; utterance ids start with the speaker id (the
 * TTS voice) so that utt2spk and spk2utt sort the same way, as Kaldi's
 * validate_data_dir.sh requires. wav.scp paths are absolute because Kaldi
 * resolves them from the recipe folder, not from the data folder.
 */
const kaldi: FormatWriter = {
  audioPath: (row) => `wav/${row.name}.wav`,
  encoding: 'pcm16',
  needsAudio: true,
  write(outDir, rows, finalDir) {
    let files = 0;
    for (const [split, group] of bySplit(rows)) {
      const utts = group
        .map((p) => {
          const spk = p.row.system.replace(/[^A-Za-z0-9_.-]/g, '_');
          return { id: `${spk}-${p.row.name}`, spk, p };
        })
        .sort((a, b) => byteOrder(a.id, b.id));
      const spk2utt = new Map<string, string[]>();
      for (const u of utts) {
        if (!spk2utt.has(u.spk)) spk2utt.set(u.spk, []);
        spk2utt.get(u.spk)!.push(u.id);
      }
      const lines = (f: (u: (typeof utts)[number]) => string) =>
        utts.map((u) => `${f(u)}\n`).join('');
      const dir = join(outDir, split);
      writeText(
        join(dir, 'wav.scp'),
        lines((u) => `${u.id} ${resolve(finalDir, u.p.audio!)}`),
      );
      writeText(
        join(dir, 'segments'),
        lines((u) => `${u.id} ${u.id} 0 ${u.p.durationSec}`),
      );
      writeText(
        join(dir, 'text'),
        lines((u) => `${u.id} ${kaldiText(u.p.row.utt.text)}`),
      );
      writeText(
        join(dir, 'utt2spk'),
        lines((u) => `${u.id} ${u.spk}`),
      );
      writeText(
        join(dir, 'utt2dur'),
        lines((u) => `${u.id} ${u.p.durationSec}`),
      );
      writeText(
        join(dir, 'spk2utt'),
        [...spk2utt]
          .sort(([a], [b]) => byteOrder(a, b))
          .map(([spk, ids]) => `${spk} ${ids.join(' ')}\n`)
          .join(''),
      );
      files += 6;
    }
    return files;
  },
};

/** The rows as the shared stt-flywheel corpora write them, with audio_path beside them. */
const paper: FormatWriter = {
  audioPath: (row) => `audio/${row.name}.wav`,
  encoding: 'cache',
  needsAudio: false,
  write(outDir, rows) {
    const lines = rows.map(({ row, audio, durationSec }) => {
      const r = utteranceToRow(row.utt);
      if (audio !== null) r.audio_path = audio;
      else delete r.audio_path;
      if (!('split' in r) && row.utt.split !== 'none') r.split = row.utt.split;
      // The holdouts name their TTS system as source "synth_<system>" and give duration_s.
      if (!('source' in r) && audio !== null) r.source = `synth_${row.system}`;
      if (durationSec !== null) r.duration_s = durationSec;
      return r;
    });
    writeText(join(outDir, 'manifest.jsonl'), jsonl(lines));
    return 1;
  },
};

export const FORMATS: Record<DatasetFormat, FormatWriter> = { nemo, hf, kaldi, paper };
