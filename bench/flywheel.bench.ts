/**
 * The flywheel end to end on the demo configuration (demo.flywheel.yaml):
 * utterances per minute for the whole job and items per minute per step,
 * and its scale-out from 1 to 2 workers as strong scaling: the same job by
 * 1 worker on K cores, then by 2 workers on 2K cores (cores given with
 * taskset; K is --cores-per-worker, default 1), ratio of the wall times.
 * Two ways to have 2 workers are gated:
 *
 * - threads: one process, `charkha flywheel run --workers 2` (items in
 *   flight and synthesis threads);
 * - processes: deploy/k8s/run-local.sh with 2 shards, each on K cores of
 *   its own with one worker (a pod with a K-CPU limit), then its merge and
 *   the whole-round pass over the merged project, all inside the timing.
 *
 * Beside them: 1 worker on 2K cores, which shows what doubling its cores
 * gives one worker by itself (its synthesis thread, its main thread scoring
 * and writing, and V8's compiler and collector overlap), and why a 1-worker
 * run on all cores is not the baseline: on a 2-core machine it already
 * holds part of the second core. Charkha's defaults follow the cores a process
 * may use (ONNX Runtime's threads, the pool), so only the worker count and
 * the cores differ between shapes.
 *
 *   npm run build && npx tsx bench/flywheel.bench.ts [--count N] [--reps R]
 *     [--cores-per-worker K] [--step-reps S] [--name NAME]
 *
 * --count sets the utterances per language (default 50, the demo's); at
 * another count the results go to flywheel-<count>.json (-k<K> added when K
 * is not 1; --name overrides), so that the demo's figures and a larger
 * job's (where the per-process fixed costs of a scale-out no longer swamp
 * the work: --count 400) are kept side by side. Shapes alternate in order
 * over the reps so that load from other processes hits them alike; gated
 * figures are ratios of median wall times; beside each run its CPU seconds
 * are recorded (Linux). First it measures this machine's ceiling for the
 * work: espeak-ng synthesis on one core alone, then on it and the second
 * worker's first core at once (espeak-ceiling.ts). Per-step figures come
 * from in-process runs on all cores (--step-reps of them, default --reps).
 * Writes bench/results/flywheel.json; exits 1 if either 2-worker speed-up is
 * below 1.6.
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { rmSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadFlywheelConfig, parseFlywheelConfig } from '../native/flywheel/config.js';
import { runFlywheel, type StepProgress } from '../native/flywheel/runner.js';
import { packageRoot } from '../native/package-root.js';
import { Project } from '../native/store/project.js';
import { closeInferenceWorker } from '../native/workers/inference.js';
import { recordBench } from './record.js';
import { stringArg } from './args.js';

const TARGET_SPEEDUP = 1.6;
const count = Number(stringArg('--count', '50'));
const reps = Number(stringArg('--reps', '1'));
// In-process runs for the per-step figures (default: as many as --reps).
const stepReps = Number(stringArg('--step-reps', String(reps)));

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

const root = packageRoot();
const cli = join(root, 'bin', 'charkha.js');
if (!existsSync(cli)) throw new Error(`${cli} is missing: run npm run build first`);

function sh(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(
      cmd,
      args,
      { cwd: root, env: { ...process.env, ...env }, maxBuffer: 64 << 20 },
      (e, _o, err) =>
        e
          ? reject(new Error(`${cmd} ${args.join(' ')} failed: ${String(err).slice(-2000)}`))
          : resolve(),
    );
  });
}

/**
 * CPU seconds (user + system) of this process's finished children, from
 * /proc (Linux; null elsewhere). A shard's or merge's CPU time is what the
 * fixed costs add up to, and unlike wall time it hardly moves with the load
 * that other processes put on the machine.
 */
function childCpuSeconds(): number | null {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    // Fields after the parenthesised command name: state is field 3, cutime and cstime 16 and 17.
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[16 - 3]) + Number(f[17 - 3])) / 100;
  } catch {
    return null;
  }
}

/**
 * The shapes of the job that the scaling is measured on, with K cores per
 * worker (--cores-per-worker, default 1). A core is a CPU the process may
 * run on (taskset); Charkha's defaults follow it (ONNX Runtime's threads and
 * the pool size are what availableParallelism() reports), so no setting is
 * changed between them but the worker count.
 */
