import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { UserError } from '../../contract/errors.js';

/** An entry for the archive's own root folder (`./`), which archivers list; it writes nothing. */
export function isRootEntry(entry: string): boolean {
  return entry.replace(/\\/g, '/').split('/').every((p) => p === '' || p === '.');
}

/**
 * Where an archive entry may be written: inside `root`, or nowhere. Entries
 * that are absolute, carry a drive letter, or climb out with `..` are refused
 * outright (not silently rewritten): an archive that tries is not trusted.
 */
export function safeEntryPath(root: string, entry: string, archive: string): string {
  const name = entry.replace(/\\/g, '/');
  const parts = name.split('/').filter((p) => p !== '' && p !== '.');
  const refuse = (): never => {
    throw new UserError(
      'bad_input',
      `archive ${archive}: entry "${entry}" would be written outside the model folder; refused`,
      'the archive is unsafe or damaged: get the model from its publisher again',
    );
  };
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name) || isAbsolute(name)) refuse();
  if (parts.some((p) => p === '..') || parts.length === 0) refuse();
  const out = resolve(join(root, ...parts));
  const rel = relative(resolve(root), out);
  if (rel === '' || rel.startsWith(`..${sep}`) || rel === '..' || isAbsolute(rel)) refuse();
  return out;
}
