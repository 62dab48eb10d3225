/**
 * `charkha models download <id>`: every file of a catalog model into a
 * staging folder in the model home (kept between runs, so an interrupted
 * download resumes), then a manifest with the checksums actually received,
 * and one rename into place.
 */
import { existsSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { UserError } from '../contract/errors.js';
import { catalogEntryById, fileUrl, readCatalog } from './catalog.js';
import type { Catalog } from './catalog.js';
import { downloadFile } from './download.js';
import type { DownloadOptions } from './download.js';
import { MANIFEST_FILE, checkRelativePath, parseManifest } from './manifest.js';
import type { ModelManifest } from './manifest.js';
import { modelHome } from './model-home.js';

export interface DownloadModelProgress {
  file: string;
  fileIndex: number;
  files: number;
  done: number;
  total?: number;
}

export interface DownloadModelOptions extends Pick<DownloadOptions, 'signal' | 'retries' | 'retryDelayMs'> {
  home?: string;
  catalog?: Catalog;
  endpoint?: string;
  onProgress?: (p: DownloadModelProgress) => void;
}

export async function downloadModel(
  id: string,
  opts: DownloadModelOptions = {},
): Promise<{ id: string; dir: string; manifest: ModelManifest }> {
  const home = resolve(opts.home ?? modelHome());
  const entry = catalogEntryById(opts.catalog ?? readCatalog(), id);
  if (entry.exportRequired) {
    throw new UserError(
      'unsupported',
      `${entry.id} is published without an ONNX export (${entry.source.repo}), so it cannot be downloaded ready to run`,
      entry.notes ?? 'export it to ONNX and import the folder with `charkha models import`',
    );
  }
  const dest = join(home, entry.id);
  if (existsSync(dest)) {
    throw new UserError('conflict', `model "${entry.id}" is already installed at ${dest}`);
  }
  const staging = join(home, `.downloading-${entry.id}`);
  await mkdir(staging, { recursive: true });
  const files: ModelManifest['files'] = [];
  for (const [i, f] of entry.files.entries()) {
    checkRelativePath(f.path, 'the catalog');
    const got = await downloadFile(fileUrl(entry, f.path, opts.endpoint), join(staging, f.path), {
      size: f.size,
      sha256: f.sha256,
      signal: opts.signal,
      retries: opts.retries,
      retryDelayMs: opts.retryDelayMs,
      onProgress: (p) =>
        opts.onProgress?.({ file: f.path, fileIndex: i, files: entry.files.length, ...p }),
    });
    files.push({ path: f.path, ...(f.role ? { role: f.role } : {}), size: got.size, sha256: got.sha256 });
  }
  const manifest = parseManifest(
    {
      id: entry.id,
      name: entry.name,
      task: entry.task,
      family: entry.family,
      layout: entry.layout,
      languages: entry.languages,
      sampleRate: entry.sampleRate,
      licence: entry.licence,
      nonCommercial: entry.nonCommercial,
      source: `https://huggingface.co/${entry.source.repo}`,
      revision: entry.source.revision,
      files,
    },
    'the catalog',
  );
  await writeFile(join(staging, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  await rename(staging, dest);
  return { id: entry.id, dir: dest, manifest };
}

/** Drops a partial download. */
export async function discardDownload(id: string, home = modelHome()): Promise<void> {
  await rm(join(home, `.downloading-${id}`), { recursive: true, force: true });
}
