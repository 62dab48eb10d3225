/**
 * Flywheel jobs started from the Generate screen. The job runs in the
 * engine process (which holds the project lock) while the page comes and
 * goes: a reload asks for the status again and finds the job where it is.
 * Pause and cancel go through the flywheel's own control file, as from the
 * CLI; a job the engine was running when it stopped is resumed when the
 * project is opened again.
 */
import { UserError } from '../contract/errors.js';
import type { StepState } from '../contract/generate.js';
import type { FlywheelConfig } from '../flywheel/config.js';
import { requestControl, sweepOrphanAudio } from '../flywheel/control.js';
import {
  resumeFlywheel,
  runFlywheel,
  type FlywheelOptions,
  type FlywheelOutcome,
} from '../flywheel/runner.js';
import { FlywheelStore, JOB_KIND } from '../flywheel/store.js';
import type { EventBus } from '../server/events.js';
import type { Project } from '../store/project.js';

const LOG_LINES = 50;

interface Active {
  jobId: number | null;
  name: string;
  settled: boolean;
  failure: unknown;
  /** The caller has its job id: later failures reach the page as events, not as the answer. */
  answered: boolean;
  done: Promise<unknown>;
}

export class GenerateJobs {
  private active: Active | null = null;
  private readonly rates = new Map<string, StepState & { round: number }>();
  private readonly lines: string[] = [];
  private activeJob: number | null = null;

  constructor(
    private readonly project: Project,
    private readonly events?: EventBus,
  ) {}

  isActive(jobId: number): boolean {
    return this.active !== null && !this.active.settled && this.activeJob === jobId;
  }

  /** The latest rate and ETA of a step of the job this process drives. */
  progressOf(jobId: number, step: string): (StepState & { round: number }) | null {
    return this.activeJob === jobId ? (this.rates.get(step) ?? null) : null;
  }

  log(): string[] {
    return [...this.lines];
  }

  /** Starts (or, for a configuration already run, continues) the job; answers once it has an id. */
  async start(config: FlywheelConfig): Promise<number> {
    return this.launch(config.name, (opts) => runFlywheel(this.project, config, opts));
  }

  async resume(jobId: number): Promise<void> {
    const job = this.project.jobs.get(jobId);
    if (!job || job.kind !== JOB_KIND) throw new UserError('not_found', `no flywheel job ${jobId}`);
    const name = (job.config as { config: FlywheelConfig }).config.name;
    await this.launch(name, (opts) => resumeFlywheel(this.project, jobId, opts));
  }

  /** Resumes a job left `running` by an engine that stopped without finishing it. */
  resumeInterrupted(): void {
    if (this.project.readonly) return;
    const id = new FlywheelStore(this.project).latestJob();
    const job = id === null ? null : this.project.jobs.get(id);
    if (job?.state !== 'running') return;
    this.note(`job ${job.id} was running when the engine stopped: resuming it`);
    this.resume(job.id).catch((e: unknown) => this.note(`resume failed: ${String(e)}`));
  }

  control(jobId: number, action: 'pause' | 'cancel'): string {
    const job = this.project.jobs.get(jobId);
    if (!job || job.kind !== JOB_KIND) throw new UserError('not_found', `no flywheel job ${jobId}`);
    if (this.isActive(jobId)) {
      requestControl(this.project.paths.root, action);
      this.note(`asked the job to ${action}; it stops after the items in flight`);
      return action === 'pause' ? 'pausing' : 'cancelling';
    }
    if (job.state === 'done' || job.state === 'cancelled')
      throw new UserError(
        'conflict',
        `flywheel job ${jobId} is ${job.state}; nothing to ${action}`,
      );
    const state = action === 'pause' ? 'paused' : 'cancelled';
    this.project.jobs.releaseClaims(jobId);
    this.project.jobs.setState(jobId, state);
    if (state === 'cancelled') sweepOrphanAudio(this.project);
    this.events?.emit({ kind: 'job', jobId, state });
    return state;
  }

  private note(line: string): void {
    this.lines.push(`${new Date().toISOString().slice(11, 19)} ${line}`);
    if (this.lines.length > LOG_LINES) this.lines.shift();
  }

  private async launch(
    name: string,
    go: (opts: FlywheelOptions) => Promise<FlywheelOutcome>,
  ): Promise<number> {
    const previous = this.active;
    // A job that has recorded its pause is about to return: wait for it rather than refuse.
    if (previous && !previous.settled && previous.jobId !== null) {
      const state = this.project.jobs.get(previous.jobId)?.state;
      if (state !== 'running' && state !== 'pending') await previous.done;
    }
    if (this.active && !this.active.settled)
      throw new UserError(
        'conflict',
        `the flywheel job "${this.active.name}" is running`,
        'pause or cancel it first, or wait for it to finish',
      );
    const active: Active = {
      jobId: null,
      name,
      settled: false,
      failure: undefined,
      answered: false,
      done: Promise.resolve(),
    };
    this.active = active;
    this.rates.clear();
    this.lines.length = 0;
    this.note(`starting "${name}"`);
    const run = go({
      workers: 2,
      events: this.events,
      log: (line) => this.note(line),
      onProgress: (p) => {
        active.jobId = p.jobId;
        this.activeJob = p.jobId;
        this.rates.set(p.step, {
          step: p.step,
          round: p.round,
          done: p.done,
          total: p.total,
          rate: p.rate,
          etaSeconds: p.etaSeconds,
        });
      },
    });
    active.done = run.then(
      (o) => {
        active.settled = true;
        this.note(`job ${o.jobId}: ${o.state}`);
      },
      (e: unknown) => {
        active.settled = true;
        active.failure = e;
        const message = e instanceof Error ? e.message : String(e);
        this.note(`failed: ${message}`);
        if (active.answered)
          this.events?.emit({ kind: 'log', level: 'error', message: `flywheel: ${message}` });
      },
    );
    // The job row is written once the ASR models are resolved; answer with its id.
    const store = new FlywheelStore(this.project);
    for (;;) {
      await new Promise((r) => setTimeout(r, 20));
      const found = store.findJob(name);
      if (found && (active.jobId !== null || !active.settled || active.failure === undefined)) {
        this.activeJob = found.id;
        active.jobId = found.id;
        active.answered = true;
        return found.id;
      }
      if (active.settled) {
        if (active.failure !== undefined) throw active.failure;
        throw new Error(`flywheel job "${name}" ended without a job row`);
      }
    }
  }
}
