import { isAbsolute, normalize, relative, resolve, sep } from 'node:path';

/**
 * Maps the path of an app:// URL to a file inside `root`, or null when it
 * would leave it: `..` segments (plain or percent-encoded), encoded
 * separators, backslashes, colons (drives, NTFS streams), absolute paths,
 * NUL bytes and malformed escapes are refused.
 */
export function resolveInside(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  // An encoded separator (%2F) smuggles a path through one segment.
  if (/%2f|%5c/i.test(urlPath)) return null;
  const segments = decoded.split('/').filter((s) => s !== '');
  if (segments.some((s) => s === '..' || s === '.')) return null;
  // A colon is a drive (`C:`) or an NTFS stream (`a.js:x`) on Windows; no app file has one.
  if (segments.some((s) => s.includes(':'))) return null;
  const rel = segments.join(sep);
  if (isAbsolute(rel) || /^[a-zA-Z]:/.test(rel)) return null;
  const base = resolve(root);
  const target = normalize(resolve(base, rel));
  const back = relative(base, target);
  // The root itself is a folder, never a file to serve.
  if (back === '' || back.startsWith('..') || isAbsolute(back)) return null;
  return target;
}

/** Whether an absolute path lies inside `root` (after resolving `..`). */
export function isInside(root: string, path: string): boolean {
  const back = relative(resolve(root), resolve(path));
  return back !== '' && !back.startsWith('..') && !isAbsolute(back);
}
