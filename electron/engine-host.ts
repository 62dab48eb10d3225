// The engine in Electron's utility process: opens one project and serves
// the contract's methods, so SQLite and inference never block the main
// process. Plain Node: no electron import beyond process.parentPort.
import { existsSync } from 'node:fs';
import { isUserError } from '../native/contract/errors.js';
import { EventBus } from '../native/server/events.js';
import { PeaksLevels } from '../native/server/peaks-levels.js';
import { monoCachePath, storedAudioPath } from '../native/service/audio-prepare.js';
import { Service } from '../native/service/service.js';
import { Project } from '../native/store/project.js';
import { ToEngine, type FromEngine } from './engine-protocol.js';

interface ParentPort {
  on(event: 'message', fn: (e: { data: unknown }) => void): void;
  postMessage(message: unknown): void;
}

process.env.ORT_DISABLE_TELEMETRY = '1';
const port = (process as unknown as { parentPort: ParentPort }).parentPort;
const events = new EventBus();
let project: Project | null = null;
let service: Service | null = null;
let peaks: PeaksLevels | null = null;

function send(m: FromEngine): void {
  port.postMessage(m);
}

events.subscribe((event) => send({ kind: 'event', event }));

function useProject(p: Project): unknown {
  service = null;
  project?.close();
  project = p;
  service = new Service(p, events);
  peaks = new PeaksLevels(p);
  return p.info();
}

async function handle(m: ToEngine): Promise<unknown> {
  switch (m.kind) {
    case 'open':
      return useProject(Project.open(m.dir));
    case 'init':
      return useProject(Project.init(m.dir));
    case 'close':
      project?.close();
      project = null;
      service = null;
      peaks = null;
      return null;
    case 'call':
      if (!service) throw new Error('no project is open');
      return service.dispatch(m.method, m.payload);
    case 'peaks':
      if (!peaks) throw new Error('no project is open');
      return peaks.body({ audioId: m.audioId, pixels: m.pixels });
    case 'media': {
      if (!project) throw new Error('no project is open');
      const a = project.audio.get(m.audioId);
      if (!a) return null;
      const path =
        m.variant === '16k'
          ? monoCachePath(project.paths.cache, a.sha256)
          : storedAudioPath(project.paths.audio, a.sha256, a.ext);
      return existsSync(path)
        ? { path, ext: m.variant === '16k' ? '.wav' : a.ext, root: project.paths.root }
        : null;
    }
  }
}

port.on('message', (e) => {
  const parsed = ToEngine.safeParse(e.data);
  if (!parsed.success) return;
  const m = parsed.data;
  handle(m).then(
    (result) => send({ kind: 'reply', id: m.id, ok: true, result }),
    (err: unknown) =>
      send({
        kind: 'reply',
        id: m.id,
        ok: false,
        error: isUserError(err)
          ? { code: err.code, message: err.message, hint: err.hint ?? null }
          : { code: 'internal', message: (err as Error).message, hint: null },
      }),
  );
});

process.on('exit', () => project?.close());