type Shape = 'baseline' | 'oneWorkerDoubleCores' | 'threads' | 'processes';
const SHAPES: Shape[] = ['baseline', 'oneWorkerDoubleCores', 'threads', 'processes'];
const coresPerWorker = Number(stringArg('--cores-per-worker', '1'));
if (!Number.isInteger(coresPerWorker) || coresPerWorker < 1)
  throw new Error(`--cores-per-worker must be a whole number ≥ 1, not ${coresPerWorker}`);
const cores = (n: number) => (n === 1 ? 'one core' : n === 2 ? 'two cores' : `${n} cores`);
const LABELS: Record<Shape, string> = {
  baseline: `one worker on ${cores(coresPerWorker)}`,
  oneWorkerDoubleCores: `one worker on ${cores(2 * coresPerWorker)}`,
  threads: `two workers (threads) on ${cores(2 * coresPerWorker)}`,
  processes: `two workers (processes, ${coresPerWorker === 1 ? 'one core' : cores(coresPerWorker)} each) on ${cores(2 * coresPerWorker)}`,
};
/** taskset's list for the first n cores. */
const firstCores = (n: number) => (n === 1 ? '0' : `0-${n - 1}`);

if (cpus().length < 2 * coresPerWorker)
  throw new Error(`this benchmark needs ${2 * coresPerWorker} cores (2 × --cores-per-worker)`);
await sh('taskset', ['--version'], {}).catch((e: unknown) => {
  throw new Error(`taskset (util-linux) is needed to give a worker its cores: ${String(e)}`);
});

