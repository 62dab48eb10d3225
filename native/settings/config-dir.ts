/**
 * Where an installation keeps its settings: `$CHARKHA_CONFIG_DIR` when set
 * (tests and portable installs), else the platform's per-user config
 * folder: `%APPDATA%\charkha` on Windows, `~/Library/Application
 * Support/charkha` on macOS, `$XDG_CONFIG_HOME/charkha` or
 * `~/.config/charkha` elsewhere.
 */
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export function configDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  if (env.CHARKHA_CONFIG_DIR) return resolve(env.CHARKHA_CONFIG_DIR);
  if (platform === 'win32') return join(env.APPDATA || join(home, 'AppData', 'Roaming'), 'charkha');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'charkha');
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), 'charkha');
}

export function settingsPath(env: NodeJS.ProcessEnv = process.env): string {
  return join(configDir(env), 'settings.json');
}
