import { UserError } from '../contract/errors.js';

/** One JSON object on stdout (or one line of JSONL in a stream). */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value)}\n`);
}

export function printLine(line = ''): void {
  process.stdout.write(`${line}\n`);
}

export function formatBytes(n: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let v = n;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${u === 0 ? v : v.toFixed(1)} ${units[u]}`;
}

/** Exit codes of the CLI grammar: 0 success, 1 user error, 2 internal error. */
export const EXIT_OK = 0;
export const EXIT_USER = 1;
export const EXIT_INTERNAL = 2;

export function reportError(e: unknown, json: boolean): number {
  if (e instanceof UserError) {
    if (json) printJson({ error: { code: e.code, message: e.message, hint: e.hint ?? null } });
    process.stderr.write(`charkha: ${e.message}\n`);
    if (e.hint) process.stderr.write(`  ${e.hint}\n`);
    return EXIT_USER;
  }
  const err = e instanceof Error ? e : new Error(String(e));
  if (json) printJson({ error: { code: 'internal', message: err.message, hint: null } });
  process.stderr.write(`charkha: internal error: ${err.message}\n`);
  if (process.env.CHARKHA_DEBUG) process.stderr.write(`${err.stack}\n`);
  else
    process.stderr.write('  this is a bug; run again with CHARKHA_DEBUG=1 for the stack trace\n');
  return EXIT_INTERNAL;
}
