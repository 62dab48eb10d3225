/**
 * Drives a flywheel job: rounds of generate → synthesize → augment →
 * transcribe → score → filter → export over work items in the project.
 *
 * Crash safety. Each item is claimed, computed, then completed in one
 * transaction with its result. Audio is written content-addressed (through a
 * temporary name) before that transaction, and a clip's bytes are a pure
 * function of the configuration and its id: a process killed after writing
 * a file but before recording it leaves a file that the resumed item writes
 * again byte for byte and then records, so nothing is duplicated; files a
 * cancelled job leaves unrecorded are swept. A claim left by a dead process
 * goes back to pending when the job is resumed (the project lock guarantees
 * that process is gone).
 */
import { spawnSync } from 'node:child_process';
import { UserError } from '../contract/errors.js';
import type { EventBus } from '../server/events.js';
import type { Project } from '../store/project.js';
import { WorkerPool } from '../workers/pool.js';
import { FLYWHEEL_STEPS, type FlywheelConfig, type FlywheelStep } from './config.js';
import { clearControl, readControl, sweepOrphanAudio } from './control.js';
import { defaultOpenAsr, resolveAutoModel, type OpenAsr } from './dynamic.js';
import {
  classesOf,
  inShard,
  planRound,
  type ClassMix,
  type PlannedClip,
  type Shard,
} from './plan.js';
import { nextClassMix } from './retarget.js';
import { roundSummary, type RoundSummary } from './report.js';
import { aggregateKey, AsrEngines, processorFor, type StepContext } from './steps.js';
import { FlywheelStore, JOB_KIND, type StoredJobConfig } from './store.js';

export interface StepProgress {
  jobId: number;
  round: number;
  step: FlywheelStep;
  done: number;
  total: number;
  /** Items per second in this process; null until one finished. */
  rate: number | null;
  etaSeconds: number | null;
}

export interface FlywheelOptions {
  /** Items in flight at once, and the size of the synthesis pool (default 2). */
  workers?: number;
  shard?: Shard | null;
  openAsr?: OpenAsr;
  resolveModel?: (lang: string) => Promise<string | null>;
  signal?: AbortSignal;
  onProgress?: (p: StepProgress) => void;
  /** Lines for a person: what the job decided and why. */
  log?: (line: string) => void;
  events?: EventBus;
}

export interface FlywheelOutcome {
  jobId: number;
  state: 'done' | 'paused' | 'cancelled';
  /** True when the job had finished before this call (nothing was done). */
  alreadyDone: boolean;
  rounds: RoundSummary[];
}

function canonical(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x)
      ? Object.fromEntries(
          Object.entries(x as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)),
        )
      : x,
  );
}

/** `flywheel run`: the job of this configuration, created on first run and resumed after. */
export async function runFlywheel(
  project: Project,
  config: FlywheelConfig,
  opts: FlywheelOptions = {},
): Promise<FlywheelOutcome> {
  project.requireWritable('running a flywheel job');
  const store = new FlywheelStore(project);
  const shard = opts.shard ?? null;
  if (shard && config.rounds > 1) {
    throw new UserError(
      'bad_input',
      '--shard: a job of several rounds cannot be sharded (each round is re-targeted on the whole of the previous one)',
      'shard one round at a time, or run the rounds in one process',
    );
  }
  const found = store.findJob(config.name);
  if (found) {
    if (
      canonical(found.stored.config) !== canonical(config) ||
      canonical(found.stored.shard) !== canonical(shard)
    ) {
      throw new UserError(
        'conflict',
        `this project already holds a flywheel job named "${config.name}" (job ${found.id}) with another configuration`,
        'give the configuration another name, or use another project',
      );
    }
    return driveJob(project, found.id, opts);
  }
  const models: Record<string, string | null> = {};
  const resolve = opts.resolveModel ?? ((lang: string) => resolveAutoModel(lang));
  for (const l of config.languages) {
    models[l.lang] = l.asr_model === 'auto' ? await resolve(l.lang) : l.asr_model;
  }
  const stored: StoredJobConfig = { config, shard, models };
  const jobId = project.jobs.create(JOB_KIND, stored);
  return driveJob(project, jobId, opts);
}

