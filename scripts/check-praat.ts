/**
 * Debian's Praat as a real client of Charkha's TextGrids. Exports an
 * annotated recording (Telugu with quotes, a line break, a backslash; empty
 * gaps; a child tier; a point tier) in the long and short layouts, UTF-8 and
 * UTF-16; Praat reads each headless (`praat --run`) and prints its tiers and
 * intervals, which must equal Charkha's own view of the file to the
 * millisecond. Praat then saves each one as it writes TextGrids (UTF-16, both
 * layouts) and Charkha must read those back to the project's tiers. The
 * hand-written fixtures get the same comparison. Writes
 * bench/results/praat-check.json; exits 1 on any difference, and when praat
 * is not installed.
 *
 * Run: npx tsx scripts/check-praat.ts
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { recordBench } from '../bench/record.js';
import type { AnnotationDocument } from '../native/interchange/annotation-document.js';
import { exportAnnotations } from '../native/interchange/annotation-project.js';
import { readTextGrid } from '../native/interchange/textgrid-read.js';
import { coverIntervals } from '../native/interchange/textgrid-write.js';
import { Project } from '../native/store/project.js';

const root = join(import.meta.dirname, '..');
const dumpScript = join(root, 'scripts', 'praat', 'dump-textgrid.praat');

/** One line per tier and per interval or point, as both sides print it. */
type View = string[];

const ms = (x: number) => String(Math.round(x * 1000));
const esc = (s: string) => s.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n');

function charkhaView(doc: AnnotationDocument): View {
  const out: View = [];
  for (const t of doc.tiers) {
    if (t.points) {
      out.push(`tier\t${t.name}\tTextTier\t${t.segments.length}`);
      for (const p of t.segments) out.push(`point\t${ms(p.start)}\t${esc(p.text)}`);
    } else {
      const intervals = coverIntervals(t.segments, doc.start, doc.end);
      out.push(`tier\t${t.name}\tIntervalTier\t${intervals.length}`);
      for (const iv of intervals)
        out.push(`interval\t${ms(iv.start)}\t${ms(iv.end)}\t${esc(iv.text)}`);
    }
  }
  return out;
}

function praat(args: string[]): string {
  const r = spawnSync('praat', ['--run', dumpScript, ...args], { encoding: 'utf8' });
  if (r.error || r.status !== 0)
    throw new Error(`praat failed on ${args[0]}: ${r.error?.message ?? r.stderr.trim()}`);
  return r.stdout;
}

/** Praat's dump with its times turned into milliseconds, as `charkhaView` writes them. */
function praatView(file: string, layout = 'none', out = ''): View {
  const lines = praat([file, layout, out])
    .split('\n')
    .filter((l) => l !== '');
  return lines.slice(1).map((l) => {
    const f = l.split('\t');
    if (f[0] === 'interval')
      return ['interval', ms(Number(f[1])), ms(Number(f[2])), f[3]].join('\t');
    if (f[0] === 'point') return ['point', ms(Number(f[1])), f[2]].join('\t');
    return l;
  });
}

function firstDifference(a: View, b: View): string | null {
  for (let i = 0; i < Math.max(a.length, b.length); i++)
    if (a[i] !== b[i])
      return `line ${i + 1}: Praat "${a[i] ?? '(none)'}" vs Charkha "${b[i] ?? '(none)'}"`;
  return null;
}

const version = spawnSync('praat', ['--version'], { encoding: 'utf8' });
if (version.error || version.status !== 0) {
  console.error(
    'check-praat: praat is not installed (apt-get install -y praat); it is the real client this check needs',
  );
  process.exit(1);
}
const praatVersion = version.stdout.trim();

const work = mkdtempSync(join(tmpdir(), 'charkha-praat-'));
const results: { file: string; intervals: number; equal: boolean; difference: string | null }[] =
  [];
