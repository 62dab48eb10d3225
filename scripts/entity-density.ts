/**
 * The entity-density experiment (docs/experiments/entity-density.md): models
 * trained by the same recipe on entity-dense and on entity-free sentences,
 * scored on one held-out entity-dense test, spoken once by the held-out
 * espeak-ng variants (clean and telephone). Reports WER, CER and EHR per
 * entity type with 95% bootstrap intervals, and the paired difference of EHR
 * (same utterances, resampled together).
 *
 *   npx tsx scripts/entity-density.ts --lang hi --test-rows models/recipes/.work/hi/test-rows.jsonl \
 *     --arm dense=/tmp/ed/models-dense --arm plain=/tmp/ed/models-plain --json out.json
 *
 * Each arm is a model home folder (CHARKHA_MODELS) holding `charkha-ctc-<lang>/`.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { bootstrapSamples, percentileInterval } from '../native/metrics/bootstrap.js';
import type { ScoreReport } from '../native/metrics/report-schema.js';
import { splitCer, type SplitCer } from './entity-density-cer.js';
import {
  jsonl,
  speakHeldOut,
  transcribeAndScore,
  type ConditionResult,
} from './eval-default-model.js';

interface ArmResult extends ConditionResult {
  arm: string;
  /** CER of the letters inside entity spans and of the rest of the sentence. */
  cerSplit: SplitCer;
}

interface Difference {
  condition: string;
  type: string;
  entities: number;
  /** EHR of the first arm minus the second's, with its paired 95% interval. */
  diff: number;
  ci: [number, number];
}

/** Hits and entity counts per utterance (and per type), from a report's per-entity outcomes. */
function hitsByUtterance(report: ScoreReport, type: string | null): Map<string, [number, number]> {
  const out = new Map<string, [number, number]>();
  for (const e of report.per_entity ?? []) {
    if (type !== null && e.type !== type) continue;
    const c = out.get(e.id) ?? [0, 0];
    c[0] += e.outcome === 'hit' ? 1 : 0;
    c[1] += 1;
    out.set(e.id, c);
  }
  return out;
}

/** Paired bootstrap of EHR(a) − EHR(b) over the utterances both scored. */
export function pairedDifference(
  a: ScoreReport,
  b: ScoreReport,
  type: string | null,
): { diff: number; ci: [number, number]; entities: number } | null {
  const ha = hitsByUtterance(a, type);
  const hb = hitsByUtterance(b, type);
  const ids = [...ha.keys()].filter((id) => hb.has(id)).sort();
  if (ids.length === 0) return null;
  const da = ids.map((id) => ha.get(id)![0]);
  const db = ids.map((id) => hb.get(id)![0]);
  const n = ids.map((id) => ha.get(id)![1]);
  const stat = (idx: ArrayLike<number>): number => {
    let x = 0;
    let y = 0;
    let d = 0;
    for (let k = 0; k < idx.length; k++) {
      x += da[idx[k]];
      y += db[idx[k]];
      d += n[idx[k]];
    }
    return d === 0 ? 0 : (x - y) / d;
  };
  const all = Int32Array.from(ids.keys());
  return {
    diff: stat(all),
    ci: percentileInterval(bootstrapSamples(ids.length, stat)),
    entities: n.reduce((s, v) => s + v, 0),
  };
}

function pctCi(p: { cer: number; ci: [number, number] | null }): string {
  const f = (v: number) => `${(v * 100).toFixed(1)}%`;
  return p.ci ? `${f(p.cer)} [${f(p.ci[0])}, ${f(p.ci[1])}]` : f(p.cer);
}

function fmt(v: number | null | undefined, ci?: [number, number] | null): string {
  if (v === null || v === undefined) return 'n/a';
  return ci ? `${v.toFixed(2)} [${ci[0].toFixed(2)}, ${ci[1].toFixed(2)}]` : v.toFixed(2);
}

