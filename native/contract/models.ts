import { z } from 'zod';

export const ModelTask = z.enum(['tts', 'asr', 'mt', 'vad']);

/** One model the registry can open: bundled with Charkha, in the user's model folder, or a project's. */
export const InstalledModel = z.object({
  id: z.string(),
  name: z.string().nullable(),
  task: ModelTask,
  family: z.string(),
  languages: z.array(z.string()),
  sizeBytes: z.number().int(),
  licence: z.string().nullable(),
  nonCommercial: z.boolean(),
  origin: z.enum(['bundled', 'home', 'project']),
  dir: z.string(),
  files: z.number().int(),
});
export type InstalledModel = z.infer<typeof InstalledModel>;

export const CatalogModel = z.object({
  id: z.string(),
  name: z.string().nullable(),
  task: ModelTask,
  family: z.string(),
  languages: z.array(z.string()),
  sizeBytes: z.number().nullable(),
  licence: z.string(),
  nonCommercial: z.boolean(),
  exportRequired: z.boolean(),
  repo: z.string(),
  notes: z.string().nullable(),
  installed: z.boolean(),
});
export type CatalogModel = z.infer<typeof CatalogModel>;

export const ModelList = z.object({
  /** The user's model folder ($CHARKHA_MODELS or ~/.local/share/charkha/models). */
  home: z.string(),
  models: z.array(InstalledModel),
  broken: z.array(z.object({ dir: z.string(), problem: z.string() })),
  catalog: z.array(CatalogModel),
});
export type ModelList = z.infer<typeof ModelList>;

/** One check of `models.verify`: a file's size and sha256, or a tensor signature when loaded. */
export const ModelCheck = z.object({
  kind: z.enum(['file', 'load']),
  /** The file (relative to the model folder) the check is about. */
  path: z.string(),
  ok: z.boolean(),
  problem: z.string().nullable(),
  sha256: z.string().nullable(),
});
export type ModelCheck = z.infer<typeof ModelCheck>;

export const ModelVerifyReport = z.object({
  id: z.string(),
  ok: z.boolean(),
  checks: z.array(ModelCheck),
});
export type ModelVerifyReport = z.infer<typeof ModelVerifyReport>;

export const ModelBenchmark = z.object({
  id: z.string(),
  jobId: z.number().int(),
  task: ModelTask,
  /** Seconds of compute per second of audio (below 1: faster than real time). */
  rtf: z.number(),
  audioSec: z.number(),
  computeSec: z.number(),
  runs: z.number().int(),
  loadSec: z.number(),
  machine: z.string(),
});
export type ModelBenchmark = z.infer<typeof ModelBenchmark>;

const ModelId = z.object({ id: z.string().min(1) });

/** Methods of the Models screen; merged into the service API by api.ts. */
export const modelsApi = {
  'models.list': { request: z.object({}), response: ModelList },
  'models.import': {
    request: z.object({
      /** A model folder or a .zip/.tar/.tar.gz archive on this machine. */
      path: z.string().min(1),
      id: z.string().min(1).optional(),
      replace: z.boolean().default(false),
    }),
    response: z.object({ id: z.string(), dir: z.string(), files: z.number().int() }),
  },
  'models.verify': { request: ModelId, response: ModelVerifyReport },
  'models.remove': { request: ModelId, response: z.object({ id: z.string(), dir: z.string() }) },
  'models.benchmark': { request: ModelId, response: ModelBenchmark },
  'models.download': {
    request: ModelId,
    response: z.object({ id: z.string(), dir: z.string() }),
  },
  /** Folders and archives in one folder, for the import picker in browser mode. */
  'models.browse': {
    request: z.object({ dir: z.string().optional() }),
    response: z.object({
      dir: z.string(),
      parent: z.string().nullable(),
      entries: z.array(
        z.object({ name: z.string(), path: z.string(), kind: z.enum(['dir', 'archive']) }),
      ),
    }),
  },
} as const;