/** `flywheel resume`: continues the job (the latest one when `jobId` is not given). */
export async function resumeFlywheel(
  project: Project,
  jobId: number | null,
  opts: FlywheelOptions = {},
): Promise<FlywheelOutcome> {
  project.requireWritable('resuming a flywheel job');
  const id = jobId ?? new FlywheelStore(project).latestJob();
  if (id === null)
    throw new UserError(
      'not_found',
      `${project.paths.root} holds no flywheel job`,
      'start one with `charkha flywheel run <config> -p DIR`',
    );
  const job = project.jobs.get(id);
  if (!job || job.kind !== JOB_KIND)
    throw new UserError('not_found', `no flywheel job ${id} in ${project.paths.root}`);
  return driveJob(project, id, opts);
}

function killPoint(): { step: string; n: number } | null {
  const spec = process.env.CHARKHA_KILL_AT;
  if (!spec) return null;
  const m = /^([a-z]+):(\d+)$/.exec(spec);
  if (!m) throw new Error(`CHARKHA_KILL_AT: expected <step>:<n>, got "${spec}"`);
  return { step: m[1], n: Number(m[2]) };
}

/**
 * Runs `fn` on `width` lanes over the items `claim` hands out, claiming the
 * next batch as soon as a lane finds the queue empty: a batch barrier would
 * leave a lane idle while the other finishes a long clip. Claims are
 * synchronous (SQLite), so two lanes never claim at once. Stops claiming
 * after a failure or when `stop()` says so; claimed items not run stay
 * claimed by this worker until the caller releases them.
 */
async function runLanes<T>(
  width: number,
  claim: () => T[],
  stop: () => boolean,
  fn: (t: T) => Promise<void>,
): Promise<void> {
  const queue: T[] = [];
  let exhausted = false;
  let failure: { error: unknown } | undefined;
  const next = (): T | undefined => {
    if (queue.length === 0 && !exhausted) {
      const batch = claim();
      if (batch.length === 0) exhausted = true;
      else queue.push(...batch);
    }
    return queue.shift();
  };
  const lane = async () => {
    for (;;) {
      if (failure || stop()) return;
      const item = next();
      if (item === undefined) return;
      try {
        await fn(item);
      } catch (e) {
        failure ??= { error: e };
        return;
      }
    }
  };
  await Promise.all(Array.from({ length: width }, lane));
  if (failure) throw failure.error;
}

async function driveJob(
  project: Project,
  jobId: number,
  opts: FlywheelOptions,
): Promise<FlywheelOutcome> {
  const store = new FlywheelStore(project);
  const job = project.jobs.get(jobId)!;
  const stored = job.config as StoredJobConfig;
  const config = stored.config;
  const log = opts.log ?? (() => {});
  const root = project.paths.root;
  if (job.state === 'cancelled') {
    throw new UserError(
      'conflict',
      `flywheel job ${jobId} ("${config.name}") was cancelled; it does not resume`,
      'start a new job under another name',
    );
  }
  if (job.state === 'done') {
    return {
      jobId,
      state: 'done',
      alreadyDone: true,
      rounds: store.rounds(jobId).map((r) => r.summary as RoundSummary),
    };
  }
  clearControl(root);
  project.jobs.releaseClaims(jobId);
  setState(project, opts, jobId, 'running');
  for (const l of config.languages) {
    if (stored.models[l.lang] === null) {
      log(
        l.asr_model === 'auto'
          ? `${l.lang}: no bundled ASR model for this language yet; it is generated and synthesised only (no transcription, scores or filter)`
          : `${l.lang}: asr_model is null; generated and synthesised only`,
      );
    }
  }
  if (config.rounds > 1 && !config.train_command) {
    log(
      'no train_command is configured: the rounds only re-target the data (every round is transcribed by the same model)',
    );
  }
  const workers = Math.max(1, opts.workers ?? 2);
  const pool = new WorkerPool({ size: workers });
  const asr = new AsrEngines(opts.openAsr ?? defaultOpenAsr);
  const signal = opts.signal ?? new AbortController().signal;
  const worker = `pid${process.pid}`;
  const kill = killPoint();
  const stopRequested = () => signal.aborted || readControl(root) !== null;
  try {
    for (let round = 1; round <= config.rounds; round++) {
      const plan = ensureRound(store, jobId, stored, round, log);
      const ctx: StepContext = {
        store,
        jobId,
        stored: { ...stored, models: store.rounds(jobId)[round - 1].models },
        round,
        lastRound: round === config.rounds,
        plan,
        pool,
        asr,
        signal,
      };
      const transcribed = store.counts(jobId, 'transcribe');
      if (transcribed.done < transcribed.total) asr.prefetch(ctx.stored.models);
      for (const step of FLYWHEEL_STEPS) {
        const tracker = progressTracker(store, opts, jobId, round, step);
        for (const aggregate of [false, true]) {
          await runLanes(
            aggregate ? 1 : workers,
            () => store.claim(jobId, step, aggregate, worker, aggregate ? 1 : workers * 4),
            stopRequested,
            async (item) => {
              const out = await processorFor(ctx, step, item)(item);
              store.complete(jobId, step, item, worker, out.result, out.write);
              const done = tracker.tick();
              if (kill && kill.step === step && done === kill.n)
                process.kill(process.pid, 'SIGKILL');
            },
          );
          if (stopRequested()) return stop(project, store, opts, jobId);
        }
        tracker.finish();
      }
      if (!store.rounds(jobId)[round - 1].summary || round === config.rounds)
        store.setRoundSummary(jobId, round, roundSummary(store, jobId, round));
    }
    project.jobs.releaseClaims(jobId);
    sweepOrphanAudio(project);
    setState(project, opts, jobId, 'done');
    return {
      jobId,
      state: 'done',
      alreadyDone: false,
      rounds: store.rounds(jobId).map((r) => r.summary as RoundSummary),
    };
  } catch (e) {
    project.jobs.releaseClaims(jobId);
    const msg = e instanceof Error ? e.message : String(e);
    setState(project, opts, jobId, 'failed', msg);
    throw e;
  } finally {
    await asr.close();
    await pool.close();
  }
}