/** One table per condition: WER, CER, then EHR overall and per type, and the paired difference. */
export function differenceMarkdown(
  arms: readonly string[],
  results: readonly ArmResult[],
  differences: readonly Difference[],
): string {
  const out: string[] = [];
  for (const condition of [...new Set(results.map((r) => r.condition))]) {
    const byArm = arms.map((a) => results.find((r) => r.arm === a && r.condition === condition)!);
    const pct = (v: number | null) => (v === null ? 'n/a' : `${(v * 100).toFixed(1)}%`);
    out.push(
      `**${condition}** (${byArm[0].utterances} utterances)`,
      '',
      `| figure | n | ${arms.join(' | ')} | ${arms[0]} − ${arms[1]} [95% CI] |`,
      `| --- | ---: | ${arms.map(() => '---:').join(' | ')} | ---: |`,
      `| WER | | ${byArm.map((r) => pct(r.wer)).join(' | ')} | |`,
      `| CER | | ${byArm.map((r) => pct(r.cer)).join(' | ')} | |`,
      `| CER outside entities | ${byArm[0].cerSplit.outside.chars} | ${byArm.map((r) => pctCi(r.cerSplit.outside)).join(' | ')} | |`,
      `| CER inside entities | ${byArm[0].cerSplit.inside.chars} | ${byArm.map((r) => pctCi(r.cerSplit.inside)).join(' | ')} | |`,
    );
    for (const d of differences.filter((x) => x.condition === condition)) {
      const cells = byArm.map((r) =>
        d.type === 'all'
          ? fmt(r.ehr.value, r.ehr.ci)
          : fmt(r.ehrByType[d.type]?.value, r.ehrByType[d.type]?.ci),
      );
      out.push(
        `| EHR ${d.type === 'all' ? '(all entities)' : d.type} | ${d.entities} | ${cells.join(' | ')} | ${fmt(d.diff, d.ci)} |`,
      );
    }
    out.push('');
  }
  return out.join('\n');
}

function main(): void {
  const { values } = parseArgs({
    options: {
      lang: { type: 'string', default: 'hi' },
      'test-rows': { type: 'string' },
      arm: { type: 'string', multiple: true },
      seed: { type: 'string', default: '2026' },
      work: { type: 'string', default: '/tmp/charkha-entity-density' },
      json: { type: 'string' },
      md: { type: 'string' },
    },
  });
  const lang = values.lang!;
  if (!values['test-rows']) throw new Error('--test-rows is required (the dense work folder’s)');
  const arms = (values.arm ?? []).map((s) => {
    const [name, home] = s.split('=');
    if (!name || !home) throw new Error(`--arm ${s}: expected name=model-home-folder`);
    return { name, home: resolve(home) };
  });
  if (arms.length !== 2) throw new Error('give two --arm name=folder (first minus second)');
  const work = resolve(values.work!);
  mkdirSync(work, { recursive: true });
  const { refs, audio } = speakHeldOut({
    rowsPath: values['test-rows'],
    lang,
    seed: Number(values.seed),
    conditions: ['clean', 'phone'],
    work,
  });
  const results: ArmResult[] = [];
  const reports = new Map<string, ScoreReport>();
  for (const [condition, files] of audio) {
    for (const arm of arms) {
      const { result, report } = transcribeAndScore(
        work,
        `${arm.name}-${condition}`,
        `charkha-ctc-${lang}`,
        lang,
        refs,
        files,
        { CHARKHA_MODELS: arm.home },
      );
      const hyps = new Map(
        jsonl(join(work, `${arm.name}-${condition}-hyp.jsonl`)).map((h) => [
          String(h.id),
          String(h.hypothesis ?? ''),
        ]),
      );
      results.push({ ...result, condition, arm: arm.name, cerSplit: splitCer(refs, hyps) });
      reports.set(`${arm.name}:${condition}`, report);
      console.log(
        `${arm.name} ${condition}: CER ${result.cer?.toFixed(3)} EHR ${result.ehr.value?.toFixed(3)}`,
      );
    }
  }
  const differences: Difference[] = [];
  for (const condition of audio.keys()) {
    const a = reports.get(`${arms[0].name}:${condition}`)!;
    const b = reports.get(`${arms[1].name}:${condition}`)!;
    const types = [null, ...Object.keys(a.by_type ?? {}).sort()];
    for (const type of types) {
      const d = pairedDifference(a, b, type);
      if (d) differences.push({ condition, type: type ?? 'all', ...d });
    }
  }
  const training = Object.fromEntries(
    arms.map((arm) => {
      const path = join(arm.home, `charkha-ctc-${lang}`, 'training.json');
      return [
        arm.name,
        existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as unknown) : null,
      ];
    }),
  );
  const out = {
    experiment: 'entity-density',
    lang,
    test_rows: values['test-rows'],
    utterances: refs.length,
    held_out_voices: 'm4, f3, m8 (round robin)',
    arms: arms.map((a) => a.name),
    difference: `${arms[0].name} − ${arms[1].name}, paired bootstrap over utterances`,
    training,
    results,
    differences,
  };
  if (values.json) writeFileSync(values.json, JSON.stringify(out, null, 2) + '\n');
  const md = differenceMarkdown(
    arms.map((a) => a.name),
    results,
    differences,
  );
  if (values.md) writeFileSync(values.md, md);
  console.log(md);
  for (const d of differences)
    console.log(
      `${d.condition} ${d.type} (n=${d.entities}): ${d.diff.toFixed(3)} [${d.ci[0].toFixed(3)}, ${d.ci[1].toFixed(3)}]`,
    );
}

if (import.meta.url === `file://${process.argv[1]}`) main();
