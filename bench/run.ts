// `npm run bench [-- name…]`: runs every bench/*.bench.ts (or the named ones)
// one after another, each in its own process so they do not share a warm
// JIT or heap, and fails if any of them misses its gate.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const all = readdirSync(import.meta.dirname)
  .filter((f) => f.endsWith('.bench.ts'))
  .sort();
const chosen = wanted.length ? all.filter((f) => wanted.some((w) => f.startsWith(w))) : all;
if (chosen.length === 0) {
  process.stderr.write(`no benchmark matches ${wanted.join(', ')} (have: ${all.join(', ')})\n`);
  process.exit(1);
}
let failed = 0;
for (const f of chosen) {
  process.stdout.write(`\n=== ${f}\n`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, f)], {
    stdio: 'inherit',
  });
  if (r.status !== 0) failed++;
}
process.stdout.write(`\n${chosen.length - failed} benchmarks met their gates, ${failed} did not\n`);
process.exit(failed ? 1 : 0);
