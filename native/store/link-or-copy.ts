import { copyFileSync, linkSync } from 'node:fs';

/**
 * Hard-links `from` at `to`, or copies it where a link cannot be made (another
 * file system, or one without links). Only for files that are never written
 * again once stored (content-addressed audio and its caches): a link shares
 * the bytes, so an edit of one would be an edit of both.
 */
export function linkOrCopy(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'EXDEV' && code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EMLINK') throw e;
    copyFileSync(from, to);
  }
}
