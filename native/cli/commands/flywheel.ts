import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Command, Option } from 'commander';
import { UserError } from '../../contract/errors.js';
import { loadFlywheelConfig, parseFlywheelConfig, FLYWHEEL_STEPS } from '../../flywheel/config.js';
import type { FlywheelConfig } from '../../flywheel/config.js';
import { requestControl, sweepOrphanAudio } from '../../flywheel/control.js';
import { parseShard } from '../../flywheel/plan.js';
import { formatSummary, writeHtmlReports, type RoundSummary } from '../../flywheel/report.js';
import {
  resumeFlywheel,
  runFlywheel,
  type FlywheelOptions,
  type FlywheelOutcome,
  type StepProgress,
} from '../../flywheel/runner.js';
import { FlywheelStore, JOB_KIND } from '../../flywheel/store.js';
import { packageRoot } from '../../package-root.js';
import { DB_FILE, Project } from '../../store/project.js';
import { printJson, printLine } from '../output.js';
import { progressBar, type ProgressSink } from '../progress.js';
import { projectOption, withProject } from '../project-option.js';

interface RunFlags {
  project: string;
  workers: string;
  rounds?: string;
  shard?: string;
  job?: string;
  json?: boolean;
}

export const DEMO_CONFIG = 'demo.flywheel.yaml';
export const DEMO_PROJECT = 'demo-project';

function positiveInt(flag: string, v: string): number {
  if (!/^[1-9][0-9]*$/.test(v))
    throw new UserError('bad_input', `${flag}: expected a positive integer, got "${v}"`);
  return Number(v);
}

/** Progress per step: a bar on a terminal, one line per finished step otherwise. */
function progressPrinter(json: boolean): {
  onProgress: (p: StepProgress) => void;
  stop: () => void;
} {
  let bar: ProgressSink | null = null;
  let current = '';
  const finishLine = (p: StepProgress) => {
    if (json || process.stderr.isTTY) return;
    const rate = p.rate ? `, ${p.rate.toFixed(2)} items/s` : '';
    process.stderr.write(`round ${p.round} ${p.step}: ${p.done}/${p.total}${rate}\n`);
  };
  let last: StepProgress | null = null;
  return {
    onProgress: (p) => {
      const key = `${p.round}:${p.step}`;
      if (key !== current) {
        bar?.stop();
        if (last) finishLine(last);
        current = key;
        bar = progressBar(`round ${p.round} ${p.step.padEnd(10)}`, json);
      }
      last = p;
      const eta = p.etaSeconds !== null ? ` ETA ${Math.ceil(p.etaSeconds)} s` : '';
      bar!.update({
        done: p.done,
        total: p.total,
        message: p.rate ? `${p.rate.toFixed(1)}/s${eta}` : '',
      });
    },
    stop: () => {
      bar?.stop();
      if (last && last.total > 0) finishLine(last);
    },
  };
}

function exportsOf(
  project: Project,
  jobId: number,
): { outDir: string; files: number; rows: number }[] {
  return project.db
    .prepare<[number], { result_json: string }>(
      "SELECT result_json FROM job_items WHERE job_id = ? AND step = 'export' AND state = 'done' ORDER BY id",
    )
    .all(jobId)
    .map((r) => JSON.parse(r.result_json) as { outDir: string; files: number; rows: number });
}

function report(project: Project, outcome: FlywheelOutcome, json: boolean): void {
  const store = new FlywheelStore(project);
  const rounds = outcome.rounds.filter((r): r is RoundSummary => r !== null);
  const html = writeHtmlReports(store, outcome.jobId, rounds.slice(-1));
  const exports = exportsOf(project, outcome.jobId);
  if (json) {
    printJson({ ...outcome, project: project.paths.root, reports: html, exports });
    return;
  }
  const rel = (p: string) => {
    const r = relative(process.cwd(), p);
    return r === '' ? '.' : r.startsWith('..') ? p : r;
  };
  if (outcome.alreadyDone)
    printLine(`flywheel job ${outcome.jobId} had already finished; nothing to do`);
  else printLine(`flywheel job ${outcome.jobId}: ${outcome.state}`);
  if (outcome.state !== 'done') {
    printLine(`continue with: charkha flywheel resume -p ${rel(project.paths.root)}`);
    return;
  }
  const final = rounds.at(-1);
  if (final) for (const line of formatSummary(final)) printLine(`  ${line}`);
  printLine(`project: ${rel(project.paths.root)}`);
  for (const f of html) printLine(`report:  ${rel(f)}`);
  for (const e of exports) printLine(`export:  ${rel(e.outDir)} (${e.rows} rows)`);
}

