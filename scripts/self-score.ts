/**
 * Self-score check (spec §3): every reference of the shared stt-flywheel
 * corpus scored against its own text must give `hit` with `exact_surface`
 * for every entity. Prints each exception and exits 1 when there is any.
 *
 *   npx tsx scripts/self-score.ts [--data ../shared/corpora/stt-flywheel]
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { scoreEntities } from '../native/metrics/ehr/index.js';
import type { ReferenceRow } from '../native/metrics/ehr/index.js';

function argValue(flag: string): string | undefined {
  const i = process.argv.indexOf(flag);
  return i === -1 ? undefined : process.argv[i + 1];
}

const dataDir = resolve(argValue('--data') ?? '../shared/corpora/stt-flywheel');

function fail(message: string): never {
  console.error(`self-score: ${message}`);
  process.exit(1);
}

if (!existsSync(dataDir)) fail(`corpus folder not found: ${dataDir} (pass --data DIR)`);

function jsonlFiles(): string[] {
  const files: string[] = [];
  const textDir = join(dataDir, 'text');
  if (existsSync(textDir)) {
    for (const f of readdirSync(textDir).sort())
      if (f.endsWith('.jsonl')) files.push(join(textDir, f));
  }
  const holdouts = join(dataDir, 'holdouts');
  if (existsSync(holdouts)) {
    for (const lang of readdirSync(holdouts).sort()) {
      for (const f of readdirSync(join(holdouts, lang)).sort()) {
        if (f.endsWith('.jsonl')) files.push(join(holdouts, lang, f));
      }
    }
  }
  const manifest = join(dataDir, 'native-te', 'manifest.jsonl');
  if (existsSync(manifest)) files.push(manifest);
  return files;
}

const files = jsonlFiles();
if (files.length === 0) fail(`no reference files under ${dataDir} (text/, holdouts/, native-te/)`);

let rows = 0;
let entities = 0;
let problems = 0;
const started = performance.now();
for (const file of files) {
  const lines = readFileSync(file, 'utf8').split('\n');
  lines.forEach((line, n) => {
    if (line.trim() === '') return;
    const row = JSON.parse(line) as ReferenceRow;
    rows++;
    const outcomes = scoreEntities(row, row.text);
    entities += outcomes.length;
    for (const o of outcomes) {
      if (o.outcome === 'hit' && o.exactSurface) continue;
      problems++;
      if (problems <= 50) {
        console.log(
          `${file}:${n + 1} ${row.id} ${o.type} "${o.surface}" → ${o.outcome}` +
            `${o.exactSurface ? '' : ' (not exact)'} window="${o.hypWindow}" value=${o.value}`,
        );
      }
    }
  });
}
const seconds = (performance.now() - started) / 1000;
console.log(
  `self-score: ${rows} rows, ${entities} entities, ${problems} not hit+exact, ${seconds.toFixed(1)} s`,
);
if (problems > 0) process.exit(1);
