/**
 * The model registry: the models in the user's model folder (one sub-folder
 * per model, each with a manifest) plus those a project has registered in its
 * `models` table. `verify` checks every file's size and sha256; `open` loads
 * each ONNX file in the inference worker and checks its family's signature up
 * front, so a broken model fails on open with a message naming the file and
 * the tensor, never halfway through a synthesis or a transcription.
 */
import { existsSync } from 'node:fs';
import { readdir, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { UserError } from '../contract/errors.js';
import { getInferenceWorker } from '../workers/inference.js';
import type { InferenceWorker, SessionInfo, SessionOptions } from '../workers/inference.js';
import { familySpec } from './families.js';
import type { FamilySpec } from './families.js';
import { sha256File } from './hash.js';
import { MANIFEST_FILE, readManifest } from './manifest.js';
import type { ModelFile, ModelManifest } from './manifest.js';
import { modelHome } from './model-home.js';
import { packageRoot } from '../package-root.js';
import { resolveRoles } from './roles.js';
import { checkSignature } from './signature.js';

export interface ModelEntry {
  id: string;
  dir: string;
  /**
   * `bundled` (Charkha's own models/default/, read-only), `home` (the user's
   * model folder) or `project` (a project's models table).
   */
  origin: 'bundled' | 'home' | 'project';
  manifest: ModelManifest;
}

/** A folder in the model home that is not a usable model, reported rather than hidden. */
export interface BrokenEntry {
  dir: string;
  problem: string;
}

export interface FileCheck {
  path: string;
  ok: boolean;
  problem?: string;
  sha256?: string;
}

export interface VerifyReport {
  id: string;
  ok: boolean;
  files: FileCheck[];
}

/** Rows of a project's `models` table, as the store hands them over. */
export interface ProjectModelRow {
  modelId: string;
  path: string;
}

export interface RegistryOptions {
  /** Default: `modelHome()`. */
  home?: string;
  /** Read-only folders of bundled models; default: the package's models/default/. */
  bundled?: string[];
  /** A project's registered models (paths absolute or relative to the project). */
  projectModels?: () => ProjectModelRow[];
  worker?: () => InferenceWorker;
}

export interface OpenModelOptions {
  session?: SessionOptions;
  signal?: AbortSignal;
}

/** A model whose ONNX files are loaded and checked. `close()` releases the sessions. */
export interface OpenedModel {
  manifest: ModelManifest;
  dir: string;
  spec: FamilySpec;
  /** Absolute path of the file playing each role. */
  files: Record<string, string>;
  /** Loaded ONNX sessions by role. */
  sessions: Record<string, SessionInfo>;
  close(): Promise<void>;
}

export class ModelRegistry {
  readonly home: string;
  readonly bundled: string[];
  private readonly projectModels: () => ProjectModelRow[];
  private readonly worker: () => InferenceWorker;

  constructor(options: RegistryOptions = {}) {
    this.home = resolve(options.home ?? modelHome());
    this.bundled = (options.bundled ?? [join(packageRoot(), 'models', 'default')]).map((d) =>
      resolve(d),
    );
    this.projectModels = options.projectModels ?? (() => []);
    this.worker = options.worker ?? (() => getInferenceWorker());
  }

  /**
   * Every model: bundled, then home, then a project's; an entry with the
   * same id as an earlier one wins (a user's model over a bundled one).
   */
  async list(): Promise<{ models: ModelEntry[]; broken: BrokenEntry[] }> {
    const byId = new Map<string, ModelEntry>();
    const broken: BrokenEntry[] = [];
    const sources = [
      ...this.bundled.map((root) => ({ root, origin: 'bundled' as const })),
      { root: this.home, origin: 'home' as const },
    ];
    for (const { root, origin } of sources) {
      const dirs = existsSync(root)
        ? (await readdir(root, { withFileTypes: true }))
            .filter((d) => d.isDirectory() && !d.name.startsWith('.'))
            .map((d) => join(root, d.name))
        : [];
      for (const dir of dirs.sort()) {
        // A bundled folder without a manifest is a model still being made, not a broken one.
        if (origin === 'bundled' && !existsSync(join(dir, MANIFEST_FILE))) continue;
        try {
          const manifest = await readManifest(dir);
          byId.set(manifest.id, { id: manifest.id, dir, origin, manifest });
        } catch (e) {
          broken.push({ dir, problem: e instanceof Error ? e.message : String(e) });
        }
      }
    }
    for (const row of this.projectModels()) {
      try {
        const manifest = await readManifest(row.path);
        byId.set(manifest.id, { id: manifest.id, dir: row.path, origin: 'project', manifest });
      } catch (e) {
        broken.push({ dir: row.path, problem: e instanceof Error ? e.message : String(e) });
      }
    }
    return { models: [...byId.values()], broken };
  }

  async get(id: string): Promise<ModelEntry> {
    const { models } = await this.list();
    const found = models.find((m) => m.id === id);
    if (!found) {
      throw new UserError(
        'not_found',
        `no model "${id}" in ${this.home}`,
        'see `charkha models list`; add one with `charkha models import` or `charkha models download`',
      );
    }
    return found;
  }

  async verify(id: string): Promise<VerifyReport> {
    return verifyModelDir((await this.get(id)).dir);
  }

  async open(id: string, options: OpenModelOptions = {}): Promise<OpenedModel> {
    return openModelDir((await this.get(id)).dir, { ...options, worker: this.worker });
  }

  /** Deletes a model folder from the model home (never a project's model). */
  async remove(id: string): Promise<ModelEntry> {
    const entry = await this.get(id);
    if (entry.origin !== 'home') {
      throw new UserError(
        'unsupported',
        entry.origin === 'bundled'
          ? `model "${id}" is bundled with Charkha (read-only), not in ${this.home}`
          : `model "${id}" belongs to a project, not ${this.home}`,
      );
    }
    await rm(entry.dir, { recursive: true, force: true });
    return entry;
  }
}

/** Checks that every file exists with its recorded size and sha256. */
export async function verifyModelDir(dir: string): Promise<VerifyReport> {
  const manifest = await readManifest(dir);
  const files: FileCheck[] = [];
  for (const f of manifest.files) {
    const path = join(dir, f.path);
    const problem = await sizeProblem(path, f);
    if (problem) {
      files.push({ path: f.path, ok: false, problem });
      continue;
    }
    const sha = await sha256File(path);
    if (f.sha256 && sha !== f.sha256) {
      files.push({
        path: f.path,
        ok: false,
        sha256: sha,
        problem: `sha256 is ${sha}, the manifest says ${f.sha256}`,
      });
    } else {
      files.push({ path: f.path, ok: true, sha256: sha });
    }
  }
  return { id: manifest.id, ok: files.every((f) => f.ok), files };
}

async function sizeProblem(path: string, f: ModelFile): Promise<string | undefined> {
  const s = await stat(path).catch(() => undefined);
  if (!s?.isFile()) return 'missing';
  if (f.size !== undefined && s.size !== f.size)
    return `size is ${s.size} bytes, the manifest says ${f.size}`;
  return undefined;
}

/**
 * Opens the model in `dir`: checks that its family is known, every file is
 * present with its recorded size, then loads each ONNX file and checks its
 * inputs and outputs. Sessions already loaded are released on failure.
 */
export async function openModelDir(
  dir: string,
  options: OpenModelOptions & { worker?: () => InferenceWorker } = {},
): Promise<OpenedModel> {
  const manifest = await readManifest(dir);
  const where = join(dir, MANIFEST_FILE);
  const spec = familySpec(manifest.family);
  if (!spec) {
    throw new UserError('unsupported', `model ${manifest.id}: unknown family "${manifest.family}"`);
  }
  for (const f of manifest.files) {
    const problem = await sizeProblem(join(dir, f.path), f);
    if (problem) {
      throw new UserError(
        'model_invalid',
        `model ${manifest.id}: file ${join(dir, f.path)} is ${problem}`,
        'run `charkha models verify` and re-import or re-download the model',
      );
    }
  }
  const roleFiles = resolveRoles(manifest, spec, where);
  const files = Object.fromEntries(
    Object.entries(roleFiles).map(([role, f]) => [role, join(dir, f.path)]),
  );
  const worker = (options.worker ?? (() => getInferenceWorker()))();
  const sessions: Record<string, SessionInfo> = {};
  const release = async (): Promise<void> => {
    for (const s of Object.values(sessions)) await worker.release(s.id);
  };
  try {
    for (const o of spec.onnx) {
      const path = files[o.role];
      if (!path) continue; // resolveRoles has refused missing required roles
      const info = await worker.loadSession(path, options.session, { signal: options.signal });
      sessions[o.role] = info;
      checkSignature(info, o, path, spec.family);
    }
  } catch (e) {
    await release();
    throw e;
  }
  return { manifest, dir, spec, files, sessions, close: release };
}