/**
 * Runs `go` on the project at `dir` with progress on stderr, then prints the
 * job's report. A new job creates its project; resuming needs one that is there.
 */
export async function drive(
  dir: string,
  o: RunFlags,
  go: (p: Project, opts: FlywheelOptions) => Promise<FlywheelOutcome>,
  { create }: { create: boolean },
): Promise<void> {
  if (create && !existsSync(join(dir, DB_FILE))) Project.init(dir).close();
  const printer = progressPrinter(o.json ?? false);
  await withProject(dir, {}, async (project, signal) => {
    let outcome: FlywheelOutcome;
    try {
      outcome = await go(project, {
        workers: positiveInt('--workers', o.workers),
        shard: o.shard ? parseShard(o.shard) : null,
        signal,
        onProgress: printer.onProgress,
        log: (line) => process.stderr.write(`charkha: ${line}\n`),
      });
    } finally {
      printer.stop();
    }
    report(project, outcome, o.json ?? false);
  });
}

function withRounds(config: FlywheelConfig, file: string, rounds?: string): FlywheelConfig {
  if (rounds === undefined) return config;
  return parseFlywheelConfig({ ...config, rounds: positiveInt('--rounds', rounds) }, file);
}

function runOptions(cmd: Command): Command {
  return cmd
    .option('--workers <n>', 'items in flight at once (and synthesis threads)', '2')
    .option('--json', 'print one JSON object at the end');
}

function statusOf(project: Project, jobId: number | null, json: boolean): void {
  const store = new FlywheelStore(project);
  const id = jobId ?? store.latestJob();
  const job = id === null ? null : project.jobs.get(id);
  if (!job || job.kind !== JOB_KIND)
    throw new UserError('not_found', `no flywheel job in ${project.paths.root}`);
  const steps = FLYWHEEL_STEPS.map((step) => ({ step, ...store.counts(job.id, step) }));
  const rounds = store.rounds(job.id);
  if (json) {
    printJson({ id: job.id, state: job.state, error: job.error, steps, rounds });
    return;
  }
  printLine(`flywheel job ${job.id}: ${job.state}${job.error ? ` (${job.error})` : ''}`);
  for (const s of steps) printLine(`  ${s.step.padEnd(11)} ${s.done}/${s.total}`);
  const last = rounds.at(-1);
  if (last?.summary)
    for (const line of formatSummary(last.summary as RoundSummary)) printLine(`  ${line}`);
}

/** Pause or cancel: a request to the process running the job, or the state itself when none runs. */
function control(dir: string, action: 'pause' | 'cancel', jobFlag?: string): void {
  let project: Project;
  try {
    project = Project.open(dir);
  } catch (e) {
    if (e instanceof UserError && e.code === 'locked') {
      requestControl(Project.open(dir, { readonly: true }).paths.root, action);
      printLine(`asked the running job to ${action}; it stops after the items in flight`);
      return;
    }
    throw e;
  }
  try {
    const store = new FlywheelStore(project);
    const id = jobFlag ? positiveInt('--job', jobFlag) : store.latestJob();
    const job = id === null ? null : project.jobs.get(id);
    if (!job || job.kind !== JOB_KIND)
      throw new UserError('not_found', `no flywheel job in ${project.paths.root}`);
    if (job.state === 'done' || job.state === 'cancelled') {
      throw new UserError(
        'conflict',
        `flywheel job ${job.id} is ${job.state}; there is nothing to ${action}`,
      );
    }
    const state = action === 'pause' ? 'paused' : 'cancelled';
    project.jobs.releaseClaims(job.id);
    project.jobs.setState(job.id, state);
    if (state === 'cancelled') sweepOrphanAudio(project);
    printLine(`flywheel job ${job.id}: ${state}`);
  } finally {
    project.close();
  }
}

