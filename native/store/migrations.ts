import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

const MIGRATION_FILE = /^(\d{4})-([a-z0-9-]+)\.sql$/;

/**
 * The numbered SQL files beside this module. The build copies them next to
 * the compiled JS, so the same lookup works from source and from dist/.
 */
export function loadMigrations(
  dir = fileURLToPath(new URL('./migrations/', import.meta.url)),
): Migration[] {
  const migrations = readdirSync(dir)
    .map((file) => ({ file, m: MIGRATION_FILE.exec(file) }))
    .filter((x): x is { file: string; m: RegExpExecArray } => x.m !== null)
    .map(({ file, m }) => ({
      version: Number(m[1]),
      name: m[2],
      sql: readFileSync(`${dir}/${file}`, 'utf8'),
    }))
    .sort((a, b) => a.version - b.version);
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) {
      throw new Error(`migrations are not numbered 1..n: found ${m.version} at position ${i + 1}`);
    }
  });
  return migrations;
}

/** The schema version this build of Charkha writes. */
export function latestSchemaVersion(): number {
  return loadMigrations().length;
}
