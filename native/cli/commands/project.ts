import { Command } from 'commander';
import { Project } from '../../store/project.js';
import { formatBytes, printJson, printLine } from '../output.js';
import { projectOption, withProject } from '../project-option.js';

export function projectCommand(): Command {
  const cmd = new Command('project').description('create, inspect and back up projects');

  cmd
    .command('init')
    .description('create a project folder (charkha.db and audio/)')
    .argument('<dir>', 'the folder to create')
    .option('--json', 'print one JSON object')
    .action((dir: string, o: { json?: boolean }) => {
      const p = Project.init(dir);
      const info = p.info();
      p.close();
      if (o.json) printJson({ created: info.path, schemaVersion: info.schemaVersion });
      else printLine(`created project ${info.path} (schema ${info.schemaVersion})`);
    });

  cmd
    .command('info')
    .description('schema version, counts and size on disk')
    .addOption(projectOption())
    .option('--json', 'print one JSON object')
    .action(async (o: { project: string; json?: boolean }) => {
      const info = await withProject(o.project, { readonly: true }, (p) => p.info());
      if (o.json) return printJson(info);
      printLine(`project      ${info.path}`);
      printLine(
        `schema       ${info.schemaVersion} (this Charkha writes ${info.charkhaSchemaVersion})`,
      );
      printLine(`created      ${info.createdAt ?? 'unknown'}`);
      const c = info.counts;
      printLine(`audio        ${c.audio}`);
      printLine(`utterances   ${c.utterances}`);
      printLine(`entities     ${c.entities}`);
      printLine(`runs         ${c.runs}`);
      printLine(`jobs         ${c.jobs}`);
      printLine(
        `size         ${formatBytes(info.sizeBytes)} (database ${formatBytes(info.databaseBytes)}, audio ${formatBytes(info.audioBytes)})`,
      );
    });

  cmd
    .command('backup')
    .description('a consistent copy of the project, even while it is open (VACUUM INTO)')
    .addOption(projectOption())
    .argument('<out>', 'the folder to write the copy to (must not hold a project)')
    .option('--json', 'print one JSON object')
    .action(async (out: string, o: { project: string; json?: boolean }) => {
      const r = await withProject(o.project, { readonly: true }, (p) => p.backup(out));
      if (o.json) printJson({ backup: r.path });
      else printLine(`backed up to ${r.path}`);
    });

  return cmd;
}
