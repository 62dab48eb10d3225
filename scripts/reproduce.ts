/**
 * `npm run reproduce [-- --data <folder>]`: checks Charkha's paper-compatible
 * mode against every published figure of "The TTS-STT Flywheel" (Praxel,
 * 2026, Table 1), prints Charkha's honest EHR beside each, and checks that
 * every reference entity of the corpus scored against its own text is a
 * `hit` (spec §3). Data: praxelhq/stt-flywheel (code MIT; test sets and
 * predictions CC-BY-4.0), read from `../shared/corpora/stt-flywheel` by
 * default. A missing folder is an error, never a skip.
 */
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { honestEntityScorer } from '../native/metrics/entity-engine.js';
import { readHypothesisFile, readReferenceFile, type RefRow } from '../native/metrics/files.js';
import { scoreRows } from '../native/metrics/score-run.js';

/** Published EHR per prediction file and hypothesis field (paper, Table 1). */
export const PUBLISHED: readonly { file: string; field: string; label: string; ehr: number }[] = [
  {
    file: 'beta_te_entity_dense_cartesia_n102_predictions.jsonl',
    field: 'beta_hyp',
    label: 'te headline (beta)',
    ehr: 0.473,
  },
  {
    file: 'vasista_te_entity_dense_cartesia_n102_predictions.jsonl',
    field: 'vasista_hyp',
    label: 'te open baseline (vasista)',
    ehr: 0.027,
  },
  {
    file: 'deepgram_te_entity_dense_cartesia_n102_predictions.jsonl',
    field: 'deepgram_hyp',
    label: 'te commercial (deepgram)',
    ehr: 0.16,
  },
  {
    file: 'praxy_te_r2_entity_dense_cartesia_n102_predictions.jsonl',
    field: 'vanilla_hyp',
    label: 'te Whisper-v3',
    ehr: 0.56,
  },
  {
    file: 'praxy_te_r2_entity_dense_cartesia_n102_predictions.jsonl',
    field: 'lora_hyp',
    label: 'te Whisper-v3 LoRA',
    ehr: 0.853,
  },
  {
    file: 'beta_hi_entity_dense_cartesia_n86_predictions.jsonl',
    field: 'beta_hyp',
    label: 'hi headline (beta)',
    ehr: 0.337,
  },
  {
    file: 'vasista_hi_entity_dense_cartesia_n86_predictions.jsonl',
    field: 'vasista_hyp',
    label: 'hi open baseline (vasista)',
    ehr: 0.049,
  },
  {
    file: 'deepgram_hi_entity_dense_cartesia_n86_predictions.jsonl',
    field: 'deepgram_hyp',
    label: 'hi commercial (deepgram)',
    ehr: 0.485,
  },
  {
    file: 'beta_ta_entity_dense_cartesia_n102_predictions.jsonl',
    field: 'beta_hyp',
    label: 'ta headline (beta)',
    ehr: 0.543,
  },
  {
    file: 'vasista_ta_entity_dense_cartesia_n102_predictions.jsonl',
    field: 'vasista_hyp',
    label: 'ta open baseline (vasista)',
    ehr: 0.025,
  },
  {
    file: 'deepgram_ta_entity_dense_cartesia_n102_predictions.jsonl',
    field: 'deepgram_hyp',
    label: 'ta commercial (deepgram)',
    ehr: 0.025,
  },
];

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function fail(msg: string): never {
  process.stderr.write(`reproduce: ${msg}\n`);
  process.exit(1);
}

function parseArgs(argv: string[]): { data: string } {
  let data = resolve(REPO_ROOT, '../shared/corpora/stt-flywheel');
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--data') {
      if (!argv[i + 1]) fail('--data needs a folder');
      data = resolve(argv[++i]);
    } else if (argv[i] === '--') continue;
    else fail(`unknown argument ${argv[i]} (usage: reproduce [--data <folder>])`);
  }
  return { data };
}

const f3 = (x: number | null): string => (x === null ? '—' : x.toFixed(3));

function table(rows: string[][]): string {
  const w = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows
    .map((r) => r.map((c, i) => (i === 0 ? c.padEnd(w[i]) : c.padStart(w[i]))).join('  '))
    .join('\n');
}

