/**
 * The installation's settings file: read and checked with the contract's
 * schema (a file that fails names itself and the field), written whole to
 * a temporary file beside it and renamed into place, so a crash mid-write
 * leaves the old file, never half of a new one.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { UserError } from '../contract/errors.js';
import { InstallationSettings } from '../contract/settings.js';
import { settingsPath } from './config-dir.js';

const FIX_HINT = 'fix the file by hand, or delete it to start over';

function checked(raw: unknown, path: string, hint?: string): InstallationSettings {
  const parsed = InstallationSettings.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new UserError(
    'bad_input',
    `${path}: ${issue.path.join('.') || 'settings'}: ${issue.message}`,
    hint,
  );
}

export function readSettings(path: string = settingsPath()): InstallationSettings {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw new UserError('bad_input', `${path}: cannot read settings (${(e as Error).message})`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new UserError(
      'bad_input',
      `${path}: settings are not valid JSON (${(e as Error).message})`,
      FIX_HINT,
    );
  }
  return checked(raw, path, FIX_HINT);
}

export function writeSettings(
  settings: InstallationSettings,
  path: string = settingsPath(),
): InstallationSettings {
  const valid = checked(settings, path);
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    writeFileSync(tmp, `${JSON.stringify(valid, null, 2)}\n`, { mode: 0o600 });
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw new UserError('bad_input', `${path}: cannot write settings (${(e as Error).message})`);
  }
  return valid;
}

/** Reads, changes and writes back (keys it does not know included). */
export function updateSettings(
  patch: Partial<InstallationSettings>,
  path: string = settingsPath(),
): InstallationSettings {
  return writeSettings({ ...readSettings(path), ...patch }, path);
}
