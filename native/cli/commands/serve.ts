import { Command, Option } from 'commander';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../package-root.js';
import { EventBus } from '../../server/events.js';
import { startServer } from '../../server/server.js';
import { Service } from '../../service/service.js';
import { Project } from '../../store/project.js';
import { printJson, printLine } from '../output.js';
import { projectOption } from '../project-option.js';

/** The built renderer, if `npm run build` has built it. */
export function defaultRendererDir(): string | null {
  const p = join(packageRoot(), 'renderer', 'dist');
  return existsSync(join(p, 'index.html')) ? p : null;
}

export function serveCommand(): Command {
  return new Command('serve')
    .description(
      'serve the app and the engine on 127.0.0.1 for browser mode (prints a URL with a token)',
    )
    .addOption(projectOption())
    .addOption(
      new Option('--port <n>', 'port to listen on (default: any free port)').argParser((v) =>
        Number(v),
      ),
    )
    .option('--json', 'print one JSON object with the URL and token')
    .action(async (o: { project: string; port?: number; json?: boolean }) => {
      const project = Project.open(o.project);
      const events = new EventBus();
      const server = await startServer({
        service: new Service(project, events),
        events,
        port: o.port,
        rendererDir: defaultRendererDir(),
      });
      if (o.json)
        printJson({
          url: server.url,
          origin: server.origin,
          token: server.token,
          port: server.port,
        });
      else
        printLine(`Charkha is serving ${project.paths.root}\nopen ${server.url}\n(Ctrl-C to stop)`);
      await new Promise<void>((done) => {
        const stop = () => {
          void server.close().then(() => {
            project.close();
            done();
          });
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });
}
