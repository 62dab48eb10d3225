import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * The shared corpora folder for scripts that check Charkha on real data:
 * `--data DIR`, default ../shared/corpora/stt-flywheel. A missing folder is
 * an error, never a silent skip: these checks exist to be run.
 */
export function sharedDataDir(argv = process.argv.slice(2)): string {
  const i = argv.indexOf('--data');
  const dir = resolve(i >= 0 && argv[i + 1] ? argv[i + 1] : '../shared/corpora/stt-flywheel');
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    process.stderr.write(
      `error: the shared data folder ${dir} does not exist; pass --data <folder with text/, holdouts/, predictions/, native-te/>\n`,
    );
    process.exit(1);
  }
  return dir;
}
