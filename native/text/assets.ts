/**
 * Finds the shipped `assets/` folder. The engine runs from its TypeScript
 * sources (tests, tsx) and from a compiled `dist/` tree, so a fixed relative
 * path would be right for only one of them: walk up from this module until a
 * folder holding `assets/lexicons` appears.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

/** Absolute path of the `assets/` folder. */
export function assetsDir(): string {
  if (cached !== undefined) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'assets', 'lexicons'))) {
      cached = join(dir, 'assets');
      return cached;
    }
    const up = dirname(dir);
    if (up === dir)
      throw new Error('assets/lexicons not found above ' + fileURLToPath(import.meta.url));
    dir = up;
  }
}

/** Parsed JSON of `assets/lexicons/<relPath>`, or `undefined` when the file does not exist. */
export function readLexiconJson(relPath: string): unknown {
  const p = join(assetsDir(), 'lexicons', relPath);
  if (!existsSync(p)) return undefined;
  try {
    return JSON.parse(readFileSync(p, 'utf8')) as unknown;
  } catch (e) {
    // A shipped table that does not parse is a bug in Charkha, not the user's.
    throw new Error(`cannot parse ${p}: ${(e as Error).message}`);
  }
}
