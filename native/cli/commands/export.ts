import { Command } from 'commander';
import { exportCorpus } from '../../service/export-corpus.js';
import { printJson, printLine } from '../output.js';
import { projectOption, withProject } from '../project-option.js';

export function exportCommand(): Command {
  const cmd = new Command('export').description(
    'write project data out (never modifies the project)',
  );

  cmd
    .command('corpus')
    .description('write utterances with their entity spans as JSONL, keeping every imported key')
    .addOption(projectOption())
    .option('--format <format>', 'output format', 'jsonl')
    .argument('<out>', 'the file to write')
    .option('--json', 'print one JSON object')
    .action(async (out: string, o: { project: string; format: string; json?: boolean }) => {
      const r = await withProject(o.project, { readonly: true }, (p) =>
        exportCorpus(p, out, o.format),
      );
      if (o.json) printJson(r);
      else printLine(`wrote ${r.rows} rows to ${r.file}`);
    });

  return cmd;
}
