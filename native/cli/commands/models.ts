import { Command, Option } from 'commander';
import { UserError } from '../../contract/errors.js';
import { readCatalog } from '../../models/catalog.js';
import { downloadModel } from '../../models/download-model.js';
import { importModel } from '../../models/import.js';
import { projectModelRows } from '../../models/project-models.js';
import { ModelRegistry } from '../../models/registry.js';
import type { ModelEntry } from '../../models/registry.js';
import { Project } from '../../store/project.js';
import { closeInferenceWorker } from '../../workers/inference.js';
import { EXIT_USER, formatBytes, printJson, printLine } from '../output.js';
import { progressBar } from '../progress.js';

interface JsonFlag {
  json?: boolean;
}

function entryJson(m: ModelEntry): Record<string, unknown> {
  const { manifest } = m;
  return {
    id: m.id,
    task: manifest.task,
    family: manifest.family,
    languages: manifest.languages,
    licence: manifest.licence ?? null,
    nonCommercial: manifest.nonCommercial ?? false,
    origin: m.origin,
    dir: m.dir,
    sizeBytes: manifest.files.reduce((n, f) => n + (f.size ?? 0), 0),
  };
}

/** The registry, with a project's models table when `-p` is given. */
function registry(projectDir?: string): ModelRegistry {
  if (!projectDir) return new ModelRegistry();
  return new ModelRegistry({
    projectModels: () => {
      const p = Project.open(projectDir, { readonly: true });
      try {
        return projectModelRows(p.db, p.paths.root);
      } finally {
        p.close();
      }
    },
  });
}

