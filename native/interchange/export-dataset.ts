import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { UserError } from '../contract/errors.js';
import { WORK_RATE } from '../service/audio-prepare.js';
import type { Project } from '../store/project.js';
import { writeClip } from './dataset-audio.js';
import { buildCard, writeCard, type DatasetFormat } from './dataset-card.js';
import { FORMATS, type PlacedRow } from './dataset-formats.js';
import { datasetLicences } from './dataset-licences.js';
import { datasetRows } from './dataset-rows.js';

export interface ExportDatasetOptions {
  format: DatasetFormat;
  outDir: string;
  jobId?: number;
  split?: 'train' | 'test';
  keptOnly?: boolean;
  jobConfig?: unknown;
}

function inside(parent: string, child: string): boolean {
  const rel = relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/**
 * A dataset may sit in the project folder (the flywheel writes its exports
 * to `<project>/exports/`), but never over the database, the audio store or
 * the caches.
 */
function checkOutDir(project: Project, outDir: string): void {
  const { root, audio, cache } = project.paths;
  if (outDir === root || inside(audio, outDir) || inside(cache, outDir)) {
    throw new UserError(
      'bad_input',
      `${outDir} is the project's own folder or inside its audio or cache; exports never write there`,
    );
  }
  if (existsSync(outDir) && readdirSync(outDir).length > 0 && !isDatasetExport(outDir)) {
    throw new UserError(
      'conflict',
      `${outDir} is not empty and not a Charkha dataset export; export into a new or empty folder`,
    );
  }
}

/** An earlier export is replaced whole, so an export step that is run again (a resumed job) succeeds. */
function isDatasetExport(dir: string): boolean {
  try {
    const card = JSON.parse(readFileSync(join(dir, 'card.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    return typeof card.charkha === 'string' && typeof card.format === 'string';
  } catch {
    return false;
  }
}

/**
 * Writes a dataset (index files, 16 kHz mono clips, README.md and card.json)
 * from a project, which is only read. The folder is built under a temporary
 * name and renamed at the end, so a killed export leaves no half dataset.
 */
export async function exportDataset(
  project: Project,
  options: ExportDatasetOptions,
): Promise<{ outDir: string; files: number; rows: number }> {
  const writer = FORMATS[options.format] as (typeof FORMATS)[DatasetFormat] | undefined;
  if (!writer) {
    throw new UserError(
      'bad_input',
      `unknown dataset format "${options.format}" (one of ${Object.keys(FORMATS).join(', ')})`,
    );
  }
  const outDir = resolve(options.outDir);
  checkOutDir(project, outDir);
  const filter = { jobId: options.jobId, keptOnly: options.keptOnly ?? false };
  const rows = datasetRows(project, { split: options.split, filter }).filter(
    (r) => r.clip !== null || !writer.needsAudio,
  );
  const jobConfig =
    options.jobConfig ??
    (options.jobId !== undefined ? project.jobs.get(options.jobId)?.config : undefined);

  mkdirSync(dirname(outDir), { recursive: true });
  const work = `${outDir}.${process.pid}.partial`;
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work);
  try {
    const placed: PlacedRow[] = [];
    let files = 0;
    for (const row of rows) {
      if (row.clip === null) {
        placed.push({ row, durationSec: null, audio: null });
        continue;
      }
      const audio = writer.audioPath(row);
      const frames = await writeClip(project, row.clip, join(work, audio), writer.encoding);
      placed.push({ row, durationSec: frames / WORK_RATE, audio });
      files++;
    }
    files += writer.write(work, placed, outDir);
    const card = buildCard({
      format: options.format,
      selection: {
        split: options.split ?? null,
        jobId: options.jobId ?? null,
        keptOnly: filter.keptOnly,
      },
      rows: placed,
      files: files + 2,
      licences: datasetLicences(project.db, rows),
      jobConfig,
    });
    writeCard(work, card);
    if (existsSync(outDir)) {
      const old = `${outDir}.${process.pid}.old`;
      renameSync(outDir, old);
      renameSync(work, outDir);
      rmSync(old, { recursive: true, force: true });
    } else renameSync(work, outDir);
    return { outDir, files: card.files, rows: placed.length };
  } catch (e) {
    rmSync(work, { recursive: true, force: true });
    throw e;
  }
}
