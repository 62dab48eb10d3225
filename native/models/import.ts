/**
 * `charkha models import`: a model folder or archive (.zip, .tar, .tar.gz)
 * into the model home, offline. Archives are unpacked into a staging folder
 * inside the model home with every entry's path checked, the manifest's
 * files (and only those) are moved into place with their checksums, and the
 * model appears under its id in one rename, so a failed import leaves nothing
 * half-there.
 */
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { UserError } from '../contract/errors.js';
import { extractTar } from './archive/tar.js';
import { extractZip } from './archive/zip.js';
import { sha256File } from './hash.js';
import { inferManifest, listFiles } from './infer-manifest.js';
import type { InferOptions } from './infer-manifest.js';
import { MANIFEST_FILE, parseManifest, readManifest } from './manifest.js';
import type { ModelManifest } from './manifest.js';
import { modelHome } from './model-home.js';

export interface ImportOptions extends InferOptions {
  home?: string;
  /** Replace a model already installed under the same id. */
  replace?: boolean;
}

export interface ImportResult {
  id: string;
  dir: string;
  manifest: ModelManifest;
}

const ARCHIVE = /\.(zip|tar|tgz|tar\.gz)$/i;

export async function importModel(source: string, opts: ImportOptions = {}): Promise<ImportResult> {
  const home = resolve(opts.home ?? modelHome());
  const src = resolve(source);
  const s = await stat(src).catch(() => undefined);
  if (!s) throw new UserError('not_found', `nothing to import at ${src}`);
  await mkdir(home, { recursive: true });
  let staging: string | undefined;
  try {
    let root = src;
    if (s.isFile()) {
      if (!ARCHIVE.test(src)) {
        throw new UserError('bad_input', `${src} is neither a model folder nor a .zip/.tar/.tar.gz archive`);
      }
      staging = await mkdtemp(join(home, '.staging-'));
      if (/\.zip$/i.test(src)) await extractZip(src, staging);
      else await extractTar(src, staging);
      root = await modelRoot(staging);
    }
    const manifest = existsSync(join(root, MANIFEST_FILE))
      ? await readManifest(root)
      : await inferManifest(root, opts);
    if (opts.id) manifest.id = opts.id;
    parseManifest(manifest, join(root, MANIFEST_FILE));
    return await install(root, manifest, home, opts.replace ?? false, staging !== undefined);
  } finally {
    if (staging) await rm(staging, { recursive: true, force: true });
  }
}

/** The folder inside an unpacked archive that holds the model: its root, or its one sub-folder. */
async function modelRoot(dir: string): Promise<string> {
  if (existsSync(join(dir, MANIFEST_FILE))) return dir;
  const files = await listFiles(dir);
  const tops = new Set(files.map((f) => f.split('/')[0]));
  if (tops.size === 1 && files.every((f) => f.includes('/'))) return join(dir, [...tops][0]);
  return dir;
}

async function install(
  root: string,
  manifest: ModelManifest,
  home: string,
  replace: boolean,
  move: boolean,
): Promise<ImportResult> {
  const dest = join(home, manifest.id);
  if (existsSync(dest) && !replace) {
    throw new UserError(
      'conflict',
      `a model "${manifest.id}" is already installed at ${dest}`,
      'remove it first (`charkha models remove`), import with --replace, or pick another --id',
    );
  }
  const tmp = await mkdtemp(join(home, `.importing-${manifest.id}-`));
  try {
    const files = [];
    for (const f of manifest.files) {
      const from = join(root, f.path);
      const st = await stat(from).catch(() => undefined);
      if (!st?.isFile()) {
        throw new UserError('model_invalid', `model ${manifest.id}: file ${from} is missing`);
      }
      const sha = await sha256File(from);
      if (f.sha256 && f.sha256 !== sha) {
        throw new UserError(
          'model_invalid',
          `model ${manifest.id}: file ${from} has sha256 ${sha}, its manifest says ${f.sha256}`,
        );
      }
      const to = join(tmp, f.path);
      await mkdir(dirname(to), { recursive: true });
      if (move) await rename(from, to);
      else await cp(from, to);
      files.push({ ...f, size: st.size, sha256: sha });
    }
    for (const extra of ['README.md', 'LICENSE', 'MODEL_CARD.md']) {
      const p = join(root, extra);
      if (existsSync(p) && !files.some((f) => f.path === extra)) await cp(p, join(tmp, extra));
    }
    const out: ModelManifest = { ...manifest, files };
    await writeFile(join(tmp, MANIFEST_FILE), `${JSON.stringify(out, null, 2)}\n`);
    if (replace) await rm(dest, { recursive: true, force: true });
    await rename(tmp, dest);
    return { id: out.id, dir: dest, manifest: out };
  } catch (e) {
    await rm(tmp, { recursive: true, force: true });
    throw e;
  }
}
