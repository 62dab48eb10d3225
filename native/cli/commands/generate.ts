import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command, Option } from 'commander';
import { UserError } from '../../contract/errors.js';
import { emptySummary, generateRows } from '../../entities/generate.js';
import type { GenerateConfig, GenerateSummary } from '../../entities/generate-types.js';
import { templateClasses, type TemplateClass } from '../../entities/lexicon-schema.js';
import { importCorpus } from '../../service/import-corpus.js';
import { printJson, printLine } from '../output.js';
import { withProject } from '../project-option.js';
import { runBootstrap, type BootstrapOpts } from './generate-templates.js';

interface GenerateOpts {
  lang?: string;
  count?: string;
  seed: string;
  classes?: string;
  split: string;
  out?: string;
  project?: string;
  json?: boolean;
  plainSlots?: boolean;
  templates?: string;
}

function int(flag: string, s: string): number {
  if (!/^-?[0-9]+$/.test(s))
    throw new UserError('bad_input', `${flag}: expected an integer, got "${s}"`);
  return Number(s);
}

function list(s: string): string[] {
  return s
    .split(',')
    .map((x) => x.trim())
    .filter((x) => x !== '');
}

export function configFromOptions(o: GenerateOpts): GenerateConfig {
  if (o.lang === undefined || o.count === undefined) {
    throw new UserError('bad_input', 'generate: give --lang and --count (or --templates-from)');
  }
  const split = o.split;
  if (split !== 'train' && split !== 'test' && split !== 'both') {
    throw new UserError('bad_input', `--split: expected train, test or both, got "${split}"`);
  }
  const classes = o.classes === undefined ? undefined : list(o.classes);
  for (const c of classes ?? []) {
    if (!templateClasses.includes(c as TemplateClass)) {
      throw new UserError(
        'bad_input',
        `--classes: unknown class "${c}" (one of ${templateClasses.join(', ')})`,
      );
    }
  }
  return {
    langs: list(o.lang),
    count: int('--count', o.count),
    seed: int('--seed', o.seed),
    classes: classes as TemplateClass[] | undefined,
    split,
    plainSlots: o.plainSlots === true,
    ...(o.templates !== undefined ? { templatesDir: o.templates } : {}),
  };
}

/** Streams the rows to `path` in batches, so a large corpus never sits in memory as one string. */
export function writeCorpus(path: string, config: GenerateConfig): GenerateSummary {
  const summary = emptySummary();
  const fd = openSync(path, 'w');
  try {
    let buf = '';
    for (const row of generateRows(config, summary)) {
      buf += `${JSON.stringify(row)}\n`;
      if (buf.length > 1 << 20) {
        writeSync(fd, buf);
        buf = '';
      }
    }
    writeSync(fd, buf);
  } finally {
    closeSync(fd);
  }
  return summary;
}

function printSummary(s: GenerateSummary, where: string): void {
  printLine(`${s.rows} rows → ${where}`);
  printLine(`  by language: ${JSON.stringify(s.by_lang)}`);
  printLine(`  by class: ${JSON.stringify(s.by_class)}`);
  printLine(`  by entity type: ${JSON.stringify(s.by_type)}`);
  printLine(`  by split: ${JSON.stringify(s.by_split)}`);
  printLine(
    `  train/test overlap: templates ${s.overlap.templates}, values ${s.overlap.values}, sentences ${s.overlap.sentences}`,
  );
  if (s.skipped_templates.length > 0) {
    printLine(
      `  templates not used (the EHR engine cannot read their entity back): ${s.skipped_templates.length}`,
    );
  }
}

export function generateCommand(): Command {
  return new Command('generate')
    .description('generate an entity-dense synthetic corpus (written text, spoken text, spans)')
    .option('--lang <codes>', 'languages, comma-separated (hi,te,ta)')
    .option('--count <n>', 'number of rows')
    .option('--seed <n>', 'random seed (same seed, same rows)', '1')
    .option('--classes <list>', `entity classes, comma-separated (${templateClasses.join(', ')})`)
    .option('--split <which>', 'train, test or both (every fifth row a test row)', 'both')
    .option(
      '--plain-slots',
      'fill every slot with plain words (same templates, no entities): the entity-free control',
    )
    .option(
      '--templates <folder>',
      "use this lexicon folder's templates.json (one --lang): machine-translated templates under review",
    )
    .option(
      '--out <file>',
      'write the rows as JSONL to this file (with --templates-from: the folder)',
    )
    .option(
      '--templates-from <lang>',
      "translate this language's templates (slots protected) into a lexicon folder for review",
    )
    .option('--to <lang>', 'with --templates-from: the target language')
    .option('--mt <model>', 'with --templates-from: the translation model')
    .option('--beams <n>', 'with --templates-from: beam size', '1')
    .option('--max-length <n>', 'with --templates-from: most tokens per template', '256')
    .addOption(new Option('-p, --project <dir>', 'import the rows into this project instead'))
    .option('--json', 'print the summary as one JSON object')
    .action(async (o: GenerateOpts & BootstrapOpts) => {
      if (o.templatesFrom !== undefined) {
        await runBootstrap(o);
        return;
      }
      if ((o.out === undefined) === (o.project === undefined)) {
        throw new UserError(
          'bad_input',
          'generate: give exactly one of --out <file> or -p <project>',
        );
      }
      const config = configFromOptions(o);
      if (o.out !== undefined) {
        const summary = writeCorpus(o.out, config);
        if (o.json) printJson(summary);
        else printSummary(summary, o.out);
        return;
      }
      // Into a project: the corpus importer reads `spoken` and `spoken_tokens`
      // too, so the rows land exactly as a JSONL export would bring them.
      const dir = mkdtempSync(join(tmpdir(), 'charkha-generate-'));
      try {
        const file = join(dir, 'generated.jsonl');
        const summary = writeCorpus(file, config);
        const r = await withProject(o.project!, {}, (p, signal) =>
          importCorpus(p, file, { withoutAudio: true, signal }),
        );
        if (o.json) printJson({ ...summary, import: r });
        else {
          printSummary(summary, o.project!);
          printLine(
            `  imported ${r.imported}, unchanged ${r.unchanged}, with problems ${r.problems.length}`,
          );
        }
        if (r.problems.length > 0) process.exitCode = 1;
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
}
