/**
 * Evaluates a bundled default CTC model the way its model card reports it,
 * from nothing but Charkha's own commands: `generate` writes held-out rows
 * (the test split's templates and values), `synthesize` speaks them with
 * espeak-ng variants the model never heard in training, clean and through the
 * telephone channel, `transcribe` runs the model, `score` computes WER, CER
 * and EHR against the spoken form. With `--native DIR` it also scores the
 * recordings of a corpus folder (`manifest.jsonl` + audio), e.g. the 20
 * native Telugu recordings.
 *
 *   npx tsx scripts/eval-default-model.ts --lang hi [--count 300] [--write-card]
 *   npx tsx scripts/eval-default-model.ts --lang te --native ../shared/corpora/stt-flywheel/native-te
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { ScoreReport } from '../native/metrics/report-schema.js';

const ROOT = resolve(import.meta.dirname, '..');
const BIN = join(ROOT, 'native/cli/bin.ts');
/** The espeak-ng variants that models/recipes/default_ctc/prepare.py keeps out of training. */
export const HELD_OUT_VARIANTS = ['m4', 'f3', 'm8'] as const;

interface Figure {
  value: number | null;
  ci?: [number, number] | null;
}

export interface ConditionResult {
  condition: string;
  utterances: number;
  wer: number | null;
  cer: number | null;
  ehr: Figure;
  ehrByType: Record<string, Figure & { n: number }>;
  /** Per type, hits and entities written in Latin letters (English code-mix) and in the language's own script. */
  ehrByScript?: Record<string, ScriptSplit>;
}

interface HitCount {
  hits: number;
  n: number;
}

export interface ScriptSplit {
  latin: HitCount;
  native: HitCount;
}

/**
 * Hits per entity type, split by how the entity is written: in Latin letters
 * (the code-mixed rows' "four hundred eighty rupees") or in the language's
 * script. A character model that reads its own script well can still spell
 * English badly, and one EHR per type would hide which.
 */
export function ehrByScript(
  perEntity: readonly { type: string; surface: string; outcome: string }[],
): Record<string, ScriptSplit> {
  const out: Record<string, ScriptSplit> = {};
  for (const e of perEntity) {
    const t = (out[e.type] ??= { latin: { hits: 0, n: 0 }, native: { hits: 0, n: 0 } });
    const side = /[A-Za-z]/.test(e.surface) ? t.latin : t.native;
    side.n++;
    if (e.outcome === 'hit') side.hits++;
  }
  return out;
}

export function cli(args: string[], env: NodeJS.ProcessEnv = {}): string {
  const r = spawnSync(process.execPath, ['--import', 'tsx', BIN, ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    env: { ...process.env, FORCE_COLOR: '0', ...env },
  });
  // `score` exits 0; `transcribe` exits 1 when a file failed: that is a failure here too.
  if (r.status !== 0) {
    throw new Error(
      `charkha ${args.slice(0, 2).join(' ')} failed (${r.status}): ${r.stderr.trim()}`,
    );
  }
  return r.stdout;
}

