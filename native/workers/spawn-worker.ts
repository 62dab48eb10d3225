/**
 * Starting a worker thread whose entry sits next to the calling module. The
 * product runs the compiled `dist/**.js`; tests and tsx scripts run the `.ts`
 * sources, so a module finds its worker entry next to itself with its own
 * extension.
 *
 * A `.ts` entry cannot simply get `--import tsx` in its `execArgv`: on Node
 * 20 loader hooks registered that way do not apply inside worker threads
 * (the import fails with ERR_UNKNOWN_FILE_EXTENSION, under vitest forks and
 * plain node alike). tsx's `tsImport()` API registers its hooks from inside
 * the thread and does work there, so a `.ts` entry is started through a
 * two-line eval bootstrap that calls it. Modules the entry imports, and
 * handler modules it imports dynamically, are then compiled by tsx as well.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { WorkerOptions } from 'node:worker_threads';

/** `./name.js` next to `base`, or `./name.ts` when `base` is itself a `.ts` file. */
export function siblingModule(fileName: string, base: string | URL): URL {
  const fromSource = /\.m?ts$/.test(new URL(base).pathname);
  const name = fromSource ? fileName.replace(/\.js$/, '.ts') : fileName;
  return new URL(name, base);
}

let tsxApi: string | undefined;

/**
 * Workers inherit the parent's `execArgv`, less `--input-type`: it is only
 * valid for string input, so a parent started as `node --input-type=module -e`
 * would otherwise have every file-entry worker fail at start.
 */
function inheritedExecArgv(): string[] {
  return process.execArgv.filter((a, i, all) => {
    if (a.startsWith('--input-type')) return false;
    return !(all[i - 1] === '--input-type' && !a.startsWith('-'));
  });
}

/** Starts `entry` (a `.js` or, from source, a `.ts` file) as a worker thread. */
export function spawnWorker(entry: URL, options: Omit<WorkerOptions, 'eval'> = {}): Worker {
  const execArgv = options.execArgv ?? inheritedExecArgv();
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry, { ...options, execArgv });
  // `require.resolve('tsx/esm/api')` would pick the CommonJS build; the ESM
  // one is at a fixed place in the package.
  tsxApi ??= new URL(
    'dist/esm/api/index.mjs',
    pathToFileURL(createRequire(import.meta.url).resolve('tsx/package.json')),
  ).href;
  const href = JSON.stringify(entry.href);
  // A rejected import is an unhandled rejection in the thread: the worker
  // emits 'error' and exits, exactly as a failing `.js` entry would.
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then(({ tsImport }) => tsImport(${href}, ${href}));`;
  return new Worker(bootstrap, { ...options, execArgv, eval: true });
}
