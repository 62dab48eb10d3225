import { Command, Option } from 'commander';
import { UserError } from '../../contract/errors.js';
import { compareHypothesisFiles, parseHypArg } from '../../service/compare-files.js';
import { compareRuns } from '../../service/compare-runs.js';
import { importEvalRun } from '../../service/eval-import.js';
import { printJson, printLine } from '../output.js';
import { projectOption, withProject } from '../project-option.js';

const fmt = (v: number | null) => (v === null ? '—' : v.toFixed(3));
const ci = (c: [number, number] | null) => (c ? `[${c[0].toFixed(3)}, ${c[1].toFixed(3)}]` : '');

export function evalCommand(): Command {
  const cmd = new Command('eval').description('store and inspect evaluation runs in a project');
  cmd
    .command('import')
    .description('score a hypothesis file against a reference set and store the run in the project')
    .addOption(projectOption())
    .requiredOption(
      '--ref <file>',
      'reference JSONL (imported into the project if its rows are not there)',
    )
    .requiredOption('--hyp <file>', 'hypothesis JSONL')
    .requiredOption('--model <name>', 'the model that produced the hypotheses')
    .option('--hyp-field <name>', 'hypothesis field name', 'hypothesis')
    .option('--name <name>', 'the run\'s name (default: "<model> on <test set>")')
    .option('--system <name>', 'the synthesis system of the test audio')
    .option('--test-set <name>', "the test set's name (default: the reference file's name)")
    .option('--model-file <path>', 'the model file, to record its sha256')
    .option('--decode <json>', 'decoding options, recorded with the run')
    .addOption(
      new Option('--profile <profile>', 'normalisation profile')
        .choices(['exact', 'standard', 'loose'])
        .default('standard'),
    )
    .option('--json', 'print one JSON object')
    .action(
      async (o: {
        project: string;
        ref: string;
        hyp: string;
        model: string;
        hypField: string;
        name?: string;
        system?: string;
        testSet?: string;
        modelFile?: string;
        decode?: string;
        profile: 'exact' | 'standard' | 'loose';
        json?: boolean;
      }) => {
        const r = await withProject(o.project, {}, (p) =>
          importEvalRun(p, {
            ref: o.ref,
            hyp: o.hyp,
            hypField: o.hypField,
            model: o.model,
            name: o.name,
            system: o.system ?? null,
            testSet: o.testSet ?? null,
            modelFile: o.modelFile ?? null,
            decode: o.decode ?? null,
            profile: o.profile,
          }),
        );
        if (o.json)
          return printJson({
            runId: r.runId,
            name: r.name,
            utterances: r.utterances,
            missing: r.missing,
            report: r.report,
          });
        const e = r.report.ehr;
        printLine(
          `stored run ${r.runId} "${r.name}": ${r.utterances} utterances scored, ${r.missing} missing`,
        );
        printLine(
          `WER ${fmt(r.report.wer)}  CER ${fmt(r.report.cer)}  EHR ${fmt(e.micro)} ${ci(e.ci95)}`,
        );
      },
    );
  return cmd;
}

export function compareCommand(): Command {
  return new Command('compare')
    .description(
      'compare runs (in a project) or hypothesis files (against --ref) side by side, with a paired bootstrap of each difference',
    )
    .option('-p, --project <dir>', 'the project holding the runs')
    .option(
      '--ref <file>',
      'compare hypothesis files against this reference JSONL instead of stored runs',
    )
    .option('--hyp-field <name>', 'hypothesis field for files given without ":field"', 'hypothesis')
    .addOption(
      new Option('--profile <profile>', 'normalisation profile (files mode)')
        .choices(['exact', 'standard', 'loose'])
        .default('standard'),
    )
    .argument(
      '<runs...>',
      'run ids or names, or with --ref hypothesis files (file.jsonl[:field]); the first is the baseline',
    )
    .option('--json', 'print one JSON object')
    .action(
      async (
        runs: string[],
        o: {
          project?: string;
          ref?: string;
          hypField: string;
          profile: 'exact' | 'standard' | 'loose';
          json?: boolean;
        },
      ) => {
        let c;
        if (o.ref)
          c = compareHypothesisFiles(
            o.ref,
            runs.map((r) => parseHypArg(r, o.hypField)),
            o.profile,
          );
        else if (o.project)
          c = await withProject(o.project, { readonly: true }, (p) => compareRuns(p, runs));
        else
          throw new UserError(
            'bad_input',
            'compare needs --project DIR (stored runs) or --ref REF.jsonl (hypothesis files)',
          );
        if (o.json) return printJson(c);
        printLine(`${c.commonUtterances} utterances in common`);
        for (const m of c.metrics) {
          printLine(`\n${m.metric.toUpperCase()}`);
          for (const v of m.values)
            printLine(`  ${v.run.padEnd(40)} ${fmt(v.value)} ${ci(v.ci95)}`);
          for (const d of m.differences) {
            const sig = d.ci95[0] > 0 || d.ci95[1] < 0 ? '  (interval excludes 0)' : '';
            printLine(
              `  ${d.run} − ${d.against}: ${d.difference >= 0 ? '+' : ''}${d.difference.toFixed(3)} ${ci(d.ci95)}${sig}`,
            );
          }
        }
      },
    );
}
