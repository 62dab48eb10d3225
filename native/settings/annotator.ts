/**
 * Who edits are recorded as: one name per installation, in its settings
 * file. Projects made before that kept a name of their own; the first such
 * project opened on an installation without a name gives it its name.
 * Until a name is set, edits are recorded as `$CHARKHA_ANNOTATOR`, else the
 * login name (every edit must name someone).
 */
import { userInfo } from 'node:os';
import { UserError } from '../contract/errors.js';
import { AnnotatorName, type SettingsView } from '../contract/settings.js';
import type { Project } from '../store/project.js';
import { settingsPath } from './config-dir.js';
import { readSettings, updateSettings } from './settings-file.js';

export function fallbackAnnotator(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.CHARKHA_ANNOTATOR?.trim();
  if (fromEnv) return fromEnv;
  try {
    return userInfo().username || 'annotator';
  } catch {
    return 'annotator';
  }
}

/** The installation's name, adopting the project's when the installation has none; null when neither has one. */
export function installationAnnotator(
  project?: Project,
  path: string = settingsPath(),
): string | null {
  const set = readSettings(path).annotator;
  if (set) return set;
  const legacy = project?.annotations.annotator();
  if (!legacy) return null;
  updateSettings({ annotator: legacy }, path);
  return legacy;
}

/** The name the next edit is recorded under. */
export function annotatorOf(project?: Project, path: string = settingsPath()): string {
  return installationAnnotator(project, path) ?? fallbackAnnotator();
}

export function setAnnotator(name: string, path: string = settingsPath()): string {
  const parsed = AnnotatorName.safeParse(name);
  if (!parsed.success)
    throw new UserError('bad_input', `annotator: ${parsed.error.issues[0].message}`);
  return updateSettings({ annotator: parsed.data }, path).annotator ?? parsed.data;
}

export function settingsView(project?: Project, path: string = settingsPath()): SettingsView {
  return {
    annotator: installationAnnotator(project, path),
    fallbackAnnotator: fallbackAnnotator(),
    path,
  };
}