function stop(
  project: Project,
  store: FlywheelStore,
  opts: FlywheelOptions,
  jobId: number,
): FlywheelOutcome {
  const action = readControl(project.paths.root);
  clearControl(project.paths.root);
  project.jobs.releaseClaims(jobId);
  const state = action === 'cancel' ? 'cancelled' : 'paused';
  if (state === 'cancelled') sweepOrphanAudio(project);
  setState(project, opts, jobId, state);
  return {
    jobId,
    state,
    alreadyDone: false,
    rounds: store.rounds(jobId).map((r) => r.summary as RoundSummary),
  };
}

function setState(
  project: Project,
  opts: FlywheelOptions,
  jobId: number,
  state: 'running' | 'done' | 'failed' | 'paused' | 'cancelled',
  error: string | null = null,
): void {
  project.jobs.setState(jobId, state, error);
  opts.events?.emit({ kind: 'job', jobId, state });
}

function progressTracker(
  store: FlywheelStore,
  opts: FlywheelOptions,
  jobId: number,
  round: number,
  step: FlywheelStep,
) {
  const start = store.counts(jobId, step);
  const t0 = Date.now();
  let done = start.done;
  const emit = () => {
    const secs = (Date.now() - t0) / 1000;
    const rate = done > start.done && secs > 0 ? (done - start.done) / secs : null;
    const p: StepProgress = {
      jobId,
      round,
      step,
      done,
      total: start.total,
      rate,
      etaSeconds: rate ? (start.total - done) / rate : null,
    };
    opts.onProgress?.(p);
    opts.events?.emit({
      kind: 'progress',
      task: `flywheel:${jobId}:${step}`,
      done,
      total: start.total,
      message: `round ${round}${rate ? `, ${rate.toFixed(1)}/s, ETA ${Math.ceil(p.etaSeconds!)} s` : ''}`,
    });
  };
  emit();
  return {
    tick: (): number => {
      done++;
      emit();
      return done;
    },
    finish: emit,
  };
}

/**
 * Round `round`'s plan, computed when first asked for; the first time, the
 * round's mix, models and work items are stored (which needs the plan now).
 */
