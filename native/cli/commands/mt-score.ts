import { Command } from 'commander';
import { UserError } from '../../contract/errors.js';
import { joinSegments, readMtHypotheses, readMtReferences } from '../../metrics/mt/inputs.js';
import { mtScore } from '../../metrics/mt/report.js';
import { MtScoreReport } from '../../metrics/mt/report-schema.js';
import { mtScoreTable } from '../../metrics/mt/report-table.js';
import { printJson, printLine } from '../output.js';

interface MtScoreOptions {
  ref: string[];
  hyp: string;
  json?: boolean;
}

export function mtScoreCommand(): Command {
  return new Command('mt-score')
    .description(
      'BLEU and chrF++ as sacrebleu computes them (13a, exp; chrF++ word order 2) and the entity survival rate, with 95% bootstrap intervals',
    )
    .requiredOption(
      '--ref <files...>',
      'reference JSONL (id, lang, text, entity_tokens); more files add references',
    )
    .requiredOption('--hyp <file>', 'translations JSONL (id and text, or translation)')
    .option('--json', 'print one JSON object')
    .action((o: MtScoreOptions) => {
      const refFiles = o.ref.map((path) => ({ path, rows: readMtReferences(path) }));
      if (refFiles[0].rows.length === 0) {
        throw new UserError('bad_input', `${o.ref[0]}: no reference rows`);
      }
      const hyp = { path: o.hyp, rows: readMtHypotheses(o.hyp) };
      const report = mtScore({
        refPaths: o.ref,
        hypPath: o.hyp,
        segments: joinSegments(refFiles, hyp),
      });
      if (o.json) printJson(MtScoreReport.parse(report));
      else for (const line of mtScoreTable(report)) printLine(line);
    });
}
