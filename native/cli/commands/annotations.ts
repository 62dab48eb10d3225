import { Command } from 'commander';
import { annotationAgreement } from '../../service/annotation-agreement.js';
import { mergeAnnotatorCopy, type ConflictSide } from '../../service/annotations-merge.js';
import { printJson, printLine } from '../output.js';
import { projectOption, withProject } from '../project-option.js';

function describeSide(s: ConflictSide): string {
  const spans = s.entities.map((e) => `${e.type}@${e.start}-${e.end}`).join(' ');
  return `${s.start}–${s.end} s [${s.state}] ${JSON.stringify(s.text)}${spans ? ` {${spans}}` : ''} by ${s.author ?? '(unknown)'}`;
}

function pct(x: number): string {
  return `${(100 * x).toFixed(1)}%`;
}

function mergeSubcommand(): Command {
  return new Command('merge')
    .description(
      "bring another annotator's copy of the same recordings in; conflicting segments are listed, never overwritten",
    )
    .addOption(projectOption())
    .requiredOption('--from <dir>', "the other annotator's project")
    .option('--json', 'print one JSON object')
    .action(async (o: { project: string; from: string; json?: boolean }) => {
      const r = await withProject(o.project, {}, (p) => mergeAnnotatorCopy(p, o.from));
      if (o.json) {
        printJson(r);
        return;
      }
      printLine(
        `merged ${r.from} into ${r.project}: ${r.segmentsAdded} segments added, ${r.segmentsUnchanged} already there, ${r.tiersAdded} tiers added, ${r.conflicts.length} conflicts`,
      );
      for (const sha of r.recordingsMissing)
        printLine(`  skipped recording ${sha}: not in this project`);
      for (const c of r.conflicts) {
        printLine(`  conflict: ${c.audio}, tier "${c.tier}"`);
        printLine(`    here:  ${describeSide(c.ours)}`);
        printLine(`    other: ${describeSide(c.theirs)}`);
      }
    });
}

function agreementSubcommand(): Command {
  return new Command('agreement')
    .description(
      'per pair of annotators: WER between their transcripts and F1 of their entity spans on shared segments',
    )
    .addOption(projectOption())
    .requiredOption('--from <dir>', "the other annotator's project")
    .option('--tier <name>', 'the tier to compare', 'transcript')
    .option('--json', 'print one JSON object')
    .action(async (o: { project: string; from: string; tier: string; json?: boolean }) => {
      const r = await withProject(o.project, { readonly: true }, (p) =>
        annotationAgreement(p, o.from, o.tier),
      );
      if (o.json) {
        printJson(r);
        return;
      }
      printLine(`agreement on tier "${r.tier}" (${r.project} vs ${r.from})`);
      if (r.pairs.length === 0) printLine('  no shared segments');
      for (const p of r.pairs)
        printLine(
          `  ${p.a} vs ${p.b}: ${p.segments} segments, WER ${pct(p.wer)} (${p.wordErrors}/${p.refWords} words), ` +
            `entity F1 by value ${pct(p.byValue.f1)} (${p.byValue.both} of ${p.byValue.a}/${p.byValue.b}), ` +
            `by offsets ${pct(p.byOffsets.f1)} (${p.byOffsets.both} of ${p.byOffsets.a}/${p.byOffsets.b})`,
        );
    });
}

/** `charkha annotations …`: work between annotators' copies of a project. */
export function annotationsCommand(): Command {
  return new Command('annotations')
    .description("merge and compare annotators' copies of the same recordings")
    .addCommand(mergeSubcommand())
    .addCommand(agreementSubcommand());
}
