/**
 * A project's `models` table: models the project uses that live outside the
 * model home (a shared drive, a colleague's export). Paths relative to the
 * project folder are resolved against it.
 */
import { isAbsolute, resolve } from 'node:path';
import type { Db } from '../store/database.js';
import type { ProjectModelRow } from './registry.js';

export function projectModelRows(db: Db, projectDir: string): ProjectModelRow[] {
  const rows = db.prepare('SELECT model_id AS modelId, path FROM models ORDER BY model_id').all() as {
    modelId: string;
    path: string;
  }[];
  return rows.map((r) => ({
    modelId: r.modelId,
    path: isAbsolute(r.path) ? r.path : resolve(projectDir, r.path),
  }));
}
