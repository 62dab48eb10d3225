/**
 * Pausing and cancelling a job that another process is running. The
 * running process holds the project lock, so the request is a small file in
 * the project folder that the runner looks at between items; a job that
 * nobody runs is paused or cancelled in the database directly.
 */
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import type { Project } from '../store/project.js';

export type ControlAction = 'pause' | 'cancel';

export const CONTROL_FILE = 'flywheel.control';

export function controlPath(root: string): string {
  return join(root, CONTROL_FILE);
}

export function requestControl(root: string, action: ControlAction): void {
  writeFileSync(controlPath(root), `${action}\n`);
}

export function readControl(root: string): ControlAction | null {
  const p = controlPath(root);
  if (!existsSync(p)) return null;
  const text = readFileSync(p, 'utf8').trim();
  return text === 'cancel' ? 'cancel' : 'pause';
}

export function clearControl(root: string): void {
  rmSync(controlPath(root), { force: true });
}

/**
 * Removes audio files that no audio row names. The flywheel writes a clip's
 * file before the transaction that records it, so a process killed between
 * the two leaves a file without a row; resuming re-creates the same bytes and
 * adopts the file, and a cancelled job's leftovers are removed here. Safe
 * only under the project lock, which every writer of audio/ holds.
 */
export function sweepOrphanAudio(project: Project): number {
  const dir = project.paths.audio;
  if (!existsSync(dir)) return 0;
  // One read of every hash, not a query per file: the audio folder of a job holds thousands.
  const known = new Set(
    project.db
      .prepare<[], { sha256: string }>('SELECT sha256 FROM audio')
      .all()
      .map((r) => r.sha256),
  );
  let removed = 0;
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!e.isFile()) continue;
    const path = join(e.parentPath, e.name);
    const sha = basename(e.name, extname(e.name));
    if (e.name.endsWith('.tmp') || (/^[0-9a-f]{64}$/.test(sha) && !known.has(sha))) {
      rmSync(path, { force: true });
      removed++;
    }
  }
  return removed;
}
