import { _electron as electron, expect, test } from '@playwright/test';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { repoRoot } from './fixtures/charkha-cli.js';

/** The Electron binary's path, or why there is none (the package is optional). */
function electronBinary(): { path: string | null; why: string } {
  try {
    const p = createRequire(import.meta.url)('electron') as unknown;
    if (typeof p === 'string' && existsSync(p)) return { path: p, why: '' };
    return { path: null, why: `require('electron') gave ${String(p)}, which is not a file` };
  } catch (e) {
    return {
      path: null,
      why: `require('electron') failed: ${(e as Error).message.split('\n')[0]}`,
    };
  }
}

const bin = electronBinary();
const main = join(repoRoot, 'dist/electron/main.js');
const reason = !bin.path
  ? `Electron journey NOT RUN: the Electron binary is not installed (${bin.why}).`
  : !existsSync(main)
    ? `Electron journey NOT RUN: the desktop shell is not built (${main} is missing).`
    : '';
if (reason) process.stdout.write(`${reason}\n`);

test('desktop shell opens a window with the app', async () => {
  test.skip(reason !== '', reason);
  const app = await electron.launch({
    executablePath: bin.path!,
    args: [main, '--no-sandbox'],
    cwd: repoRoot,
  });
  try {
    const win = await app.firstWindow();
    await expect(win.getByRole('navigation', { name: 'Main' })).toBeVisible();
  } finally {
    await app.close();
  }
});