try {
  const p = Project.init(join(work, 'project'));
  const audioId = p.audio.insert({
    sha256: 'c'.repeat(64),
    originalName: 'telugu-market.wav',
    ext: 'wav',
    container: 'wav',
    codec: 'pcm_s16le',
    sampleRate: 16000,
    channels: 1,
    frames: 197520,
    durationSec: 12.345,
    bytes: 395084,
    system: null,
  });
  const a = p.annotations;
  const tr = a.createTier(audioId, { name: 'transcript', kind: 'transcript' });
  const en = a.createTier(audioId, { name: 'translation', kind: 'translation', parentId: tr.id });
  const events = a.createTier(audioId, { name: 'events', kind: 'user' });
  const rows: [number, number, string, string][] = [
    [0.123, 1.001, 'ఐదు లక్షల రూపాయలు', 'five lakh rupees'],
    [1.001, 2.999, 'అతను "సరే" అన్నాడు', 'he said "okay"'],
    [4.5, 7.777, 'రెండు\nలైన్లు \\ ఒక బ్యాక్‌స్లాష్', 'two lines'],
    [10.01, 12.345, 'ఒకటి, రెండు, మూడు', 'one, two, three'],
  ];
  for (const [start, end, text, english] of rows) {
    a.addSegment(tr.id, { start, end, text }, 'check');
    a.addSegment(en.id, { start, end, text: english }, 'check');
  }
  a.addSegment(events.id, { start: 3.25, end: 3.25, text: 'laugh' }, 'check');
  a.addSegment(events.id, { start: 8, end: 8, text: '' }, 'check');

  const files: string[] = [];
  for (const layout of ['long', 'short'] as const)
    for (const encoding of ['utf-8', 'utf-16'] as const)
      files.push(
        exportAnnotations(p, join(work, `export-${layout}-${encoding}.TextGrid`), {
          format: 'textgrid',
          layout,
          encoding,
        }).file,
      );
  const projectTiers = a.listTiers(audioId).map((t) => ({
    name: t.name,
    segments: a
      .listSegments(t.id)
      .map((s) => [s.start, s.end, s.text])
      .filter(([s, e, text]) => text !== '' || s === e),
  }));
  p.close();

  const fixtures = ['long', 'short', 'utf16le', 'utf16be-short'].map((f) =>
    join(root, 'tests', 'fixtures', 'annotations', `${f}.TextGrid`),
  );
  for (const file of [...files, ...fixtures]) {
    const name = file.startsWith(work) ? file.slice(work.length + 1) : file.slice(root.length + 1);
    const mine = charkhaView(readTextGrid(readFileSync(file), file));
    const theirs = praatView(file);
    const difference = firstDifference(theirs, mine);
    results.push({ file: name, intervals: mine.length, equal: difference === null, difference });
  }

  // Praat's own files (it writes UTF-16 for non-Latin text) must read back to the project's tiers.
  for (const layout of ['text', 'short']) {
    const out = join(work, `praat-${layout}.TextGrid`);
    praatView(files[0], layout, out);
    const doc = readTextGrid(readFileSync(out), out);
    const back = doc.tiers.map((t) => ({
      name: t.name,
      segments: t.segments.map((s) => [s.start, s.end, s.text]),
    }));
    const same = JSON.stringify(back) === JSON.stringify(projectTiers);
    results.push({
      file: `saved by Praat (${layout})`,
      intervals: back.reduce((n, t) => n + t.segments.length, 0),
      equal: same,
      difference: same ? null : `read back ${JSON.stringify(back)}`,
    });
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

for (const r of results)
  console.log(
    `${r.equal ? 'same' : 'DIFFERENT'}  ${r.file} (${r.intervals} lines)${r.difference ? `: ${r.difference}` : ''}`,
  );
const failed = results.filter((r) => !r.equal);
recordBench('praat-check', { praat: praatVersion, files: results, failed: failed.length });
if (failed.length > 0) {
  console.error(
    `check-praat: ${failed.length} of ${results.length} files differ between Praat and Charkha`,
  );
  process.exit(1);
}
console.log(
  `check-praat: Praat (${praatVersion}) and Charkha agree on ${results.length} TextGrids`,
);