export function jsonl(path: string): Record<string, unknown>[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

export function writeJsonl(path: string, rows: unknown[]): void {
  writeFileSync(path, rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
}

/**
 * Transcribes `audio` (id → wav path) and scores against `refs`; `env` for
 * the CLI (e.g. CHARKHA_MODELS for a model outside the bundled folder).
 */
export function transcribeAndScore(
  work: string,
  name: string,
  model: string,
  lang: string,
  refs: Record<string, unknown>[],
  audio: Map<string, string>,
  env: NodeJS.ProcessEnv = {},
): { result: ConditionResult; report: ScoreReport } {
  const ids = [...audio.keys()];
  const out = cli(
    ['transcribe', '--model', model, '--lang', lang, '--json', ...ids.map((id) => audio.get(id)!)],
    env,
  );
  const byPath = new Map<string, string>();
  for (const line of out.split('\n').filter((l) => l.trim())) {
    const r = JSON.parse(line) as { path: string; text: string };
    byPath.set(resolve(r.path), r.text);
  }
  const hyps = ids.map((id) => ({ id, hypothesis: byPath.get(resolve(audio.get(id)!)) ?? null }));
  const refPath = join(work, `${name}-ref.jsonl`);
  const hypPath = join(work, `${name}-hyp.jsonl`);
  writeJsonl(refPath, refs);
  writeJsonl(hypPath, hyps);
  const report = JSON.parse(
    cli(['score', '--ref', refPath, '--hyp', hypPath, '--json', '--per-entity']),
  ) as ScoreReport;
  return { result: summarise(name, report), report };
}

function summarise(condition: string, report: ScoreReport): ConditionResult {
  const byType: ConditionResult['ehrByType'] = {};
  for (const [type, f] of Object.entries(report.by_type ?? {})) {
    byType[type] = { value: f.ehr, ci: f.ci95, n: f.entities };
  }
  return {
    condition,
    utterances: report.utterances,
    wer: report.wer,
    cer: report.cer,
    ehr: { value: report.ehr.micro, ci: report.ehr.ci95 },
    ehrByType: byType,
    ehrByScript: ehrByScript(report.per_entity ?? []),
  };
}

/**
 * Speaks held-out rows (`rowsPath`, generator JSONL) with the held-out
 * variants, once per condition (augmentation preset); returns the references
 * (the spoken form and its spans) and, per condition, id → wav path.
 */
export function speakHeldOut(opts: {
  rowsPath: string;
  lang: string;
  seed: number;
  conditions: readonly string[];
  work: string;
}): { refs: Record<string, unknown>[]; audio: Map<string, Map<string, string>> } {
  const rowsPath = join(opts.work, 'rows-voiced.jsonl');
  const rows = jsonl(opts.rowsPath).map((r, i): Record<string, unknown> => ({
    ...r,
    voice: `${opts.lang}+${HELD_OUT_VARIANTS[i % HELD_OUT_VARIANTS.length]}`,
  }));
  writeJsonl(rowsPath, rows);
  // What was said is the reference: the model writes numbers as words, and the
  // scorer reads the spans' canonical values out of either form.
  const refs = rows.map((r) => ({
    id: r['id'],
    lang: r['lang'],
    text: r['spoken'],
    entity_tokens: r['spoken_tokens'],
  }));
  const audio = new Map<string, Map<string, string>>();
  for (const condition of opts.conditions) {
    const dir = join(opts.work, condition);
    if (!existsSync(join(dir, 'manifest.jsonl')))
      cli([
        'synthesize',
        '--in',
        rowsPath,
        '--out',
        dir,
        '--augment',
        condition,
        '--seed',
        String(opts.seed),
        '--sample-rate',
        '16000',
      ]);
    const files = new Map<string, string>();
    for (const m of jsonl(join(dir, 'manifest.jsonl')))
      files.set(String(m.id), join(dir, String(m.file)));
    audio.set(condition, files);
  }
  return { refs, audio };
}

/** Held-out synthetic test: rows from the test split, spoken by held-out variants. */
export function evalSynthetic(opts: {
  model: string;
  lang: string;
  count: number;
  seed: number;
  conditions?: readonly string[];
  work?: string;
}): ConditionResult[] {
  const work = opts.work ?? mkdtempSync(join(tmpdir(), 'charkha-eval-'));
  const rowsPath = join(work, 'rows.jsonl');
  cli([
    'generate',
    '--lang',
    opts.lang,
    '--count',
    String(opts.count),
    '--split',
    'test',
    '--seed',
    String(opts.seed),
    '--out',
    rowsPath,
  ]);
  const { refs, audio } = speakHeldOut({
    rowsPath,
    lang: opts.lang,
    seed: opts.seed,
    conditions: opts.conditions ?? ['clean', 'phone'],
    work,
  });
  const results: ConditionResult[] = [];
  for (const [condition, files] of audio)
    results.push(transcribeAndScore(work, condition, opts.model, opts.lang, refs, files).result);
  return results;
}

/** A recorded corpus folder: `manifest.jsonl` rows with `audio_path`. */
export function evalNative(opts: {
  model: string;
  lang: string;
  dir: string;
  work?: string;
}): ConditionResult {
  const manifest = join(opts.dir, 'manifest.jsonl');
  if (!existsSync(manifest))
    throw new Error(`${manifest}: not found (pass the corpus folder with --native)`);
  const work = opts.work ?? mkdtempSync(join(tmpdir(), 'charkha-eval-'));
  const rows = jsonl(manifest);
  const audio = new Map(rows.map((r) => [String(r.id), join(opts.dir, String(r.audio_path))]));
  const refs = rows.map((r) => ({
    id: r.id,
    lang: r.lang,
    text: r.text,
    entity_tokens: r.entity_tokens,
  }));
  return transcribeAndScore(work, 'native', opts.model, opts.lang, refs, audio).result;
}

function pct(v: number | null): string {
  return v === null ? 'n/a' : `${(v * 100).toFixed(1)}%`;
}

function fmt(f: Figure): string {
  if (f.value === null) return 'n/a';
  return f.ci
    ? `${f.value.toFixed(3)} [${f.ci[0].toFixed(3)}, ${f.ci[1].toFixed(3)}]`
    : f.value.toFixed(3);
}

export function resultsMarkdown(results: readonly ConditionResult[]): string {
  const lines = [
    '| condition | utterances | WER | CER | EHR [95% CI] |',
    '| --- | ---: | ---: | ---: | --- |',
  ];
  for (const r of results)
    lines.push(
      `| ${r.condition} | ${r.utterances} | ${pct(r.wer)} | ${pct(r.cer)} | ${fmt(r.ehr)} |`,
    );
  const types = [...new Set(results.flatMap((r) => Object.keys(r.ehrByType)))].sort();
  if (types.length) {
    lines.push(
      '',
      `| entity type | ${results.map((r) => r.condition).join(' | ')} |`,
      `| --- | ${results.map(() => '---').join(' | ')} |`,
    );
    for (const t of types) {
      lines.push(
        `| ${t} | ${results.map((r) => (r.ehrByType[t] ? `${fmt(r.ehrByType[t])} (n=${r.ehrByType[t].n})` : '–')).join(' | ')} |`,
      );
    }
  }
  // Types written both ways somewhere: each way's share of hits.
  const mixed = types.filter((t) =>
    results.some((r) => {
      const x = r.ehrByScript?.[t];
      return x !== undefined && x.latin.n > 0 && x.native.n > 0;
    }),
  );
  if (mixed.length) {
    const part = (c: HitCount) => (c.n === 0 ? '–' : `${c.hits}/${c.n}`);
    lines.push(
      '',
      `| hits by script: native / Latin (code-mix) | ${results.map((r) => r.condition).join(' | ')} |`,
      `| --- | ${results.map(() => '---').join(' | ')} |`,
    );
    for (const t of mixed)
      lines.push(
        `| ${t} | ${results.map((r) => (r.ehrByScript?.[t] ? `${part(r.ehrByScript[t].native)} / ${part(r.ehrByScript[t].latin)}` : '–')).join(' | ')} |`,
      );
  }
  return lines.join('\n');
}

interface TrainingRecord {
  parameters: number;
  train_utterances: number;
  train_hours: number;
  steps: number;
  epochs_completed: number;
  train_minutes: number;
  threads: number;
  d_model: number;
  layers: number;
  lr: number;
  max_frames: number;
  dev_cer: number;
  machine?: string;
  /** Rows from prepare.py --extra-latin-numbers, --more-rows and --junction-rows in the last phase (counted in train_utterances). */
  extra_train_utterances?: number;
  /** Stretches of training on one data set, in order (older records have none). */
  phases?: {
    from_step: number;
    to_step: number;
    minutes: number;
    /** Extra rows (Latin-written numbers) trained on; `extra_prepared` is what prepare.py made. */
    extra: number;
    extra_prepared?: number;
    /** More train-split rows (prepare.py --more-rows) trained on, of these classes. */
    more?: number;
    more_prepared?: number;
    more_classes?: string[];
    /** Rows with a plain word swapped in before each number (prepare.py --junction-rows). */
    junction?: number;
    junction_prepared?: number;
  }[];
}

/** The commands that reproduce the training, phase by phase. */
/** What the last phase trained on beside the base split, in words for the card. */
export function addedRows(t: TrainingRecord): string {
  const last = t.phases?.at(-1);
  const extra = last ? last.extra : (t.extra_train_utterances ?? 0);
  const parts: string[] = [];
  if (extra)
    parts.push(`${extra} extra rows of the mixed class whose
  numbers are written in Latin letters (prepare.py --extra-latin-numbers:
  the base split has too few for the model to learn to spell them)`);
  if (last?.more)
    parts.push(
      `${last.more} more train-split rows${
        last.more_classes?.length ? ` of the ${last.more_classes.join(', ')} classes` : ''
      } (prepare.py --more-rows)`,
    );
  if (last?.junction)
    parts.push(`${last.junction} numeric-class rows with a plain word swapped in
  right before each number (prepare.py --junction-rows: after a word it never
  heard, the model ran that word into the number)`);
  return `${t.extra_train_utterances} of them added: ${parts.join('; ')}`;
}

export function retrainCommands(lang: string, t: TrainingRecord): string[] {
  const recipe = '/usr/bin/python3 models/recipes/default_ctc';
  const base = t.train_utterances - (t.extra_train_utterances ?? 0);
  const lines = [`${recipe}/prepare.py --lang ${lang} --train ${base + 100}`];
  const phases = t.phases?.length
    ? t.phases
    : [{ from_step: 0, to_step: t.steps, minutes: t.train_minutes, extra: 0 }];
  let extra = 0;
  let more = 0;
  let junction = 0;
  for (const p of phases) {
    if (p.extra !== extra) {
      if (p.extra > 0)
        lines.push(
          `${recipe}/prepare.py --lang ${lang} --extra-latin-numbers ${p.extra_prepared ?? p.extra} --only-extra`,
        );
      else lines.push(`rm -r models/recipes/.work/${lang}/train-extra`);
      extra = p.extra;
    }
    if ((p.more ?? 0) !== more) {
      if (p.more) {
        const classes = p.more_classes?.length ? ` --more-classes ${p.more_classes.join(',')}` : '';
        lines.push(
          `${recipe}/prepare.py --lang ${lang} --more-rows ${p.more_prepared ?? p.more}${classes} --only-extra`,
        );
      } else lines.push(`rm -r models/recipes/.work/${lang}/train-more`);
      more = p.more ?? 0;
    }
    if ((p.junction ?? 0) !== junction) {
      if (p.junction)
        lines.push(
          `${recipe}/prepare.py --lang ${lang} --junction-rows ${p.junction_prepared ?? p.junction} --only-extra`,
        );
      else lines.push(`rm -r models/recipes/.work/${lang}/train-junction`);
      junction = p.junction ?? 0;
    }
    lines.push(
      `${recipe}/train.py --lang ${lang} --minutes ${Math.round(p.minutes)}    # steps ${p.from_step}–${p.to_step}`,
    );
  }
  return lines;
}

const LANGUAGE_NAMES: Record<string, string> = { hi: 'Hindi', te: 'Telugu', ta: 'Tamil' };

/** The model card: what the model is, what it was trained on and how, and what it scores. */
export function modelCard(
  model: string,
  lang: string,
  dir: string,
  results: string,
  count: number,
): string {
  const t = JSON.parse(readFileSync(join(dir, 'training.json'), 'utf8')) as TrainingRecord;
  const onnxBytes = statSync(join(dir, 'onnx/model.onnx')).size;
  const name = LANGUAGE_NAMES[lang] ?? lang;
  const vocabSize = Object.keys(
    JSON.parse(readFileSync(join(dir, 'vocab.json'), 'utf8')) as object,
  ).length;
  return `# ${model}: Charkha's default ${name} speech recogniser

A small character-level CTC model that Charkha's own flywheel trained: text
from \`charkha generate\` (train split), spoken by \`charkha synthesize\` with
espeak-ng voice variants, rates, pitches and the augmentation chain, learned
by \`models/recipes/default_ctc/train.py\` (Debian PyTorch 1.13, CPU). It
ships so that the flywheel runs end to end on a fresh machine with no
download. It has only ever heard espeak-ng: treat it as the flywheel's
round-trip filter and a baseline, not as a recogniser of human speech.

- Family \`wav2vec2-ctc\` layout: \`onnx/model.onnx\` (\`input_values\` [1, S]
  16 kHz waveform → \`logits\` [1, frames, ${vocabSize}]), \`vocab.json\` (\`<pad>\` is the
  CTC blank, \`|\` the word delimiter). The log-mel front end (NeMo's: pre-emphasis
  0.97, n_fft 512, window 400, hop 160, 80 Slaney mels, log, per-feature
  normalisation) is inside the graph, built from convolutions with fixed DFT
  and mel weights, and checked against \`torch.stft\` before training.
- ${(t.parameters / 1e6).toFixed(2)} M parameters, ${(onnxBytes / 1e6).toFixed(1)} MB: stride-3 convolution (30 ms frames), ${t.layers}
  conformer-lite blocks of width ${t.d_model} (self-attention, depthwise convolution, feed-forward), linear CTC head.
- Licence: GPL-3.0-or-later (trained on audio from espeak-ng, GPL-3, and text
  from Charkha's lexicons and templates; see assets/lexicons/README.md).

## Training

- Data: ${t.train_utterances} utterances, ${t.train_hours.toFixed(2)} h, ${name} rows of
  every entity class from the generator's train split (held-out templates
  and values never seen)${
    t.extra_train_utterances ? `, ${addedRows(t)}` : ''
  }, one espeak-ng variant per row drawn from 24
  (never m4, f3, m8), rate 130–210 wpm and pitch 35–65 per group of 150 rows,
  augmentation per group from clean, noisy, phone, room, speed ±10%,
  noisy-phone and far-field; 16 kHz, loudness −23 dBFS.
- Recipe: AdamW, peak learning rate ${t.lr}, warm-up 300 steps then inverse
  square root, batches of at most ${t.max_frames} padded feature frames, SpecAugment
  (2 frequency masks, time masks), CTC loss, gradient clip 5.
- Ran ${t.steps} steps (${t.epochs_completed} full epochs) in ${t.train_minutes} minutes${t.machine ? ` on ${t.machine}` : ''}, ${t.threads} PyTorch thread(s);
  dev CER (100 held-back training-voice utterances) ${(t.dev_cer * 100).toFixed(1)}%.
  Per-epoch history in \`training.json\`.

Retrain (checkpoints in models/recipes/.work/${lang}/; the same command resumes):

\`\`\`sh
${retrainCommands(lang, t).join('\n')}
\`\`\`

## Results

${count} freshly generated test-split rows (held-out templates and values),
spoken by the held-out variants m4, f3 and m8, clean and through the
telephone channel; reference = the spoken form; Charkha's scorer (standard
profile; EHR with 95% bootstrap intervals). Reproduce:

\`\`\`sh
npx tsx scripts/eval-default-model.ts --lang ${lang} --count ${count}${lang === 'te' ? ' --native ../shared/corpora/stt-flywheel/native-te' : ''}
\`\`\`

${results}
`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      lang: { type: 'string' },
      model: { type: 'string' },
      count: { type: 'string', default: '300' },
      seed: { type: 'string', default: '2026' },
      native: { type: 'string' },
      'write-card': { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
    },
  });
  if (!values.lang) throw new Error('--lang is required (hi, te, ta)');
  const model = values.model ?? `charkha-ctc-${values.lang}`;
  const work = mkdtempSync(join(tmpdir(), 'charkha-eval-'));
  try {
    const results = evalSynthetic({
      model,
      lang: values.lang,
      count: Number(values.count),
      seed: Number(values.seed),
      work,
    });
    if (values.native)
      results.push(evalNative({ model, lang: values.lang, dir: values.native, work }));
    const md = resultsMarkdown(results);
    console.log(md);
    if (values['write-card']) {
      const dir = join(ROOT, 'models/default', model);
      writeFileSync(
        join(dir, 'results.json'),
        JSON.stringify(
          {
            model,
            lang: values.lang,
            count: Number(values.count),
            seed: Number(values.seed),
            heldOutVariants: HELD_OUT_VARIANTS,
            results,
          },
          null,
          2,
        ) + '\n',
      );
      writeFileSync(join(dir, 'results.md'), md + '\n');
      writeFileSync(
        join(dir, 'README.md'),
        modelCard(model, values.lang, dir, md, Number(values.count)),
      );
      console.log(`results written to ${dir}/results.{json,md}`);
    }
  } finally {
    if (!values.keep) rmSync(work, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(1);
  });
}
