import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageVersion } from '../package-root.js';
import type { SourceLicence } from './dataset-licences.js';
import type { DatasetRow } from './dataset-rows.js';

export type DatasetFormat = 'nemo' | 'hf' | 'kaldi' | 'paper';

export interface ExportedRow {
  row: DatasetRow;
  /** Seconds of the exported 16 kHz clip; null for a row exported without audio. */
  durationSec: number | null;
}

interface Tally {
  utterances: number;
  seconds: number;
}

export interface DatasetCard {
  format: DatasetFormat;
  charkha: string;
  selection: { split: string | null; jobId: number | null; keptOnly: boolean };
  rows: number;
  rowsWithoutAudio: number;
  files: number;
  hours: number;
  byLang: Record<string, Tally>;
  bySplit: Record<string, Tally>;
  byClass: Record<string, Tally>;
  bySystem: Record<string, Tally>;
  /** Entity spans (written text) per type. */
  byEntityType: Record<string, number>;
  licences: SourceLicence[];
  jobConfig: unknown;
}

const round = (x: number, places: number) => Math.round(x * 10 ** places) / 10 ** places;

function add(map: Record<string, Tally>, key: string, seconds: number): void {
  const t = (map[key] ??= { utterances: 0, seconds: 0 });
  t.utterances++;
  t.seconds += seconds;
}

function sorted<T>(map: Record<string, T>, fix: (v: T) => T = (v) => v): Record<string, T> {
  return Object.fromEntries(
    Object.keys(map)
      .sort()
      .map((k) => [k, fix(map[k])]),
  );
}

export function buildCard(input: {
  format: DatasetFormat;
  selection: DatasetCard['selection'];
  rows: ExportedRow[];
  files: number;
  licences: SourceLicence[];
  jobConfig: unknown;
}): DatasetCard {
  const byLang: Record<string, Tally> = {};
  const bySplit: Record<string, Tally> = {};
  const byClass: Record<string, Tally> = {};
  const bySystem: Record<string, Tally> = {};
  const byEntityType: Record<string, number> = {};
  let seconds = 0;
  let withoutAudio = 0;
  for (const { row, durationSec } of input.rows) {
    const s = durationSec ?? 0;
    if (durationSec === null) withoutAudio++;
    seconds += s;
    add(byLang, row.utt.lang, s);
    add(bySplit, row.utt.split, s);
    add(byClass, row.utt.entityClass ?? 'none', s);
    if (durationSec !== null) add(bySystem, row.system, s);
    for (const e of row.utt.entities) byEntityType[e.type] = (byEntityType[e.type] ?? 0) + 1;
  }
  const fix = (t: Tally): Tally => ({ utterances: t.utterances, seconds: round(t.seconds, 3) });
  return {
    format: input.format,
    charkha: packageVersion(),
    selection: input.selection,
    rows: input.rows.length,
    rowsWithoutAudio: withoutAudio,
    files: input.files,
    hours: round(seconds / 3600, 4),
    byLang: sorted(byLang, fix),
    bySplit: sorted(bySplit, fix),
    byClass: sorted(byClass, fix),
    bySystem: sorted(bySystem, fix),
    byEntityType: sorted(byEntityType),
    licences: input.licences,
    jobConfig: input.jobConfig ?? null,
  };
}

const FORMAT_NAMES: Record<DatasetFormat, string> = {
  nemo: 'NeMo manifests (JSONL)',
  hf: 'Hugging Face audiofolder',
  kaldi: 'Kaldi data directories',
  paper: 'stt-flywheel JSONL (the paper’s row shape)',
};

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\s+/g, ' ');

function table(title: string, map: Record<string, Tally>): string {
  const lines = [`### ${title}`, '', '| | utterances | hours |', '|---|---:|---:|'];
  for (const [k, t] of Object.entries(map))
    lines.push(`| ${cell(k)} | ${t.utterances} | ${(t.seconds / 3600).toFixed(4)} |`);
  return lines.join('\n');
}

/** The card as Markdown, with the YAML header the Hugging Face hub reads. */
export function renderCard(card: DatasetCard): string {
  const langs = Object.keys(card.byLang);
  const parts = [
    '---',
    `language: [${langs.join(', ')}]`,
    'task_categories: [automatic-speech-recognition]',
    'pretty_name: Charkha entity-dense speech export',
    '---',
    '',
    '# Dataset card',
    '',
    `${FORMAT_NAMES[card.format]}, written by Charkha ${card.charkha}. ` +
      `${card.rows} utterances, ${card.hours.toFixed(4)} hours of 16 kHz mono audio` +
      (card.rowsWithoutAudio > 0 ? ` (${card.rowsWithoutAudio} rows without audio)` : '') +
      '.',
    '',
    `Selection: split ${card.selection.split ?? 'all'}, job ${card.selection.jobId ?? 'any'}, ` +
      (card.selection.keptOnly ? 'only clips the round-trip filter kept.' : 'every clip.'),
    '',
    table('By split', card.bySplit),
    '',
    table('By language', card.byLang),
    '',
    table('By entity class', card.byClass),
    '',
    table('By TTS system or voice', card.bySystem),
    '',
    '### Entity spans by type',
    '',
    '| type | spans |',
    '|---|---:|',
    ...Object.entries(card.byEntityType).map(([k, n]) => `| ${cell(k)} | ${n} |`),
    '',
    '## Sources and licences',
    '',
    '| role | source | licence | notes |',
    '|---|---|---|---|',
    ...card.licences.map(
      (l) => `| ${l.role} | ${cell(l.name)} | ${cell(l.licence)} | ${cell(l.source ?? '')} |`,
    ),
    '',
    '## Job configuration',
    '',
    card.jobConfig === null
      ? 'None given.'
      : ['```json', JSON.stringify(card.jobConfig, null, 2), '```'].join('\n'),
    '',
  ];
  return parts.join('\n');
}

/** Writes README.md and card.json into the export folder. */
export function writeCard(outDir: string, card: DatasetCard): void {
  writeFileSync(join(outDir, 'card.json'), `${JSON.stringify(card, null, 2)}\n`);
  writeFileSync(join(outDir, 'README.md'), renderCard(card));
}
