// Shared helpers for the browser benchmarks (player-open, library-scroll, annotate-scroll):
// the real CLI, `charkha serve` and Debian's Chromium, exactly as the
// end-to-end tests use them, plus the statistics the results record.
import { chromium, type Browser, type Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { getPriority, loadavg } from 'node:os';
import { join } from 'node:path';
import playwrightConfig from '../playwright.config.js';
import globalSetup from '../tests/e2e/global-setup.js';
import { repoRoot, serve, type Served } from '../tests/e2e/fixtures/charkha-cli.js';

export { repoRoot, serve, type Served };

const bin = join(repoRoot, 'native/cli/bin.ts');

/** Runs the real CLI from source (as the e2e fixtures do) and times it; big imports need a long timeout. */
export function timedCharkha(
  args: string[],
  timeoutMs = 1_800_000,
): { stdout: string; ms: number } {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['--import', 'tsx', bin, ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...process.env, FORCE_COLOR: '0' },
    timeout: timeoutMs,
    maxBuffer: 64 * 2 ** 20,
  });
  const ms = performance.now() - t0;
  if (r.status !== 0)
    throw new Error(`charkha ${args.join(' ')} exited ${r.status}\n${r.stdout}\n${r.stderr}`);
  return { stdout: r.stdout, ms };
}

/**
 * Launches Chromium with the e2e suite's own launch options (read from
 * playwright.config.ts, so the two never drift), after building the renderer
 * when its dist is stale, as the suite's global setup does.
 */
export async function launchChromium(): Promise<Browser> {
  globalSetup();
  const launch = playwrightConfig.use?.launchOptions ?? {};
  return chromium.launch({ ...launch, headless: true });
}

/** The e2e suite's viewport, so the benches see the layout the tests see. */
export const VIEWPORT = playwrightConfig.use?.viewport ?? { width: 1440, height: 900 };

/** Load averages (1, 5, 15 min) on 2 cores: other jobs share this machine, so every figure carries it. */
export function load(): number[] {
  return loadavg().map((l) => Math.round(l * 100) / 100);
}

/**
 * This process's nice value (inherited by the server and Chromium): a run made
 * with `nice -n -10` to outrank other jobs on a shared machine says so in its results.
 */
export function niceness(): number {
  return getPriority();
}

/** Nearest-rank percentile of already sorted values. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

export function round(x: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

export function summary(values: number[]): Record<string, number> {
  const s = [...values].sort((a, b) => a - b);
  return {
    n: s.length,
    min: round(s[0]),
    median: round(percentile(s, 50)),
    p95: round(percentile(s, 95)),
    p99: round(percentile(s, 99)),
    max: round(s[s.length - 1]),
  };
}

/** What the in-page frame recorder gives back: frame durations, phase marks, long tasks, samples. */
export interface FrameLog {
  /** Milliseconds between consecutive animation frames while recording. */
  deltas: number[];
  /** [phase name, index into deltas where it starts]. */
  marks: [string, number][];
  longtasks: number[];
  /** Per frame, the value of each expression given to frameRecorder. */
  samples: Record<string, number[]>;
}

/**
 * An init script for the page: a requestAnimationFrame loop that, between
 * start() and stop(), records every frame's duration (and, per frame, each
 * sample expression, e.g. how many rows the DOM holds) with named phase
 * marks, and the long tasks the page reports.
 */
export function frameRecorder(samples: Record<string, string> = {}): string {
  const names = JSON.stringify(Object.keys(samples));
  const reads = `[${Object.values(samples)
    .map((e) => `() => (${e})`)
    .join(', ')}]`;
  return `(() => {
  const names = ${names};
  const reads = ${reads};
  const fresh = () => ({ deltas: [], marks: [], longtasks: [], samples: Object.fromEntries(names.map((n) => [n, []])) });
  const f = (window.__frames = { on: false, skip: false, last: 0, log: fresh() });
  f.start = () => Object.assign(f, { on: true, skip: true, log: fresh() });
  f.mark = (name) => f.log.marks.push([name, f.log.deltas.length]);
  f.stop = () => { f.on = false; return f.log; };
  try {
    new PerformanceObserver((l) => { if (f.on) for (const e of l.getEntries()) f.log.longtasks.push(Math.round(e.duration)); })
      .observe({ type: 'longtask', buffered: false });
  } catch {}
  const tick = (t) => {
    // The first frame after start() has no previous frame of its own to measure from.
    if (f.on && f.skip) f.skip = false;
    else if (f.on) {
      f.log.deltas.push(t - f.last);
      names.forEach((n, i) => f.log.samples[n].push(reads[i]()));
    }
    f.last = t;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})();`;
}

export const startFrames = (page: Page) => page.evaluate('window.__frames.start()');
export const markFrames = (page: Page, name: string) =>
  page.evaluate(`window.__frames.mark(${JSON.stringify(name)})`);
export const stopFrames = (page: Page) =>
  page.evaluate('window.__frames.stop()') as Promise<FrameLog>;

/** Resolves on the page's next animation frame. */
export const nextFrame = (page: Page) =>
  page.evaluate('new Promise((r) => requestAnimationFrame(() => r(0)))');

/** The frames of each marked phase, through `stat`. */
export function byPhase<T>(log: FrameLog, stat: (deltas: number[]) => T): Record<string, T> {
  const bounds = [...log.marks, ['end', log.deltas.length] as [string, number]];
  const out: Record<string, T> = {};
  for (let i = 0; i < bounds.length - 1; i++)
    out[bounds[i][0]] = stat(log.deltas.slice(bounds[i][1], bounds[i + 1][1]));
  return out;
}