export function flywheelCommand(): Command {
  const fw = new Command('flywheel').description(
    'the TTS→STT flywheel: generate, speak, augment, transcribe, score, filter and export, resumably',
  );
  fw.addCommand(
    runOptions(
      new Command('run')
        .description('run the job a configuration (JSON or YAML) describes; re-running resumes it')
        .argument('<config>', 'the job configuration (.json, .yaml)')
        .addOption(projectOption())
        .option('--rounds <n>', 'turns of the wheel (overrides the configuration)')
        .option(
          '--shard <i/n>',
          'do shard i of n of the work (merge the shard projects with charkha merge)',
        ),
    ).action(async (file: string, o: RunFlags) => {
      const config = withRounds(loadFlywheelConfig(file), file, o.rounds);
      await drive(o.project, o, (p, opts) => runFlywheel(p, config, opts), { create: true });
    }),
  );
  fw.addCommand(
    runOptions(
      new Command('demo')
        .description(
          `run the bundled demo (${DEMO_CONFIG}: Hindi, Telugu, Tamil) into ./${DEMO_PROJECT}`,
        )
        .addOption(new Option('-p, --project <dir>', 'the project folder').default(DEMO_PROJECT)),
    ).action(async (o: RunFlags) => {
      const file = join(packageRoot(), DEMO_CONFIG);
      const config = loadFlywheelConfig(file);
      await drive(o.project, o, (p, opts) => runFlywheel(p, config, opts), { create: true });
    }),
  );
  fw.addCommand(
    runOptions(
      new Command('resume')
        .description('continue a paused, failed or killed job (the latest one unless --job)')
        .addOption(projectOption())
        .option('--job <id>', 'the job id'),
    ).action(async (o: RunFlags) => {
      const id = o.job ? positiveInt('--job', o.job) : null;
      await drive(o.project, o, (p, opts) => resumeFlywheel(p, id, opts), { create: false });
    }),
  );
  fw.addCommand(
    new Command('status')
      .description('state of the job: items done per step, the last round’s figures')
      .addOption(projectOption())
      .option('--job <id>', 'the job id')
      .option('--json', 'print one JSON object')
      .action(async (o: RunFlags) => {
        await withProject(o.project, { readonly: true }, (p) =>
          statusOf(p, o.job ? positiveInt('--job', o.job) : null, o.json ?? false),
        );
      }),
  );
  for (const action of ['pause', 'cancel'] as const) {
    fw.addCommand(
      new Command(action)
        .description(
          action === 'pause'
            ? 'pause the job (resume continues it)'
            : 'cancel the job for good (its finished clips stay in the project)',
        )
        .addOption(projectOption())
        .option('--job <id>', 'the job id')
        .action((o: RunFlags) => control(o.project, action, o.job)),
    );
  }
  fw.addCommand(
    new Command('overrule')
      .description("keep or reject a training clip against the round-trip filter's decision")
      .argument('<utterance-id>', 'the clip’s utterance id (e.g. demo-r1-hi-1-000003)')
      .addOption(projectOption())
      .option('--keep', 'keep the clip')
      .option('--reject', 'reject the clip')
      .option('--clear', "go back to the filter's decision")
      .option('--note <text>', 'why')
      .option('--job <id>', 'the job id')
      .action(
        async (
          extId: string,
          o: RunFlags & { keep?: boolean; reject?: boolean; clear?: boolean; note?: string },
        ) => {
          const picked = [o.keep, o.reject, o.clear].filter(Boolean).length;
          if (picked !== 1)
            throw new UserError(
              'bad_input',
              'overrule: give exactly one of --keep, --reject, --clear',
            );
          await withProject(o.project, {}, (project) => {
            const store = new FlywheelStore(project);
            const id = o.job ? positiveInt('--job', o.job) : store.latestJob();
            const clip = id === null ? null : store.clip(id, extId);
            if (!clip)
              throw new UserError(
                'not_found',
                `no flywheel clip "${extId}" in ${project.paths.root}`,
              );
            if (clip.split !== 'train') {
              throw new UserError(
                'bad_input',
                `${extId} is a test clip; the filter never decides on the test split`,
              );
            }
            const overrule = o.clear ? null : o.keep ? 'kept' : 'rejected';
            store.updateClip(id!, clip.utterance_id, {
              overrule,
              overrule_note: o.clear ? null : (o.note ?? null),
              overruled_at: o.clear ? null : new Date().toISOString(),
            });
            printLine(
              `${extId}: ${overrule ?? `back to the filter (${clip.filter_decision ?? 'undecided'})`}` +
                (clip.filter_reason ? `; the filter said: ${clip.filter_reason}` : ''),
            );
          });
        },
      ),
  );
  return fw;
}