/** Wall and CPU seconds of the whole job in one shape (shards, merge and whole-round pass included). */
async function measure(shape: Shape): Promise<{ wallSeconds: number; cpuSeconds: number | null }> {
  const dir = mkdtempSync(join(tmpdir(), 'charkha-flywheel-procs-'));
  const configFile = join(dir, 'flywheel.json');
  writeFileSync(configFile, JSON.stringify(config));
  const t0 = performance.now();
  const cpu0 = childCpuSeconds();
  const run = (workers: number, pin: string) =>
    sh(
      'taskset',
      [
        '-c',
        pin,
        'node',
        cli,
        'flywheel',
        'run',
        configFile,
        '--workers',
        String(workers),
        '-p',
        join(dir, 'p'),
      ],
      {},
    );
  try {
    if (shape === 'baseline') await run(1, firstCores(coresPerWorker));
    else if (shape === 'oneWorkerDoubleCores') await run(1, firstCores(2 * coresPerWorker));
    else if (shape === 'threads') await run(2, firstCores(2 * coresPerWorker));
    // The Indexed Job's own script, each shard a pod of K cores (pinned-shard.sh), one worker each.
    else
      await sh(
        'sh',
        [join(root, 'deploy', 'k8s', 'run-local.sh'), configFile, join(dir, 'data'), '2'],
        {
          WORKERS: '1',
          CORES_PER_SHARD: String(coresPerWorker),
          CHARKHA: `sh ${join(root, 'bench', 'pinned-shard.sh')} ${cli}`,
        },
      );
    const cpu1 = childCpuSeconds();
    return {
      wallSeconds: round1((performance.now() - t0) / 1000, 2),
      cpuSeconds: cpu0 === null || cpu1 === null ? null : round1(cpu1 - cpu0, 2),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * espeak-ceiling beside this file, run with this process's own loader flags:
 * tsx's from the sources, none when the bench was compiled to JavaScript.
 */
const CEILING_HELPER = fileURLToPath(
  new URL(`./espeak-ceiling${extname(import.meta.url)}`, import.meta.url),
);

/** Seconds espeak-ceiling.ts reports, run on each of `pins`' cores at once (seeds differ: different text). */
async function synthesisSeconds(pins: string[]): Promise<number[]> {
  const one = (pin: string, seed: number) =>
    new Promise<number>((resolve, reject) => {
      execFile(
        'taskset',
        [
          '-c',
          pin,
          process.execPath,
          ...process.execArgv,
          CEILING_HELPER,
          '--seed',
          String(seed),
          '--clips',
          '300',
        ],
        { cwd: root },
        (e, out) =>
          e ? reject(e) : resolve((JSON.parse(out.trim()) as { seconds: number }).seconds),
      );
    });
  return Promise.all(pins.map((pin, i) => one(pin, 5 + i)));
}

/**
 * The machine's ceiling for this work: the same synthesis on one core alone,
 * then on both cores at once, one process each (3 times, medians). If the two
 * cores shared a physical core, caches or memory bandwidth enough to matter,
 * 2 × alone / together would fall below 2, and so would any job's scaling.
 */
const alones: number[] = [];
const togethers: number[] = [];
for (let r = 0; r < 3; r++) {
  alones.push((await synthesisSeconds(['0']))[0]);
  // The second process on the second worker's first core.
  togethers.push(Math.max(...(await synthesisSeconds(['0', String(coresPerWorker)]))));
}
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const synthesisCeiling = round1((2 * median(alones)) / median(togethers), 2);
process.stderr.write(
  `synthesis on one core ${median(alones).toFixed(2)} s, on two at once ${median(togethers).toFixed(2)} s: ceiling ${synthesisCeiling}×\n`,
);

const loadAtStart = loadavg().map((x) => round1(x));
const shapeRuns: { shape: string; wallSeconds: number; cpuSeconds: number | null }[] = [];
for (let r = 0; r < reps; r++) {
  // Alternating orders, so that load from other processes hits every shape alike.
  for (const shape of r % 2 === 0 ? SHAPES : [...SHAPES].reverse()) {
    const run = await measure(shape);
    shapeRuns.push({ shape: LABELS[shape], ...run });
    process.stderr.write(
      `${LABELS[shape]}: ${run.wallSeconds} s (${run.cpuSeconds ?? '?'} CPU s)\n`,
    );
  }
}

const runs: Timing[] = [];
for (let r = 0; r < stepReps; r++) {
  for (const w of r % 2 === 0 ? [1, 2] : [2, 1]) {
    const t = await once(w);
    runs.push(t);
    process.stderr.write(
      `${w} worker(s): ${t.clips} utterances in ${t.wallSeconds} s (${t.utterancesPerMinute}/min)\n`,
    );
  }
}
await closeInferenceWorker();

const of = (shape: Shape) => {
  const xs = shapeRuns.filter((r) => r.shape === LABELS[shape]);
  const cpu = xs.map((r) => r.cpuSeconds);
  return {
    wallSeconds: median(xs.map((r) => r.wallSeconds)),
    cpuSeconds: cpu.every((x): x is number => x !== null) ? median(cpu) : null,
  };
};
const defaultName = `${count === 50 ? 'flywheel' : `flywheel-${count}`}${coresPerWorker === 1 ? '' : `-k${coresPerWorker}`}`;
const resultsName = stringArg('--name', defaultName);
const base = of('baseline').wallSeconds;
const speedup = (shape: Shape) => round1(base / of(shape).wallSeconds, 2);
const threads = speedup('threads');
const processes = speedup('processes');
const oneWorkerDoubleCores = speedup('oneWorkerDoubleCores');
recordBench(resultsName, {
  config: 'demo.flywheel.yaml',
  utterancesPerLanguage: count,
  reps,
  stepReps,
  cores: cpus().length,
  coresPerWorker,
  loadAverageAtStart: loadAtStart,
  gate: `strong scaling: the whole job by 2 workers on ${cores(2 * coresPerWorker)} vs by 1 worker on ${cores(coresPerWorker)} (taskset), ratio of median wall times; met when both the threads and the processes split reach it`,
  target: TARGET_SPEEDUP,
  speedup2Workers: { threads, processes },
  pass: threads >= TARGET_SPEEDUP && processes >= TARGET_SPEEDUP,
  // What twice the cores give one worker by itself (its synthesis, scoring and V8's background threads overlap).
  speedup1WorkerDoubleCores: oneWorkerDoubleCores,
  shapes: Object.fromEntries(SHAPES.map((s) => [LABELS[s], of(s)])),
  shapeRuns,
  synthesisCeiling: {
    clipsPerProcess: 300,
    oneCoreSeconds: alones.map((x) => round1(x, 2)),
    twoCoresAtOnceSeconds: togethers.map((x) => round1(x, 2)),
    speedup: synthesisCeiling,
  },
  // Per-step figures: one process on all cores, --workers 1 and 2.
  runs,
  loadAverageAtEnd: loadavg().map((x) => round1(x)),
});
process.stdout.write(
  `2-worker speed-up over ${LABELS.baseline}: threads ${threads}×, processes ${processes}× (target ≥ ${TARGET_SPEEDUP}×); ${LABELS.oneWorkerDoubleCores}: ${oneWorkerDoubleCores}×; this machine's ceiling for the synthesis: ${synthesisCeiling}×\n`,
);
if (threads < TARGET_SPEEDUP || processes < TARGET_SPEEDUP) process.exitCode = 1;