/** `charkha models …`: the model registry from a terminal. */
export function modelsCommand(): Command {
  const cmd = new Command('models').description(
    'list, import, verify, download and remove models (in $CHARKHA_MODELS or ~/.local/share/charkha/models)',
  );

  cmd
    .command('list')
    .description(
      "installed models (and a project's own with -p); --catalog lists the known public models",
    )
    .addOption(new Option('-p, --project <dir>', 'also list models registered in this project'))
    .option('--catalog', 'list models/catalog.json instead, marking those installed')
    .option('--json', 'print one JSON object')
    .action(async (o: JsonFlag & { project?: string; catalog?: boolean }) => {
      const reg = registry(o.project);
      const { models, broken } = await reg.list();
      if (o.catalog) {
        const installed = new Set(models.map((m) => m.id));
        const rows = readCatalog().models.map((m) => ({
          id: m.id,
          task: m.task,
          family: m.family,
          languages: m.languages,
          licence: m.licence,
          nonCommercial: m.nonCommercial,
          exportRequired: m.exportRequired,
          repo: m.source.repo,
          installed: installed.has(m.id),
        }));
        if (o.json) return printJson({ models: rows });
        for (const r of rows) {
          const flags = [
            r.nonCommercial ? 'non-commercial' : '',
            r.exportRequired ? 'needs ONNX export' : '',
            r.installed ? 'installed' : '',
          ]
            .filter(Boolean)
            .join(', ');
          printLine(
            `${r.id.padEnd(32)} ${r.task.padEnd(4)} ${r.family.padEnd(13)} ${r.licence}${flags ? ` (${flags})` : ''}`,
          );
        }
        return;
      }
      if (o.json) return printJson({ home: reg.home, models: models.map(entryJson), broken });
      if (models.length === 0) printLine(`no models in ${reg.home}`);
      for (const m of models.map(entryJson)) {
        printLine(
          `${String(m.id).padEnd(32)} ${String(m.task).padEnd(4)} ${String(m.family).padEnd(13)} ${(m.languages as string[]).join(',').padEnd(10)} ${formatBytes(m.sizeBytes as number)}${m.origin === 'project' ? ' (project)' : ''}`,
        );
      }
      for (const b of broken)
        process.stderr.write(`charkha: not a usable model: ${b.dir}: ${b.problem}\n`);
    });

  cmd
    .command('import')
    .description(
      'copy a model folder or a .zip/.tar/.tar.gz archive into the model folder (offline)',
    )
    .argument('<source>', 'a model folder or archive')
    .option('--id <id>', "install under this id (default: the manifest's, or the folder name)")
    .option('--family <family>', 'the model family when the folder has no manifest.json')
    .option('--language <code...>', 'languages, when the folder has no manifest.json')
    .option('--replace', 'replace an installed model with the same id')
    .option('--json', 'print one JSON object')
    .action(
      async (
        source: string,
        o: JsonFlag & { id?: string; family?: string; language?: string[]; replace?: boolean },
      ) => {
        const r = await importModel(source, {
          id: o.id,
          family: o.family,
          languages: o.language,
          replace: o.replace,
        });
        if (o.json)
          printJson({
            imported: r.id,
            dir: r.dir,
            family: r.manifest.family,
            files: r.manifest.files.length,
          });
        else
          printLine(
            `imported ${r.id} (${r.manifest.family}, ${r.manifest.files.length} files) into ${r.dir}`,
          );
      },
    );

  cmd
    .command('verify')
    .description('check every file of a model against its recorded size and sha256')
    .argument('<id>', 'model id')
    .option('--json', 'print one JSON object')
    .action(async (id: string, o: JsonFlag) => {
      const report = await new ModelRegistry().verify(id);
      const bad = report.files.filter((f) => !f.ok).map((f) => f.path);
      const message = `model ${id}: ${bad.join(', ')} failed verification`;
      if (o.json) {
        // One JSON object, the report, with the error in it; the exit code says the rest.
        printJson(report.ok ? report : { ...report, error: { code: 'model_invalid', message } });
        if (!report.ok) process.exitCode = EXIT_USER;
        return;
      }
      for (const f of report.files)
        printLine(`${f.ok ? 'ok  ' : 'BAD '} ${f.path}${f.problem ? `: ${f.problem}` : ''}`);
      if (!report.ok) throw new UserError('model_invalid', message, 're-import or re-download it');
    });

  cmd
    .command('check')
    .description("load a model's ONNX files and check their inputs and outputs against its family")
    .argument('<id>', 'model id')
    .option('--json', 'print one JSON object')
    .action(async (id: string, o: JsonFlag) => {
      try {
        const m = await new ModelRegistry().open(id);
        const sessions = Object.fromEntries(
          Object.entries(m.sessions).map(([role, s]) => [
            role,
            { inputs: s.inputNames, outputs: s.outputNames },
          ]),
        );
        await m.close();
        if (o.json) printJson({ id, ok: true, sessions });
        else printLine(`${id}: ok (${Object.keys(sessions).join(', ')})`);
      } finally {
        await closeInferenceWorker();
      }
    });

  cmd
    .command('download')
    .description(
      'download a catalog model (resumable, checksummed); the only command that uses the network',
    )
    .argument('<id>', 'catalog id (see `charkha models list --catalog`)')
    .option('--json', 'print one JSON object at the end')
    .action(async (id: string, o: JsonFlag) => {
      const bar = progressBar(`download ${id}`, o.json === true);
      const controller = new AbortController();
      const onSigint = (): void => controller.abort();
      process.on('SIGINT', onSigint);
      let r;
      try {
        r = await downloadModel(id, {
          signal: controller.signal,
          onProgress: (p) =>
            bar.update({
              done: p.done,
              total: p.total ?? null,
              message: `${p.fileIndex + 1}/${p.files} ${p.file}`,
            }),
        });
      } finally {
        bar.stop();
        process.off('SIGINT', onSigint);
      }
      if (o.json) printJson({ downloaded: r.id, dir: r.dir, files: r.manifest.files });
      else printLine(`downloaded ${r.id} into ${r.dir}`);
    });

  cmd
    .command('remove')
    .description('delete an installed model from the model folder')
    .argument('<id>', 'model id')
    .option('--json', 'print one JSON object')
    .action(async (id: string, o: JsonFlag) => {
      const m = await new ModelRegistry().remove(id);
      if (o.json) printJson({ removed: m.id, dir: m.dir });
      else printLine(`removed ${m.id} (${m.dir})`);
    });

  return cmd;
}
