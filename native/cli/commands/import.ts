import { Command } from 'commander';
import { importAudio } from '../../service/import-audio.js';
import { importCorpus } from '../../service/import-corpus.js';
import { importAnnotationsCommand } from './annotations-io.js';
import { printJson, printLine } from '../output.js';
import { progressBar } from '../progress.js';
import { projectOption, withProject } from '../project-option.js';

export function importCommand(): Command {
  const cmd = new Command('import').description('bring audio and corpora into a project');

  cmd
    .command('audio')
    .description('import WAV, MP3, FLAC or Ogg files (folders are searched recursively)')
    .addOption(projectOption())
    .argument('<paths...>', 'files or folders')
    .option('--system <name>', 'the TTS system that produced this audio, if any')
    .option('--json', 'print one JSON object')
    .action(async (paths: string[], o: { project: string; system?: string; json?: boolean }) => {
      const bar = progressBar('audio', Boolean(o.json));
      const r = await withProject(o.project, {}, (p, signal) =>
        importAudio(p, paths, {
          system: o.system ?? null,
          signal,
          onProgress: (x) => bar.update(x),
        }),
      );
      bar.stop();
      if (o.json) printJson(r);
      else {
        printLine(
          `imported ${r.imported.length}, already there ${r.existing.length}, failed ${r.failed.length}`,
        );
        for (const f of r.failed) printLine(`  skipped ${f.path}: ${f.reason}`);
      }
      // Partial success still exits 1: the files that were fine have landed, but a script must notice the rest.
      if (r.failed.length > 0) process.exitCode = 1;
    });

  cmd
    .command('corpus')
    .description('import a JSONL corpus (id, lang, text, entity_tokens, optional audio_path)')
    .addOption(projectOption())
    .argument('<file>', 'the .jsonl file')
    .option(
      '--audio-root <dir>',
      "folder that audio_path values are relative to (default: the file's folder)",
    )
    .option('--system <name>', "the TTS system that produced the rows' audio")
    .option(
      '--without-audio',
      'import text and spans only, keeping audio_path as given (audio not redistributed)',
    )
    .option('--json', 'print one JSON object')
    .action(
      async (
        file: string,
        o: {
          project: string;
          audioRoot?: string;
          system?: string;
          withoutAudio?: boolean;
          json?: boolean;
        },
      ) => {
        const bar = progressBar('rows', Boolean(o.json));
        const r = await withProject(o.project, {}, (p, signal) =>
          importCorpus(p, file, {
            audioRoot: o.audioRoot,
            system: o.system ?? null,
            withoutAudio: o.withoutAudio,
            signal,
            onProgress: (x) => bar.update(x),
          }),
        );
        bar.stop();
        if (o.json) printJson(r);
        else {
          printLine(
            `${r.rows} rows: imported ${r.imported}, unchanged ${r.unchanged}, with problems ${r.problems.length}; ${r.entities} entities, ${r.audio} new audio files`,
          );
          for (const p of r.problems.slice(0, 50))
            printLine(`  ${file}:${p.line}${p.id ? ` (${p.id})` : ''}: ${p.reason}`);
          if (r.problems.length > 50)
            printLine(`  … and ${r.problems.length - 50} more (use --json for all)`);
        }
        if (r.problems.length > 0) process.exitCode = 1;
      },
    );

  cmd.addCommand(importAnnotationsCommand());

  return cmd;
}
