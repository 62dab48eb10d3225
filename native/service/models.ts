/**
 * The Models screen's methods: the registry (bundled, the user's model
 * folder, the project's models table) and the catalog, import, verify,
 * remove, benchmark and download. Download is the one path that uses the
 * network, only when asked, and answers "offline" at once rather than
 * retrying against a hub it cannot reach.
 */
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { UserError } from '../contract/errors.js';
import type { ModelCheck, ModelList, modelsApi } from '../contract/models.js';
import { catalogEntryById, fileUrl, readCatalog } from '../models/catalog.js';
import { downloadModel } from '../models/download-model.js';
import { importModel } from '../models/import.js';
import { projectModelRows } from '../models/project-models.js';
import { ModelRegistry, openModelDir, verifyModelDir } from '../models/registry.js';
import type { ModelEntry } from '../models/registry.js';
import type { EventBus } from '../server/events.js';
import type { Project } from '../store/project.js';
import { benchmarkModel } from './models-benchmark.js';
import type { Handlers } from './service.js';

export type ModelsMethod = keyof typeof modelsApi;

const ARCHIVE = /\.(zip|tar|tgz|tar\.gz)$/i;
const ONLINE_CHECK_MS = 4000;

function installed(m: ModelEntry): ModelList['models'][number] {
  const { manifest } = m;
  return {
    id: m.id,
    name: manifest.name ?? null,
    task: manifest.task,
    family: manifest.family,
    languages: manifest.languages,
    sizeBytes: manifest.files.reduce((n, f) => n + (f.size ?? 0), 0),
    licence: manifest.licence ?? null,
    nonCommercial: manifest.nonCommercial ?? false,
    origin: m.origin,
    dir: m.dir,
    files: manifest.files.length,
  };
}

/**
 * The registry's two checks: every file against its size and sha256, then
 * (when the files are whole) each ONNX file loaded and its tensors checked
 * against the family. A failure names the file, and the tensor where it is one.
 */
export async function verifyModel(entry: ModelEntry): Promise<ModelCheck[]> {
  const report = await verifyModelDir(entry.dir);
  const checks: ModelCheck[] = report.files.map((f) => ({
    kind: 'file',
    path: f.path,
    ok: f.ok,
    problem: f.problem ?? null,
    sha256: f.sha256 ?? null,
  }));
  if (!report.ok) return checks;
  try {
    const opened = await openModelDir(entry.dir);
    for (const path of Object.values(opened.files))
      if (/\.onnx$/i.test(path))
        checks.push({
          kind: 'load',
          path: relative(entry.dir, path),
          ok: true,
          problem: null,
          sha256: null,
        });
    await opened.close();
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const file = entry.manifest.files.find((f) => message.includes(f.path));
    checks.push({
      kind: 'load',
      path: file?.path ?? '(model)',
      ok: false,
      problem: message,
      sha256: null,
    });
  }
  return checks;
}

/** A HEAD request with a short deadline: any answer at all means the hub is reachable. */
async function reachable(url: string): Promise<string | null> {
  try {
    await fetch(url, { method: 'HEAD', signal: AbortSignal.timeout(ONLINE_CHECK_MS) });
    return null;
  } catch (e) {
    const cause = (e as { cause?: { code?: string; message?: string } }).cause;
    return cause?.code ?? cause?.message ?? (e instanceof Error ? e.message : String(e));
  }
}

export function modelsHandlers(project: Project, events?: EventBus): Pick<Handlers, ModelsMethod> {
  const registry = () =>
    new ModelRegistry({ projectModels: () => projectModelRows(project.db, project.paths.root) });
  return {
    'models.list': async () => {
      const reg = registry();
      const { models, broken } = await reg.list();
      const ids = new Set(models.map((m) => m.id));
      const catalog = readCatalog().models.map((m) => ({
        id: m.id,
        name: m.name ?? null,
        task: m.task,
        family: m.family,
        languages: m.languages,
        sizeBytes: m.sizeBytes ?? null,
        licence: m.licence,
        nonCommercial: m.nonCommercial,
        exportRequired: m.exportRequired,
        repo: m.source.repo,
        notes: m.notes ?? null,
        installed: ids.has(m.id),
      }));
      return { home: reg.home, models: models.map(installed), broken, catalog };
    },
    'models.import': async (r) => {
      const out = await importModel(r.path, { id: r.id, replace: r.replace });
      return { id: out.id, dir: out.dir, files: out.manifest.files.length };
    },
    'models.verify': async (r) => {
      const checks = await verifyModel(await registry().get(r.id));
      return { id: r.id, ok: checks.every((c) => c.ok), checks };
    },
    'models.remove': async (r) => {
      const m = await registry().remove(r.id);
      return { id: m.id, dir: m.dir };
    },
    'models.benchmark': (r) => benchmarkModel(project, registry(), r.id, events),
    'models.download': async (r) => {
      const entry = catalogEntryById(readCatalog(), r.id);
      if (entry.exportRequired)
        throw new UserError(
          'unsupported',
          `${entry.id} is published without an ONNX export, so it cannot be downloaded ready to run`,
          entry.notes ?? 'export it to ONNX and import the folder',
        );
      const url = fileUrl(entry, entry.files[0].path);
      const why = await reachable(url);
      if (why !== null)
        throw new UserError(
          'unsupported',
          `This machine is offline: ${new URL(url).host} cannot be reached (${why}). Nothing was downloaded.`,
          'Connect to the internet and try again, or copy the model folder from a machine that has it and use Import.',
        );
      const task = `download ${entry.id}`;
      const out = await downloadModel(entry.id, {
        retries: 2,
        retryDelayMs: 500,
        onProgress: (p) =>
          events?.emit({
            kind: 'progress',
            task,
            done: p.done,
            total: p.total ?? null,
            message: `file ${p.fileIndex + 1} of ${p.files}: ${p.file}`,
          }),
      });
      return { id: out.id, dir: out.dir };
    },
    'models.browse': async (r) => {
      const dir = resolve(r.dir ?? homedir());
      if (!existsSync(dir)) throw new UserError('not_found', `no folder ${dir}`);
      const entries = (await readdir(dir, { withFileTypes: true }))
        .filter((e) => !e.name.startsWith('.') && (e.isDirectory() || ARCHIVE.test(e.name)))
        .map((e) => ({
          name: e.name,
          path: join(dir, e.name),
          kind: e.isDirectory() ? ('dir' as const) : ('archive' as const),
        }))
        .sort((a, b) =>
          a.kind === b.kind ? a.name.localeCompare(b.name) : a.kind === 'dir' ? -1 : 1,
        );
      return { dir, parent: dirname(dir) === dir ? null : dirname(dir), entries };
    },
  };
}
