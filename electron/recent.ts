import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const MAX_RECENT = 10;

/** Recent projects, most recent first, kept in the user's data folder. */
export function readRecent(userData: string): string[] {
  const file = join(userData, 'recent-projects.json');
  if (!existsSync(file)) return [];
  try {
    const v = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

export function addRecent(userData: string, dir: string): string[] {
  const list = [dir, ...readRecent(userData).filter((d) => d !== dir)].slice(0, MAX_RECENT);
  writeFileSync(join(userData, 'recent-projects.json'), JSON.stringify(list, null, 2));
  return list;
}