function ensureRound(
  store: FlywheelStore,
  jobId: number,
  stored: StoredJobConfig,
  round: number,
  log: (line: string) => void,
): () => ReadonlyMap<string, PlannedClip> {
  const config = stored.config;
  const existing = store.rounds(jobId)[round - 1];
  let mix: ClassMix = existing?.mix ?? null;
  let models = existing?.models ?? stored.models;
  if (!existing) {
    if (round > 1) {
      mix = retargetMix(store, jobId, config, round - 1);
      models = runTrainCommand(store, jobId, stored, round - 1, log);
      log(`round ${round}: class mix ${JSON.stringify(mix)}`);
    }
  }
  let plan: Map<string, PlannedClip> | undefined;
  const lazyPlan = () =>
    (plan ??= new Map(
      planRound(config, round, mix)
        .filter((c) => inShard(c, stored.shard))
        .map((c) => [c.extId, c]),
    ));
  if (!existing) {
    const clips = [...lazyPlan().values()];
    const items: { key: string; step: FlywheelStep }[] = [];
    const filtered = new Set<string>(config.filter.enabled ? config.filter.splits : []);
    for (const c of clips) {
      items.push(
        { key: c.extId, step: 'generate' },
        { key: c.extId, step: 'synthesize' },
        { key: c.extId, step: 'augment' },
      );
      if (models[c.lang] === null) continue;
      items.push({ key: c.extId, step: 'transcribe' }, { key: c.extId, step: 'score' });
      if (filtered.has(c.split)) items.push({ key: c.extId, step: 'filter' });
    }
    // Whole-round work (eval runs, exports) belongs to the merged project, not to a shard.
    if (!stored.shard) {
      for (const l of config.languages) {
        if (models[l.lang] !== null)
          items.push({ key: aggregateKey(round, 'run', l.lang), step: 'score' });
      }
      if (round === config.rounds) {
        config.exports.forEach((_e, i) =>
          items.push({ key: aggregateKey(round, 'export', i), step: 'export' }),
        );
      }
    }
    store.addRound(jobId, round, mix, models, items);
  }
  return lazyPlan;
}

function retargetMix(
  store: FlywheelStore,
  jobId: number,
  config: FlywheelConfig,
  round: number,
): ClassMix {
  const mix: NonNullable<ClassMix> = {};
  const rows = store.project.db.prepare<
    [number, number, string],
    { entity_class: string; split: string; outcomes_json: string | null }
  >(
    `SELECT u.entity_class, c.split, c.outcomes_json FROM flywheel_clips c
     JOIN utterances u ON u.id = c.utterance_id WHERE c.job_id = ? AND c.round = ? AND c.lang = ?`,
  );
  for (const l of config.languages) {
    const typesByClass: Record<string, Record<string, number>> = {};
    const tally = new Map<string, [number, number]>();
    for (const r of rows.all(jobId, round, l.lang)) {
      for (const o of JSON.parse(r.outcomes_json ?? '[]') as { type: string; outcome: string }[]) {
        const types = (typesByClass[r.entity_class] ??= {});
        types[o.type] = (types[o.type] ?? 0) + 1;
        if (r.split !== 'test') continue;
        const t = tally.get(o.type) ?? [0, 0];
        t[0] += o.outcome === 'hit' ? 1 : 0;
        t[1] += 1;
        tally.set(o.type, t);
      }
    }
    const ehrByType = Object.fromEntries([...tally].map(([k, [h, n]]) => [k, h / n]));
    mix[l.lang] = nextClassMix(classesOf(config), typesByClass, ehrByType, l.count);
  }
  return mix;
}

/**
 * Runs `train_command` after a round (not after the last). It gets the
 * project, job and round in its environment; a stdout line
 * `model <lang> <model id>` names the next round's model for a language.
 */
function runTrainCommand(
  store: FlywheelStore,
  jobId: number,
  stored: StoredJobConfig,
  round: number,
  log: (line: string) => void,
): Record<string, string | null> {
  const models = { ...store.rounds(jobId)[round - 1].models };
  const cmd = stored.config.train_command;
  if (!cmd) return models;
  log(`round ${round}: running train_command: ${cmd}`);
  const r = spawnSync(cmd, {
    shell: true,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    env: {
      ...process.env,
      CHARKHA_PROJECT: store.project.paths.root,
      CHARKHA_FLYWHEEL_JOB: String(jobId),
      CHARKHA_FLYWHEEL_ROUND: String(round),
    },
  });
  if (r.status !== 0) {
    throw new UserError(
      'bad_input',
      `train_command exited with ${r.status ?? r.signal} after round ${round}: ${cmd}`,
    );
  }
  for (const line of r.stdout.split('\n')) {
    const m = /^model (\S+) (\S+)$/.exec(line.trim());
    if (m && m[1] in models) models[m[1]] = m[2];
  }
  return models;
}
