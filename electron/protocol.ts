import { createReadStream, statSync } from 'node:fs';
import { Readable } from 'node:stream';
import { audioContentType, parseRange, staticContentType } from '../native/server/media.js';
import { isInside, resolveInside } from './app-paths.js';
import { APP_HOST, CSP } from './security.js';

export interface MediaLookup {
  (
    audioId: number,
    variant: 'original' | '16k',
  ): Promise<{ path: string; ext: string; root: string } | null>;
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
 * Serves app://charkha/: the built renderer, and /media/audio/<id> from the
 * open project only (the engine names the file, and the path must stay
 * inside the project folder).
 */
export function appProtocolHandler(rendererRoot: string, media: MediaLookup) {
  return async (request: Request): Promise<Response> => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST) return notFound();
    const m = /^\/media\/audio\/(\d+)(\/16k\.wav)?$/.exec(url.pathname);
    if (m) {
      // No project open, an engine error, a file gone since: all just 404 to the player.
      try {
        const found = await media(Number(m[1]), m[2] ? '16k' : 'original');
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
