/** Paths to the committed tiny model fixtures and helpers to make broken copies of them. */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const FIXTURE_MODELS = fileURLToPath(new URL('../../fixtures/models/', import.meta.url));

export function fixtureDir(name: string): string {
  return join(FIXTURE_MODELS, name);
}

export function tempDir(prefix = 'charkha-models-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Copies a fixture into `home/<as>` and returns the copy's folder. */
export function copyFixture(name: string, home: string, as = name): string {
  const dest = join(home, as);
  cpSync(fixtureDir(name), dest, { recursive: true });
  return dest;
}

/**
 * Renames a tensor inside an ONNX file by rewriting its name's bytes (same
 * length, every occurrence), which keeps the protobuf valid: the result is a
 * loadable model whose signature is wrong.
 */
export function renameTensorBytes(file: string, from: string, to: string): void {
  if (from.length !== to.length) throw new Error('names must have the same length');
  const buf = readFileSync(file);
  const a = Buffer.from(from);
  const b = Buffer.from(to);
  let n = 0;
  for (let i = buf.indexOf(a); i >= 0; i = buf.indexOf(a, i + 1)) {
    b.copy(buf, i);
    n++;
  }
  if (n === 0) throw new Error(`${from} not found in ${file}`);
  writeFileSync(file, buf);
}
