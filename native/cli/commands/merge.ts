import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import { UserError } from '../../contract/errors.js';
import { mergeProjects } from '../../service/merge-projects.js';
import { DB_FILE, Project } from '../../store/project.js';
import { printJson, printLine } from '../output.js';
import { projectOption, withProject } from '../project-option.js';

interface MergeFlags {
  project: string;
  json?: boolean;
  finish?: boolean;
  workers: string;
}

export function mergeCommand(): Command {
  return new Command('merge')
    .description(
      'combine shard projects into one (created if missing); merging again changes nothing',
    )
    .addOption(projectOption())
    .argument('<shards...>', 'the shard project folders')
    .option('--json', 'print one JSON object')
    .option(
      '--finish',
      'then finish each merged job (eval runs, exports, summaries) in this process',
    )
    .option('--workers <n>', 'with --finish: items in flight at once', '2')
    .action(async (shards: string[], o: MergeFlags) => {
      if (o.finish && o.json)
        throw new UserError(
          'bad_input',
          '--finish prints each job’s report as `charkha flywheel resume` does; leave out --json',
        );
      // Every shard is checked (a project, of a version this Charkha reads) before the target is made.
      for (const shard of shards) Project.open(shard, { readonly: true }).close();
      if (!existsSync(join(o.project, DB_FILE))) Project.init(o.project).close();
      const r = await withProject(o.project, {}, (p) => mergeProjects(p, shards));
      if (o.json) {
        printJson(r);
        return;
      }
      printLine(`merged ${r.sources.length} projects into ${r.project}`);
      for (const [kind, c] of Object.entries(r.counts))
        printLine(
          `  ${kind}: ${c.added} added, ${c.updated} updated, ${c.unchanged} already there`,
        );
      for (const j of r.jobs) {
        if (j.shards === null) continue;
        printLine(`  flywheel job "${j.name}" (${j.id}): shards ${j.shards}, ${j.state}`);
        if (j.state === 'paused' && !j.allShards)
          printLine('  the other shards are still to merge; the job finishes once every one is in');
        else if (j.state === 'paused' && !o.finish)
          printLine(
            `  finish it (eval runs, exports, summaries) with: charkha flywheel resume -p ${o.project} --job ${j.id}`,
          );
      }
      if (!o.finish) return;
      // One process for the merge and the whole-round pass: a second start-up
      // (modules, ONNX Runtime, models) is a fixed cost every scale-out pays.
      const { drive } = await import('./flywheel.js');
      const { resumeFlywheel } = await import('../../flywheel/runner.js');
      for (const j of r.jobs)
        if (j.allShards && j.state === 'paused')
          await drive(
            o.project,
            { project: o.project, workers: o.workers },
            (p, opts) => resumeFlywheel(p, j.id, opts),
            { create: false },
          );
    });
}
