/**
 * A model is a folder holding its files and a `manifest.json` that says what
 * it is (task, family, languages), which file plays which part (role) and
 * each file's sha256, so that a model copied between machines can be checked
 * byte for byte before it is trusted with anything.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { UserError } from '../contract/errors.js';

export const MANIFEST_FILE = 'manifest.json';

export const MODEL_TASKS = ['tts', 'asr', 'mt', 'vad'] as const;
export type ModelTask = (typeof MODEL_TASKS)[number];

const fileSchema = z.object({
  /** Relative to the model folder, `/`-separated. */
  path: z.string().min(1),
  /** What the file is for in its family (`model`, `config`, `vocab`…). */
  role: z.string().min(1).optional(),
  size: z.number().int().nonnegative().optional(),
  /** Null until a verified download or import records it. */
  sha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .nullable()
    .optional(),
});

export const manifestSchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'letters, digits, . _ - only'),
  name: z.string().optional(),
  task: z.enum(MODEL_TASKS),
  family: z.string().min(1),
  layout: z.string().optional(),
  languages: z.array(z.string()).default([]),
  sampleRate: z.number().int().positive().optional(),
  licence: z.string().optional(),
  /** Non-commercial or otherwise restricted licences are flagged so the UI can say so. */
  nonCommercial: z.boolean().optional(),
  source: z.string().optional(),
  revision: z.string().optional(),
  files: z.array(fileSchema).min(1),
});

export type ModelManifest = z.infer<typeof manifestSchema>;
export type ModelFile = ModelManifest['files'][number];

/** Parses a manifest object, naming `where` in the error. */
export function parseManifest(value: unknown, where: string): ModelManifest {
  const parsed = manifestSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const at = issue?.path.join('.') || '(root)';
    throw new UserError(
      'model_invalid',
      `invalid model manifest ${where}: ${at}: ${issue?.message ?? 'invalid'}`,
    );
  }
  for (const f of parsed.data.files) checkRelativePath(f.path, where);
  return parsed.data;
}

export async function readManifest(dir: string): Promise<ModelManifest> {
  const path = join(dir, MANIFEST_FILE);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new UserError('model_invalid', `model manifest missing: ${path}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new UserError(
      'model_invalid',
      `model manifest ${path} is not JSON: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
  return parseManifest(json, path);
}

/** A manifest's file paths must stay inside the model folder. */
export function checkRelativePath(p: string, where: string): void {
  const parts = p.split(/[\\/]/);
  if (p.startsWith('/') || /^[A-Za-z]:/.test(p) || parts.some((s) => s === '..' || s === '')) {
    throw new UserError('model_invalid', `model file path "${p}" in ${where} leaves the model folder`);
  }
}

/** The file that plays `role`, or undefined. */
export function fileWithRole(m: ModelManifest, role: string): ModelFile | undefined {
  return m.files.find((f) => f.role === role);
}
