// Copies the non-TypeScript files the engine reads at run time (SQL
// migrations, JSON schemas) next to their compiled modules in dist/.
import { cpSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const COPY = /\.(sql|json)$/;
for (const entry of readdirSync('native', { withFileTypes: true, recursive: true })) {
  if (!entry.isFile() || !COPY.test(entry.name)) continue;
  const src = join(entry.parentPath, entry.name);
  const dst = join('dist', src);
  cpSync(src, dst);
}
