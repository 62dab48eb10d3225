/** Reading a model's JSON side files (config, vocabulary), with errors that name the file. */
import { readFile } from 'node:fs/promises';
import { UserError } from '../contract/errors.js';

export type JsonObject = Record<string, unknown>;

export async function readModelJson(path: string, modelId: string): Promise<JsonObject> {
  let value: unknown;
  try {
    value = JSON.parse(await readFile(path, 'utf8'));
  } catch (e) {
    throw new UserError(
      'model_invalid',
      `model ${modelId}: ${path} is not readable JSON: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new UserError('model_invalid', `model ${modelId}: ${path} is not a JSON object`);
  }
  return value as JsonObject;
}

export function numberField(obj: JsonObject | undefined, key: string): number | undefined {
  const v = obj?.[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

export function stringField(obj: JsonObject | undefined, key: string): string | undefined {
  const v = obj?.[key];
  return typeof v === 'string' ? v : undefined;
}
