import { Command } from 'commander';
import { UserError } from '../../contract/errors.js';
import { parseFormat } from '../../interchange/annotation-formats.js';
import { exportAnnotations, importAnnotations } from '../../interchange/annotation-project.js';
import { printJson, printLine } from '../output.js';
import { projectOption, withProject } from '../project-option.js';

const FORMATS = 'eaf, textgrid, srt, vtt, tsv, csv or audacity';

function tierList(value: string, previous: string[] = []): string[] {
  return [
    ...previous,
    ...value
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  ];
}

/** `charkha export annotations`: a recording's tiers as ELAN, Praat, subtitle or label files. */
export function exportAnnotationsCommand(): Command {
  return new Command('annotations')
    .description(`write a recording's annotation tiers as ${FORMATS}`)
    .addOption(projectOption())
    .requiredOption('--format <format>', FORMATS)
    .option(
      '--tiers <names>',
      'tiers to write, comma-separated (default: all; one for srt, vtt, audacity)',
      tierList,
    )
    .option('--audio <id or name>', 'the recording (default: the one that has tiers)')
    .option('--encoding <encoding>', 'TextGrid only: utf-8 (default) or utf-16')
    .option('--short', 'TextGrid only: the short text layout')
    .argument('<out>', 'the file to write')
    .option('--json', 'print one JSON object')
    .action(async (out: string, o: ExportOpts) => {
      const format = parseFormat(o.format);
      if (o.encoding !== undefined && o.encoding !== 'utf-8' && o.encoding !== 'utf-16')
        throw new UserError(
          'bad_input',
          `--encoding: expected utf-8 or utf-16, got "${o.encoding}"`,
        );
      const r = await withProject(o.project, { readonly: true }, (p) =>
        exportAnnotations(p, out, {
          format,
          tiers: o.tiers,
          audio: o.audio,
          encoding: o.encoding as 'utf-8' | 'utf-16' | undefined,
          layout: o.short ? 'short' : undefined,
        }),
      );
      if (o.json) printJson(r);
      else
        printLine(
          `wrote ${r.tiers.length} tiers (${r.tiers.reduce((n, t) => n + t.segments, 0)} segments) of audio ${r.audioId} to ${r.file}`,
        );
    });
}

/** `charkha import annotations`: tiers from an EAF, TextGrid, subtitle, tab-delimited or label file. */
export function importAnnotationsCommand(): Command {
  return new Command('annotations')
    .description(`read annotation tiers from ${FORMATS} into a recording`)
    .addOption(projectOption())
    .argument('<file>', 'the annotation file')
    .option('--audio <id or name>', 'the recording (an EAF names its own; others need this)')
    .option('--format <format>', 'override the format the file name implies')
    .option('--tier <name>', 'tier name for srt, vtt and audacity files', 'transcript')
    .option('--replace', 'replace the segments of tiers that already exist')
    .option(
      '--author <name>',
      "who the edit log credits (default: the installation's annotator, `charkha config set annotator`)",
    )
    .option('--json', 'print one JSON object')
    .action(async (file: string, o: ImportOpts) => {
      const r = await withProject(o.project, {}, (p) =>
        importAnnotations(p, file, {
          format: o.format === undefined ? undefined : parseFormat(o.format),
          audio: o.audio,
          tier: o.tier,
          replace: o.replace,
          author: o.author,
        }),
      );
      if (o.json) printJson(r);
      else
        printLine(
          `imported ${r.tiers.length} tiers (${r.tiers.reduce((n, t) => n + t.segments, 0)} segments) into audio ${r.audioId}`,
        );
    });
}

interface ExportOpts {
  project: string;
  format: string;
  tiers?: string[];
  audio?: string;
  encoding?: string;
  short?: boolean;
  json?: boolean;
}

interface ImportOpts {
  project: string;
  format?: string;
  audio?: string;
  tier: string;
  replace?: boolean;
  author?: string;
  json?: boolean;
}
