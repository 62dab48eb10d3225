import { randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, normalize, resolve, sep } from 'node:path';
import { WebSocketServer } from 'ws';
import { isUserError, UserError } from '../contract/errors.js';
import { matchMediaRoute, PEAKS_CONTENT_TYPE, type MediaRoute } from '../contract/media.js';
import type { Service } from '../service/service.js';
import { monoCachePath, storedAudioPath } from '../service/audio-prepare.js';
import type { EventBus } from './events.js';
import { audioContentType, sendFile, staticContentType } from './media.js';
import { PeaksLevels } from './peaks-levels.js';

export interface ServerOptions {
  service: Service;
  events: EventBus;
  port?: number;
  /** The built renderer (index.html and assets); absent until the desktop issue builds it. */
  rendererDir?: string | null;
  token?: string;
}

export interface RunningServer {
  url: string;
  origin: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

const MAX_BODY = 8 * 1024 * 1024;

function sameToken(given: string | null, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function tokenOf(req: IncomingMessage, url: URL): string | null {
  const auth = req.headers.authorization;
  if (auth?.startsWith('Bearer ')) return auth.slice(7);
  const header = req.headers['x-charkha-token'];
  if (typeof header === 'string') return header;
  return url.searchParams.get('token');
}

function json(res: ServerResponse, status: number, body: unknown): void {
  const data = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
  });
  res.end(data);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new UserError('bad_input', `request body over ${MAX_BODY} bytes`));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolveBody(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

const STATUS: Record<string, number> = {
  not_found: 404,
  locked: 409,
  conflict: 409,
  cancelled: 409,
};

/**
 * The engine over HTTP and WebSocket for browser mode. It listens on
 * 127.0.0.1 only; every API, media and event request must carry the token
 * printed at start, and requests from another origin (or with a Host that
 * is not this server, as in DNS rebinding) are refused.
 */
export async function startServer(opts: ServerOptions): Promise<RunningServer> {
  const token = opts.token ?? randomBytes(24).toString('base64url');
  let port = 0;
  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const allowedOrigins = () => new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);

  const guard = (req: IncomingMessage, url: URL, needToken: boolean): string | null => {
    if (!allowedHosts().has(req.headers.host ?? '')) return 'wrong Host header';
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedOrigins().has(origin))
      return `origin ${origin} is not allowed`;
    if (needToken && !sameToken(tokenOf(req, url), token)) return 'missing or wrong token';
    return null;
  };

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? '127.0.0.1'}`);
    const isApi = url.pathname.startsWith('/api/');
    const isMedia = url.pathname.startsWith('/media/');
    const refused = guard(req, url, isApi || isMedia);
    if (refused)
      return json(res, 403, { ok: false, error: { code: 'forbidden', message: refused } });
    if (isApi) return void handleApi(req, res, url);
    if (isMedia) return handleMedia(req, res, url);
    return handleStatic(req, res, url);
  });

  const handleApi = async (req: IncomingMessage, res: ServerResponse, url: URL) => {
    if (req.method !== 'POST')
      return json(res, 405, { ok: false, error: { code: 'bad_input', message: 'use POST' } });
    try {
      const body = await readBody(req);
      let payload: unknown = {};
      if (body.trim() !== '') {
        try {
          payload = JSON.parse(body);
        } catch {
          throw new UserError('bad_input', 'request body is not valid JSON');
        }
      }
      const result = await opts.service.dispatch(
        decodeURIComponent(url.pathname.slice(5)),
        payload,
      );
      json(res, 200, { ok: true, result });
    } catch (e) {
      if (isUserError(e))
        json(res, STATUS[e.code] ?? 400, {
          ok: false,
          error: { code: e.code, message: e.message, hint: e.hint ?? null },
        });
      else
        json(res, 500, { ok: false, error: { code: 'internal', message: (e as Error).message } });
    }
  };

  const peaks = new PeaksLevels(opts.service.project);
  const notFound = (res: ServerResponse, message: string) =>
    json(res, 404, { ok: false, error: { code: 'not_found', message } });

  const handleMedia = (req: IncomingMessage, res: ServerResponse, url: URL) => {
    let route: MediaRoute | null;
    try {
      route = matchMediaRoute(url);
    } catch (e) {
      if (!isUserError(e)) throw e;
      return json(res, 400, { ok: false, error: { code: e.code, message: e.message } });
    }
    if (!route || (req.method !== 'GET' && req.method !== 'HEAD'))
      return notFound(res, 'no such media');
    if (route.kind === 'peaks') {
      const body = peaks.body(route);
      if (!body) return notFound(res, `no peaks for audio ${route.audioId}`);
      res.writeHead(200, {
        'Content-Type': PEAKS_CONTENT_TYPE,
        'Content-Length': body.length,
        // A recording's peaks never change under its id (the audio is content-addressed).
        'Cache-Control': 'private, max-age=3600',
        'X-Content-Type-Options': 'nosniff',
      });
      return void res.end(req.method === 'HEAD' ? undefined : body);
    }
    const project = opts.service.project;
    const a = project.audio.get(route.audioId);
    if (!a) return notFound(res, `no audio ${route.audioId}`);
    const is16k = route.variant === '16k';
    const path = is16k
      ? monoCachePath(project.paths.cache, a.sha256)
      : storedAudioPath(project.paths.audio, a.sha256, a.ext);
    if (!existsSync(path)) return notFound(res, `audio file missing: ${path}`);
    sendFile(req, res, path, is16k ? 'audio/wav' : audioContentType(a.ext));
  };

  const handleStatic = (req: IncomingMessage, res: ServerResponse, url: URL) => {
    const root = opts.rendererDir ? resolve(opts.rendererDir) : null;
    if (!root || !existsSync(join(root, 'index.html'))) {
      res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Charkha engine is running. The renderer is not built yet: run `npm run build`.\n');
      return;
    }
    const rel = decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname);
    const target = normalize(join(root, rel));
    if (target !== root && !target.startsWith(root + sep))
      return json(res, 403, {
        ok: false,
        error: { code: 'forbidden', message: 'path outside the app' },
      });
    const file =
      existsSync(target) && statSync(target).isFile() ? target : join(root, 'index.html');
    sendFile(req, res, file, staticContentType(file));
  };

  const wss = new WebSocketServer({ noServer: true });
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? '127.0.0.1'}`);
    if (url.pathname !== '/events' || guard(req, url, true)) {
      socket.write('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      const off = opts.events.subscribe((e) => ws.send(JSON.stringify(e)));
      ws.on('close', off);
    });
  });

  await new Promise<void>((ok, fail) => {
    server.once('error', (e: NodeJS.ErrnoException) =>
      fail(
        e.code === 'EADDRINUSE'
          ? new UserError(
              'conflict',
              `port ${opts.port} is already in use`,
              'choose another with --port',
            )
          : e,
      ),
    );
    server.listen(opts.port ?? 0, '127.0.0.1', () => ok());
  });
  port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/?token=${token}`,
    origin,
    token,
    port,
    close: () =>
      new Promise<void>((ok) => {
        for (const c of wss.clients) c.terminate();
        wss.close();
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
