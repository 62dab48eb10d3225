import { writeFileSync } from 'node:fs';
import { Command } from 'commander';
import { UserError } from '../../contract/errors.js';
import { readJsonlRows } from '../../entities/jsonl-rows.js';
import { translateProjectTier, translateRows } from '../../service/translate.js';
import type { TranslateOptions } from '../../mt/engine.js';
import { withProject } from '../project-option.js';
import { closeInferenceWorker } from '../../workers/inference.js';
import { printJson, printLine } from '../output.js';
import { progressBar } from '../progress.js';
import { wholeNumber } from '../whole-number.js';

interface Opts {
  model: string;
  from: string;
  to: string;
  out?: string;
  project?: string;
  tier?: string;
  beams: string;
  maxLength: string;
  batchSize: string;
  json?: boolean;
}

export function translateCommand(): Command {
  return new Command('translate')
    .description(
      'translate JSONL rows (id, text, optional entity_tokens) with entities protected by placeholders, restored in the target script and number format, and checked for survival',
    )
    .argument('[in]', 'input JSONL (or -p with --tier)')
    .requiredOption('--model <id>', 'translation model (see `charkha models list`)')
    .requiredOption('--from <lang>', 'source language (ISO 639-1)')
    .requiredOption('--to <lang>', 'target language (ISO 639-1)')
    .option('--out <file>', 'output JSONL: the rows with translation, entities, survival')
    .option(
      '-p, --project <dir>',
      'translate the transcript tier of every recording of this project',
    )
    .option(
      '--tier <name>',
      'with -p: the translation tier to write (created next to the transcript tier)',
    )
    .option('--beams <n>', 'beam size', '1')
    .option('--max-length <n>', 'most tokens generated per sentence', '256')
    .option('--batch-size <n>', 'sentences per generate() call', '16')
    .option('--json', 'print the summary as JSON')
    .action(async (input: string | undefined, o: Opts) => {
      const options = {
        beamSize: wholeNumber('--beams', o.beams),
        maxLength: wholeNumber('--max-length', o.maxLength),
        batchSize: wholeNumber('--batch-size', o.batchSize),
      };
      if (o.project !== undefined) {
        if (input !== undefined || o.out !== undefined || o.tier === undefined) {
          throw new UserError(
            'bad_input',
            'with -p give --tier <name>, and no input file or --out',
          );
        }
        await translateTier(o.project, o.tier, o, options);
        return;
      }
      if (input === undefined || o.out === undefined) {
        throw new UserError(
          'bad_input',
          'give an input JSONL and --out, or -p <dir> --tier <name>',
        );
      }
      const out = o.out;
      const rows = readJsonlRows(input);
      const bar = progressBar('translating', Boolean(o.json));
      try {
        const res = await translateRows({
          rows,
          file: input,
          model: o.model,
          from: o.from,
          to: o.to,
          options: {
            ...options,
            onProgress: (p) =>
              bar.update({ done: p.done, total: p.total ?? null, message: p.message }),
          },
        });
        writeFileSync(out, res.rows.map((r) => JSON.stringify(r) + '\n').join(''));
        const summary = {
          out,
          rows: res.rows.length,
          entities: res.entities,
          survived: res.survived,
          flaggedRows: res.flagged,
        };
        if (o.json) printJson(summary);
        else {
          printLine(
            `${res.rows.length} rows → ${out}; entities ${res.survived}/${res.entities} survived; ${res.flagged} rows flagged`,
          );
          for (const r of res.rows.filter((x) => !x.survival_ok).slice(0, 20)) {
            printLine(`  ${r.id}: ${r.problems.join('; ')}`);
          }
        }
      } finally {
        bar.stop();
        await closeInferenceWorker();
      }
    });
}

async function translateTier(
  dir: string,
  tier: string,
  o: Opts,
  options: TranslateOptions,
): Promise<void> {
  try {
    const res = await withProject(dir, {}, (p, signal) =>
      translateProjectTier(
        p.annotations,
        p.audio.list(0, p.audio.count()).map((a) => a.id),
        { model: o.model, from: o.from, to: o.to, tier, options: { ...options, signal } },
      ),
    );
    if (o.json) printJson(res);
    else {
      printLine(
        `${res.segments} segments of ${res.recordings} recordings → tier "${tier}"; entities ${res.survived}/${res.entities} survived; ${res.flagged.length} segments flagged`,
      );
      for (const f of res.flagged.slice(0, 20)) printLine(`  ${f}`);
    }
  } finally {
    await closeInferenceWorker();
  }
}