/** Every reference file of the corpus: holdouts, the references inside predictions, text/, native-te. */
function corpusFiles(data: string): string[] {
  const out: string[] = [];
  for (const sub of ['holdouts', 'predictions', 'text']) {
    const dir = join(data, sub);
    if (!existsSync(dir)) fail(`${dir} is missing: the corpus is incomplete`);
    const walk = (d: string): void => {
      for (const e of readdirSync(d, { withFileTypes: true })) {
        if (e.isDirectory()) walk(join(d, e.name));
        else if (e.name.endsWith('.jsonl')) out.push(join(d, e.name));
      }
    };
    walk(dir);
  }
  // The native recordings' manifest is part of the corpus too, where shipped.
  const manifest = join(data, 'native-te', 'manifest.jsonl');
  if (existsSync(manifest)) out.push(manifest);
  return out.sort();
}

async function main(): Promise<number> {
  const { data } = parseArgs(process.argv.slice(2));
  const predDir = join(data, 'predictions');
  if (!existsSync(predDir)) {
    fail(
      `no predictions folder at ${predDir}\n` +
        '  the stt-flywheel corpus is needed to check the published figures; pass --data <folder>',
    );
  }
  const present = new Set(readdirSync(predDir).filter((f) => f.endsWith('.jsonl')));
  let failures = 0;

  // 1. Compat figures equal the published ones to 3 decimals.
  const rows: string[][] = [
    ['system', 'field', 'n', 'published', 'compat', 'match', 'honest EHR', 'honest 95% CI'],
  ];
  const checked = new Set<string>();
  for (const p of PUBLISHED) {
    if (!present.has(p.file)) {
      failures++;
      rows.push([p.label, p.field, '—', p.ehr.toFixed(3), 'file missing', 'FAIL', '', '']);
      continue;
    }
    checked.add(p.file);
    const path = join(predDir, p.file);
    const refs = readReferenceFile(path);
    const hyps = readHypothesisFile(path, p.field);
    const compat = await scoreRows(refs, hyps, { compat: 'praxel-2026' });
    const honest = await scoreRows(refs, hyps, { profile: 'standard' });
    const got = compat.ehr.micro;
    const ok = got !== null && got.toFixed(3) === p.ehr.toFixed(3);
    if (!ok) failures++;
    const ci = honest.ehr.ci95;
    rows.push([
      p.label,
      p.field,
      String(compat.utterances),
      p.ehr.toFixed(3),
      f3(got),
      ok ? 'ok' : 'FAIL',
      f3(honest.ehr.micro),
      ci ? `[${f3(ci[0])}, ${f3(ci[1])}]` : '—',
    ]);
  }
  console.log(
    'Entity hit rate: paper-compatible mode vs published (Table 1), and Charkha honest\n',
  );
  console.log(table(rows));
  const unchecked = [...present].filter((f) => !checked.has(f));
  if (unchecked.length) console.log(`\nno published figure for: ${unchecked.join(', ')}`);

  // 2. Every reference scored against itself: all hit, exact surface.
  const scorer = honestEntityScorer({ sfr: false, twer: false });
  let entities = 0;
  const bad: string[] = [];
  let notExact = 0;
  const files = corpusFiles(data);
  for (const file of files) {
    const refs: RefRow[] = readReferenceFile(file);
    for (const ref of refs) {
      for (const e of scorer(ref, ref.text).entities) {
        entities++;
        if (e.outcome !== 'hit') {
          bad.push(
            `${file.slice(data.length + 1)}:${ref.line} ${ref.id} ${e.type} "${e.surface}" → ${e.outcome}`,
          );
        } else if (!e.exactSurface) notExact++;
      }
    }
  }
  console.log(
    `\nself-check (honest mode, ${files.length} files, ${entities} entities): ` +
      `${entities - bad.length} hit, ${bad.length} not hit, ${notExact} hit without exact surface`,
  );
  if (bad.length || notExact) {
    failures++;
    for (const b of bad.slice(0, 20)) console.log(`  ${b}`);
    if (bad.length > 20) console.log(`  … ${bad.length - 20} more`);
  }

  if (failures) {
    process.stderr.write(`reproduce: ${failures} check(s) failed\n`);
    return 1;
  }
  console.log('\nall published figures reproduced; every reference scores as a hit against itself');
  return 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`reproduce: ${(e as Error).stack ?? String(e)}\n`);
    process.exit(2);
  },
);
