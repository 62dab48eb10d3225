import { basename } from 'node:path';
import { writeFileSync } from 'node:fs';
import { Command, Option } from 'commander';
import { UserError } from '../../contract/errors.js';
import { PROFILES, type Profile } from '../../text/normalize.js';
import { readHypothesisFile, readReferenceFile } from '../../metrics/files.js';
import { renderReportHtml } from '../../metrics/report-html.js';
import { formatReportTable } from '../../metrics/report-table.js';
import { COMPAT_MODES, type CompatMode } from '../../metrics/report-schema.js';
import { scoreRowsDetailed } from '../../metrics/score-run.js';
import { printJson, printLine } from '../output.js';

interface ScoreFlags {
  ref: string;
  hyp: string;
  hypField: string;
  profile: Profile;
  compat?: CompatMode;
  json?: boolean;
  perEntity?: boolean;
  report?: string;
  system?: string;
  testSet?: string;
}

/** `charkha score`: WER/CER/AER, EHR and SFR of a hypothesis file against a reference set. */
export function scoreCommand(): Command {
  return new Command('score')
    .description('score hypotheses against a reference set (WER, CER, AER, entity hit rate, SFR)')
    .requiredOption('--ref <file>', 'reference JSONL (id, lang, text, entity_tokens)')
    .requiredOption('--hyp <file>', 'hypothesis JSONL (id and a hypothesis field)')
    .option(
      '--hyp-field <name>',
      'hypothesis field name (published files: beta_hyp…)',
      'hypothesis',
    )
    .addOption(
      new Option('--profile <profile>', 'normalisation profile')
        .choices(PROFILES)
        .default('standard'),
    )
    .addOption(
      new Option('--compat <mode>', "reproduce a published scorer's figures").choices(COMPAT_MODES),
    )
    .option(
      '--system <name>',
      'synthesis system of the test audio, for by_system (rows may carry their own)',
    )
    .option(
      '--test-set <name>',
      "name of the test set, for by_test_set (default: the reference file's name)",
    )
    .option('--json', 'print one JSON object (the score report)')
    .option('--per-entity', 'include every entity with its outcome and hypothesis window')
    .option('--report <out.html>', 'also write a self-contained HTML report')
    .action(async (o: ScoreFlags) => {
      const refs = readReferenceFile(o.ref);
      const hyps = readHypothesisFile(o.hyp, o.hypField);
      // The HTML report always lists entities; the JSON carries them only on request.
      const { report: full, sfrValues } = await scoreRowsDetailed(refs, hyps, {
        profile: o.profile,
        compat: o.compat ?? null,
        perEntity: Boolean(o.perEntity || o.report),
        system: o.system,
        testSet: o.testSet ?? basename(o.ref).replace(/\.jsonl?$/, ''),
      });
      const report = o.perEntity ? full : { ...full, per_entity: null };
      if (o.report) {
        try {
          writeFileSync(
            o.report,
            renderReportHtml(full, { ref: o.ref, hyp: o.hyp, field: o.hypField, sfrValues }),
          );
        } catch (e) {
          throw new UserError('bad_input', `cannot write ${o.report}: ${(e as Error).message}`);
        }
      }
      if (o.json) printJson(report);
      else {
        printLine(formatReportTable(report));
        if (o.report) printLine(`wrote ${o.report}`);
      }
    });
}
