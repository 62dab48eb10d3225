import { createReadStream, statSync } from 'node:fs';
import { Readable } from 'node:stream';
import {
  matchMediaRoute,
  PEAKS_CONTENT_TYPE,
  type MediaRoute,
  type PeaksRoute,
} from '../native/contract/media.js';
import { audioContentType, parseRange, staticContentType } from '../native/server/media.js';
import { isInside, resolveInside } from './app-paths.js';
import { APP_HOST, CSP } from './security.js';

export interface MediaLookup {
  (
    audioId: number,
    variant: 'original' | '16k',
  ): Promise<{ path: string; ext: string; root: string } | null>;
}

/** The engine's binary peaks for a recording (the wire form), or null where it has none. */
export interface PeaksLookup {
  (route: PeaksRoute): Promise<Uint8Array | null>;
}

function notFound(): Response {
  return new Response('not found', { status: 404, headers: { 'Content-Security-Policy': CSP } });
}

/** A file as a Response, honouring a Range header so the player can seek. */
export function fileResponse(
  path: string,
  contentType: string,
  rangeHeader: string | null,
): Response {
  const stat = statSync(path);
  // A directory would stat fine and then fail mid-stream.
  if (!stat.isFile()) throw new Error(`not a file: ${path}`);
  const size = stat.size;
  const headers: Record<string, string> = {
    'Content-Type': contentType,
    'Accept-Ranges': 'bytes',
    'Content-Security-Policy': CSP,
    'X-Content-Type-Options': 'nosniff',
  };
  const range = parseRange(rangeHeader ?? undefined, size);
  if (range === 'invalid')
    return new Response(null, {
      status: 416,
      headers: { ...headers, 'Content-Range': `bytes */${size}` },
    });
  const start = range ? range.start : 0;
  const end = range ? range.end : size - 1;
  const body =
    size === 0 ? null : (Readable.toWeb(createReadStream(path, { start, end })) as ReadableStream);
  if (range) headers['Content-Range'] = `bytes ${start}-${end}/${size}`;
  headers['Content-Length'] = String(size === 0 ? 0 : end - start + 1);
  return new Response(body, { status: range ? 206 : 200, headers });
}

/**
 * Serves app://charkha/: the built renderer, /media/audio/<id> from the open
 * project only (the engine names the file, and the path must stay inside
 * the project folder), and /media/peaks/<id> from the engine.
 */
export function appProtocolHandler(rendererRoot: string, media: MediaLookup, peaks: PeaksLookup) {
  return async (request: Request): Promise<Response> => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST) return notFound();
    let route: MediaRoute | null = null;
    try {
      route = matchMediaRoute(url);
    } catch {
      return notFound();
    }
    if (route) {
      // No project open, an engine error, a file gone since: all just 404 to the player.
      try {
        if (route.kind === 'peaks') {
          const body = await peaks(route);
          if (!body) return notFound();
          return new Response(body, {
            status: 200,
            headers: {
              'Content-Type': PEAKS_CONTENT_TYPE,
              'Content-Length': String(body.length),
              'Content-Security-Policy': CSP,
              'X-Content-Type-Options': 'nosniff',
            },
          });
        }
        const found = await media(route.audioId, route.variant);
        if (!found || !isInside(found.root, found.path)) return notFound();
        return fileResponse(found.path, audioContentType(found.ext), request.headers.get('range'));
      } catch {
        return notFound();
      }
    }
    const path = resolveInside(rendererRoot, url.pathname === '/' ? '/index.html' : url.pathname);
    if (!path)
      return new Response('forbidden', {
        status: 403,
        headers: { 'Content-Security-Policy': CSP },
      });
    try {
      return fileResponse(path, staticContentType(path), null);
    } catch {
      return notFound();
    }
  };
}
