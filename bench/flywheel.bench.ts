/**
 * The flywheel end to end on the demo configuration (demo.flywheel.yaml):
 * utterances per minute for the whole job and items per minute per step,
 * with 1 and with 2 workers (items in flight, and synthesis threads), each
 * into a fresh project. The ASR model of each language is what the registry
 * holds (models/default/ and $CHARKHA_MODELS); a language without one is
 * generated and synthesised only, and the result says which.
 *
 *   npx tsx bench/flywheel.bench.ts [--count N] [--reps R]
 *
 * --count sets the utterances per language (default 50, the demo's).
 * Worker counts alternate 1, 2, 2, 1… over the reps so that load from other
 * processes hits both alike; the gated figure is the ratio of the median
 * wall times. Writes bench/results/flywheel.json; exits 1 if the 2-worker
 * speed-up is below 1.6.
 */
import { rmSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadFlywheelConfig, parseFlywheelConfig } from '../native/flywheel/config.js';
import { runFlywheel, type StepProgress } from '../native/flywheel/runner.js';
import { packageRoot } from '../native/package-root.js';
import { Project } from '../native/store/project.js';
import { closeInferenceWorker } from '../native/workers/inference.js';
import { recordBench } from './record.js';

const TARGET_SPEEDUP = 1.6;
const arg = (name: string, dflt: string): string => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : dflt;
};
const count = Number(arg('--count', '50'));
const reps = Number(arg('--reps', '1'));

const demo = loadFlywheelConfig(join(packageRoot(), 'demo.flywheel.yaml'));
const config = parseFlywheelConfig({
  ...demo,
  languages: demo.languages.map((l) => ({ ...l, count })),
  // Exports are file writing, not the flywheel's work; they are left out of the timing.
  exports: [],
});

interface Timing {
  workers: number;
  wallSeconds: number;
  clips: number;
  utterancesPerMinute: number;
  steps: Record<string, { items: number; seconds: number; itemsPerMinute: number | null }>;
  models: Record<string, string | null>;
}

const round1 = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

async function once(workers: number): Promise<Timing> {
  const dir = mkdtempSync(join(tmpdir(), 'charkha-flywheel-bench-'));
  const project = Project.init(join(dir, 'p'));
  const first = new Map<string, number>();
  const last = new Map<string, { t: number; p: StepProgress }>();
  const t0 = performance.now();
  try {
    const out = await runFlywheel(project, config, {
      workers,
      onProgress: (p) => {
        const now = performance.now();
        if (!first.has(p.step)) first.set(p.step, now);
        last.set(p.step, { t: now, p });
      },
    });
    const wallSeconds = (performance.now() - t0) / 1000;
    const clips = out.rounds[0].languages.reduce((s, l) => s + l.train + l.test, 0);
    const steps: Timing['steps'] = {};
    for (const [step, { t, p }] of last) {
      const seconds = (t - first.get(step)!) / 1000;
      steps[step] = {
        items: p.total,
        seconds: round1(seconds, 2),
        itemsPerMinute: seconds > 0 ? round1((p.total / seconds) * 60) : null,
      };
    }
    const models = Object.fromEntries(out.rounds[0].languages.map((l) => [l.lang, l.model]));
    return {
      workers,
      wallSeconds: round1(wallSeconds, 2),
      clips,
      utterancesPerMinute: round1((clips / wallSeconds) * 60),
      steps,
      models,
    };
  } finally {
    project.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const runs: Timing[] = [];
for (let r = 0; r < reps; r++) {
  for (const w of r % 2 === 0 ? [1, 2] : [2, 1]) {
    const t = await once(w);
    runs.push(t);
    process.stderr.write(
      `${w} worker(s): ${t.clips} utterances in ${t.wallSeconds} s (${t.utterancesPerMinute}/min)\n`,
    );
  }
}
await closeInferenceWorker();

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const wall = (w: number) => median(runs.filter((r) => r.workers === w).map((r) => r.wallSeconds));
const speedup = round1(wall(1) / wall(2), 2);
recordBench('flywheel', {
  config: 'demo.flywheel.yaml',
  utterancesPerLanguage: count,
  reps,
  speedup2Workers: speedup,
  target: TARGET_SPEEDUP,
  runs,
});
process.stdout.write(`2-worker speed-up: ${speedup}× (target ≥ ${TARGET_SPEEDUP}×)\n`);
if (speedup < TARGET_SPEEDUP) process.exitCode = 1;
