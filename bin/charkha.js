#!/usr/bin/env node
// Runs the compiled CLI. `npm ci` builds it (the `prepare` script); in a
// checkout without a build, say how to make one instead of failing obscurely.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = new URL('../dist/native/cli/bin.js', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  process.stderr.write('charkha: the CLI is not built; run `npm run build` (npm ci does it too)\n');
  process.exit(2);
}
await import(entry.href);
