/**
 * Where the user's models live: `$CHARKHA_MODELS`, else
 * `$XDG_DATA_HOME/charkha/models`, else `~/.local/share/charkha/models`.
 */
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export function modelHome(env: NodeJS.ProcessEnv = process.env): string {
  if (env.CHARKHA_MODELS) return resolve(env.CHARKHA_MODELS);
  const data = env.XDG_DATA_HOME || join(homedir(), '.local', 'share');
  return join(data, 'charkha', 'models');
}
