/**
 * The two collaborators the flywheel loads when it needs them: the ASR
 * engine opener and the dataset exporter. Loading them late keeps a job that
 * needs neither (a language with no ASR model, a job with no exports)
 * independent of them, and a missing one fails its step with a message
 * that says what is missing instead of failing every command at startup.
 */
import { UserError } from '../contract/errors.js';
import type { AsrEngine } from '../asr/engine.js';
import { ModelRegistry } from '../models/registry.js';
import type { Project } from '../store/project.js';

export type OpenAsr = (modelId: string) => Promise<AsrEngine>;

export interface ExportOptions {
  format: 'nemo' | 'hf' | 'kaldi' | 'paper';
  outDir: string;
  jobId?: number;
  split?: 'train' | 'test';
  keptOnly?: boolean;
  jobConfig?: unknown;
}
export interface ExportResult {
  outDir: string;
  files: number;
  rows: number;
}

function missing(e: unknown, file: string): boolean {
  const err = e as { code?: string; message?: string };
  return (
    (err.code === 'ERR_MODULE_NOT_FOUND' || /Cannot find module/.test(err.message ?? '')) &&
    (err.message ?? '').includes(file)
  );
}

async function importModule(
  spec: string,
  file: string,
  what: string,
): Promise<Record<string, unknown>> {
  try {
    return (await import(spec)) as Record<string, unknown>;
  } catch (e) {
    if (missing(e, file)) {
      throw new UserError(
        'unsupported',
        `${what} is not in this build of Charkha (${file} is missing)`,
      );
    }
    throw e;
  }
}

/**
 * Opens a recogniser through `native/asr/open.ts`, or through the module
 * named by `CHARKHA_FLYWHEEL_ASR_MODULE` (which must export
 * `openAsrEngine(modelId, { registry })`): tests and other recognisers plug in there.
 */
export const defaultOpenAsr: OpenAsr = async (modelId) => {
  const override = process.env.CHARKHA_FLYWHEEL_ASR_MODULE;
  const spec = override ?? new URL('../asr/open.js', import.meta.url).href;
  const mod = await importModule(spec, override ?? 'asr/open', 'speech recognition');
  const open = mod.openAsrEngine as
    ((id: string, o: { registry: ModelRegistry }) => Promise<AsrEngine>) | undefined;
  if (typeof open !== 'function') throw new Error(`${spec} does not export openAsrEngine`);
  return open(modelId, { registry: new ModelRegistry() });
};

export async function exportDataset(project: Project, o: ExportOptions): Promise<ExportResult> {
  const mod = await importModule(
    new URL('../interchange/export-dataset.js', import.meta.url).href,
    'export-dataset',
    'dataset export (native/interchange/export-dataset.ts)',
  );
  const fn = mod.exportDataset as (p: Project, o: ExportOptions) => Promise<ExportResult>;
  return fn(project, o);
}

/**
 * `auto`: the bundled model made for the language (`charkha-ctc-<lang>`),
 * else the first installed ASR model whose manifest names the language.
 */
export async function resolveAutoModel(
  lang: string,
  registry = new ModelRegistry(),
): Promise<string | null> {
  const { models } = await registry.list();
  const asr = models
    .filter((m) => m.manifest.task === 'asr' && m.manifest.languages.includes(lang))
    .map((m) => m.id)
    .sort();
  return asr.find((id) => id === `charkha-ctc-${lang}`) ?? asr[0] ?? null;
}
