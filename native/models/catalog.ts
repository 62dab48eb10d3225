/**
 * `models/catalog.json`: real public models Charkha knows how to run, with
 * where to get them. Checksums are null until a first verified download
 * records them (no hub is reachable where the catalog was written).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { UserError } from '../contract/errors.js';
import { packageRoot } from '../package-root.js';
import { MODEL_TASKS } from './manifest.js';

const catalogFile = z.object({
  path: z.string().min(1),
  role: z.string().optional(),
  size: z.number().int().nonnegative().nullable().optional(),
  sha256: z.string().nullable().optional(),
});

const catalogEntry = z.object({
  id: z.string().min(1),
  name: z.string().optional(),
  task: z.enum(MODEL_TASKS),
  family: z.string(),
  layout: z.string().optional(),
  languages: z.array(z.string()),
  source: z.object({
    hub: z.literal('huggingface'),
    repo: z.string(),
    revision: z.string(),
  }),
  licence: z.string(),
  nonCommercial: z.boolean().default(false),
  sampleRate: z.number().optional(),
  sizeBytes: z.number().nullable().optional(),
  notes: z.string().optional(),
  /** Published in PyTorch only: export to ONNX and import the folder instead of downloading. */
  exportRequired: z.boolean().default(false),
  files: z.array(catalogFile).min(1),
});

const catalogSchema = z.object({
  note: z.string().optional(),
  models: z.array(catalogEntry),
});

export type CatalogEntry = z.infer<typeof catalogEntry>;
export type Catalog = z.infer<typeof catalogSchema>;

export function catalogPath(): string {
  return join(packageRoot(), 'models', 'catalog.json');
}

export function readCatalog(path = catalogPath()): Catalog {
  const parsed = catalogSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) {
    const i = parsed.error.issues[0];
    throw new Error(`invalid model catalog ${path}: ${i?.path.join('.')}: ${i?.message}`);
  }
  return parsed.data;
}

export function catalogEntryById(catalog: Catalog, id: string): CatalogEntry {
  const e = catalog.models.find((m) => m.id === id);
  if (!e) {
    throw new UserError(
      'not_found',
      `no model "${id}" in the catalog`,
      `known: ${catalog.models.map((m) => m.id).join(', ')}`,
    );
  }
  return e;
}

/** Where a catalog file is fetched from; `endpoint` defaults to $CHARKHA_HF_ENDPOINT or huggingface.co. */
export function fileUrl(entry: CatalogEntry, path: string, endpoint?: string): string {
  const base = (endpoint ?? process.env.CHARKHA_HF_ENDPOINT ?? 'https://huggingface.co').replace(/\/+$/, '');
  const enc = path.split('/').map(encodeURIComponent).join('/');
  return `${base}/${entry.source.repo}/resolve/${encodeURIComponent(entry.source.revision)}/${enc}`;
}
