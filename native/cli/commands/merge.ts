import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import { mergeProjects } from '../../service/merge-projects.js';
import { DB_FILE, Project } from '../../store/project.js';
import { printJson, printLine } from '../output.js';
import { projectOption, withProject } from '../project-option.js';

export function mergeCommand(): Command {
  return new Command('merge')
    .description(
      'combine shard projects into one (created if missing); merging again changes nothing',
    )
    .addOption(projectOption())
    .argument('<shards...>', 'the shard project folders')
    .option('--json', 'print one JSON object')
    .action(async (shards: string[], o: { project: string; json?: boolean }) => {
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
        if (j.state === 'paused')
          printLine(
            `  finish it (eval runs, exports, summaries) with: charkha flywheel resume -p ${o.project} --job ${j.id}`,
          );
      }
    });
}
