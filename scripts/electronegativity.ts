// Runs Doyensec's Electronegativity over the desktop shell and fails on any
// finding above LOW severity that scripts/electronegativity-allow.json does
// not explain. `npx tsx scripts/electronegativity.ts`
//
// It scans the TypeScript sources (its Babel parser reads TS), staged with
// renderer/index.html (the page the shell loads, with its meta CSP) and a
// page carrying the CSP header the app:// protocol sends, so that its CSP
// check evaluates both. `--allow=FILE` replaces the allow file. It needs no network: the check that downloads Electron's
// release list is skipped, and its translation download fails fast offline.
import {
  copyFileSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { CSP } from '../electron/security.js';

interface Level {
  value: number;
  name: string;
}
interface Issue {
  id: string;
  file: string;
  location: { line: number; column: number };
  description: string;
  severity: Level;
  confidence: Level;
  manualReview: boolean;
}
interface RunResult {
  issues: Issue[];
  errors: { file: string; message: string; tolerable: boolean }[];
  atomicChecks: number;
  globalChecks: number;
}
type Run = (options: Record<string, unknown>) => Promise<RunResult>;

const LOW = 1;
const AllowList = z.array(
  z.object({ id: z.string().min(1), file: z.string().min(1), reason: z.string().min(10) }),
);

const require = createRequire(import.meta.url);
// The package is CommonJS without types; its default export is `run`.
const run = require('@doyensec/electronegativity') as Run;
const electronVersion = (require('electron/package.json') as { version: string }).version;

// Staged name → repository path, so findings name the real file.
const staged = new Map<string, string>();
const stage = mkdtempSync(join(tmpdir(), 'charkha-electronegativity-'));
for (const name of readdirSync('electron')) {
  if (!/\.(c|m)?ts$/.test(name)) continue;
  copyFileSync(join('electron', name), join(stage, name));
  staged.set(name, `electron/${name}`);
}
copyFileSync(join('renderer', 'index.html'), join(stage, 'index.html'));
staged.set('index.html', 'renderer/index.html');
writeFileSync(
  join(stage, 'app-protocol-csp.html'),
  `<!doctype html><meta http-equiv="Content-Security-Policy" content="${CSP}">\n`,
);
staged.set('app-protocol-csp.html', 'electron/security.ts (CSP header)');

let result: RunResult;
try {
  result = await run({
    input: stage,
    isRelative: true,
    electronVersionOverride: electronVersion,
    // Downloads Electron's release list from GitHub; offline it only warns.
    excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
  });
} finally {
  rmSync(stage, { recursive: true, force: true });
}

const allowFile =
  process.argv.find((a) => a.startsWith('--allow='))?.slice('--allow='.length) ??
  join('scripts', 'electronegativity-allow.json');
const allow = AllowList.parse(JSON.parse(readFileSync(allowFile, 'utf8')));
const used = new Set<number>();
const failures: string[] = [];

const where = (file: string) => staged.get(file.replace(/^\/+/, '')) ?? file;
for (const e of result.errors) {
  // A file it could not parse is a file it did not check.
  if (!e.tolerable) failures.push(`could not parse ${where(e.file)}: ${e.message}`);
}

for (const issue of result.issues) {
  const file = where(issue.file);
  const line = `${issue.severity.name} ${issue.id} ${file}:${issue.location.line} (${issue.confidence.name}): ${issue.description}`;
  if (issue.severity.value <= LOW) {
    console.log(`  note   ${line}`);
    continue;
  }
  const i = allow.findIndex((a) => a.id === issue.id && a.file === file);
  if (i >= 0) {
    used.add(i);
    console.log(`  allowed ${line}\n          because: ${allow[i].reason}`);
  } else {
    failures.push(line);
  }
}
allow.forEach((a, i) => {
  // An entry nothing matches any more would silently allow a future finding.
  if (!used.has(i)) failures.push(`stale allow entry ${a.id} ${a.file}: remove it`);
});

console.log(
  `electronegativity: Electron ${electronVersion}, ${result.atomicChecks} atomic + ${result.globalChecks} global checks, ` +
    `${staged.size} files, ${result.issues.length} findings, ${failures.length} failing`,
);
for (const f of failures) console.error(`  FAIL   ${f}`);
process.exit(failures.length ? 1 : 0);
