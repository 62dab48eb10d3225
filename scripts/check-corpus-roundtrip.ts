// Imports every JSONL file of the shared corpora into a fresh project and
// exports it again: each row must come back with every key and value, in
// order. Then one span is edited and only that row may differ.
// Usage: npx tsx scripts/check-corpus-roundtrip.ts [--data DIR]
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { exportCorpus } from '../native/service/export-corpus.js';
import { importCorpus } from '../native/service/import-corpus.js';
import { Service } from '../native/service/service.js';
import { Project } from '../native/store/project.js';
import { sharedDataDir } from './shared-data.js';

const data = sharedDataDir();
const files = readdirSync(data, { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile() && e.name.endsWith('.jsonl'))
  .map((e) => join(e.parentPath, e.name))
  .sort();
const rowsOf = (p: string) =>
  readFileSync(p, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Record<string, unknown>);

let failures = 0;
let total = 0;
const work = mkdtempSync(join(tmpdir(), 'charkha-roundtrip-'));
try {
  for (const [i, file] of files.entries()) {
    const project = Project.init(join(work, `p${i}`));
    // The holdout and prediction rows name synthesised audio that the
    // paper does not redistribute; native-te's recordings are there and are imported.
    const withoutAudio = !file.includes('native-te');
    const r = await importCorpus(project, file, { withoutAudio });
    const original = rowsOf(file);
    const out = join(work, `out${i}.jsonl`);
    exportCorpus(project, out, 'jsonl');
    const back = rowsOf(out);
    const same = JSON.stringify(back) === JSON.stringify(original);
    total += original.length;
    let editNote = '';
    const withSpan = project.utterances
      .query({ offset: 0, limit: 5000 })
      .rows.find((u) => u.entities.length > 0);
    if (withSpan) {
      const span = withSpan.entities[0];
      await new Service(project).dispatch('entities.update', {
        spanId: span.id,
        end: span.end === span.start ? span.end : span.end - 1,
      });
      const out2 = join(work, `edit${i}.jsonl`);
      exportCorpus(project, out2, 'jsonl');
      const edited = rowsOf(out2);
      const changed = edited
        .filter((row, k) => JSON.stringify(row) !== JSON.stringify(original[k]))
        .map((row) => row.id);
      const ok = changed.length === 1 && changed[0] === withSpan.extId;
      editNote = ok
        ? 'edit: 1 row changed'
        : `edit: EXPECTED ONLY ${withSpan.extId} TO CHANGE, got ${JSON.stringify(changed.slice(0, 5))}`;
      if (!ok) failures++;
    }
    project.close();
    const problems = r.problems.length;
    if (!same || problems > 0) failures++;
    console.log(
      `${same && problems === 0 ? 'ok  ' : 'FAIL'} ${relative(data, file).padEnd(72)} ${String(original.length).padStart(5)} rows, ${problems} problems; ${editNote}`,
    );
    for (const p of r.problems.slice(0, 5)) console.log(`      line ${p.line}: ${p.reason}`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
console.log(
  `${files.length} files, ${total} rows: ${failures === 0 ? 'every row round-trips' : `${failures} failures`}`,
);
process.exit(failures === 0 ? 0 : 1);
