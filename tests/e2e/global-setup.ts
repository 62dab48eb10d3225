import { execSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '../..');
const rendererDir = join(root, 'renderer');
const built = join(rendererDir, 'dist', 'index.html');

/** Newest modification time of the renderer's sources (everything but dist/). */
function newestSource(dir: string): number {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'dist' || e.name === 'node_modules') continue;
    const p = join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestSource(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** The tests drive the production build that `charkha serve` serves, so build it when stale. */
// Playwright loads global setup from the module's default export; there is no named form.
export default function globalSetup(): () => void {
  if (!existsSync('/usr/bin/chromium'))
    throw new Error(
      'Chromium is missing at /usr/bin/chromium: install the Debian package `chromium`.',
    );
  // An installation of its own (workers inherit the variable), never the developer's settings:
  // its annotator is set, as on a machine in use; a test that needs it unset uses another folder.
  const config = mkdtempSync(join(tmpdir(), 'charkha-e2e-config-'));
  writeFileSync(join(config, 'settings.json'), `${JSON.stringify({ annotator: 'Lakshmi' })}\n`);
  process.env.CHARKHA_CONFIG_DIR = config;
  const teardown = () => rmSync(config, { recursive: true, force: true });
  if (existsSync(built) && statSync(built).mtimeMs >= newestSource(rendererDir)) return teardown;
  process.stdout.write('renderer/dist is older than renderer sources: running vite build\n');
  execSync('npx vite build renderer', { cwd: root, stdio: 'inherit' });
  return teardown;
}
