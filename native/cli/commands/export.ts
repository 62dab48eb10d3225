import { Command } from 'commander';
import { UserError } from '../../contract/errors.js';
import { exportDataset } from '../../interchange/export-dataset.js';
import { exportCorpus } from '../../service/export-corpus.js';
import { exportAnnotationsCommand } from './annotations-io.js';
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

  cmd
    .command('dataset')
    .description(
      'write a training dataset with audio and a dataset card (NeMo, HF, Kaldi, paper JSONL)',
    )
    .addOption(projectOption())
    .requiredOption('--format <format>', 'nemo, hf, kaldi or paper')
    .requiredOption('--out <dir>', 'a new or empty folder')
    .option('--split <split>', 'only train or only test')
    .option('--job <id>', 'only utterances of this flywheel job')
    .option('--kept-only', 'only clips the round-trip filter kept')
    .option('--json', 'print one JSON object')
    .action(async (o: DatasetOpts) => {
      if (o.split !== undefined && o.split !== 'train' && o.split !== 'test')
        throw new UserError('bad_input', `--split: expected train or test, got "${o.split}"`);
      if (o.job !== undefined && !/^[0-9]+$/.test(o.job))
        throw new UserError('bad_input', `--job: expected a job id, got "${o.job}"`);
      const r = await withProject(o.project, { readonly: true }, (p) =>
        exportDataset(p, {
          format: o.format as 'nemo',
          outDir: o.out,
          split: o.split as 'train' | 'test' | undefined,
          jobId: o.job === undefined ? undefined : Number(o.job),
          keptOnly: o.keptOnly ?? false,
        }),
      );
      if (o.json) printJson(r);
      else printLine(`wrote ${r.rows} rows (${r.files} files) to ${r.outDir}`);
    });

  cmd.addCommand(exportAnnotationsCommand());

  return cmd;
}

interface DatasetOpts {
  project: string;
  format: string;
  out: string;
  split?: string;
  job?: string;
  keptOnly?: boolean;
  json?: boolean;
}
