import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  appProtocolHandler,
  fileResponse,
  type MediaLookup,
  type PeaksLookup,
} from '../../../electron/protocol.js';
import { CSP } from '../../../electron/security.js';

const dir = mkdtempSync(join(tmpdir(), 'charkha-protocol-'));
const renderer = join(dir, 'renderer');
const project = join(dir, 'project');
const outside = join(dir, 'outside');
for (const d of [renderer, join(renderer, 'assets'), join(project, 'audio'), outside])
  mkdirSync(d, { recursive: true });
writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>Charkha</title>');
writeFileSync(join(renderer, 'assets', 'app.js'), 'console.log(1)');
writeFileSync(join(dir, 'secret.txt'), 'secret');
const bytes = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 256));
const inProject = join(project, 'audio', 'a.wav');
const outOfProject = join(outside, 'b.wav');
writeFileSync(inProject, bytes);
writeFileSync(outOfProject, bytes);

describe('fileResponse', () => {
  it('serves a whole file with its length and the CSP', async () => {
    const r = fileResponse(inProject, 'audio/wav', null);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-length')).toBe('1000');
    expect(r.headers.get('accept-ranges')).toBe('bytes');
    expect(r.headers.get('content-security-policy')).toBe(CSP);
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await r.arrayBuffer())).toEqual(bytes);
  });

  it('answers a range with 206 and Content-Range', async () => {
    const r = fileResponse(inProject, 'audio/wav', 'bytes=100-199');
    expect(r.status).toBe(206);
    expect(r.headers.get('content-range')).toBe('bytes 100-199/1000');
    expect(r.headers.get('content-length')).toBe('100');
    expect(Buffer.from(await r.arrayBuffer())).toEqual(bytes.subarray(100, 200));
  });

  it('answers open-ended and suffix ranges', async () => {
    const open = fileResponse(inProject, 'audio/wav', 'bytes=990-');
    expect(open.status).toBe(206);
    expect(open.headers.get('content-range')).toBe('bytes 990-999/1000');
    expect(Buffer.from(await open.arrayBuffer())).toEqual(bytes.subarray(990));
    const suffix = fileResponse(inProject, 'audio/wav', 'bytes=-10');
    expect(suffix.headers.get('content-range')).toBe('bytes 990-999/1000');
    // An end past the file is clamped to it.
    const clamped = fileResponse(inProject, 'audio/wav', 'bytes=900-5000');
    expect(clamped.headers.get('content-range')).toBe('bytes 900-999/1000');
    await suffix.arrayBuffer();
    await clamped.arrayBuffer();
  });

  it('answers 416 for a range beyond the end', () => {
    for (const range of ['bytes=1000-', 'bytes=5000-6000', 'bytes=-']) {
      const r = fileResponse(inProject, 'audio/wav', range);
      expect(r.status).toBe(416);
      expect(r.headers.get('content-range')).toBe('bytes */1000');
    }
  });

  it('refuses a directory', () => {
    expect(() => fileResponse(renderer, 'text/html', null)).toThrow(/not a file/);
  });
});

describe('appProtocolHandler', () => {
  const lookups: unknown[] = [];
  const media: MediaLookup = async (audioId, variant) => {
    lookups.push([audioId, variant]);
    if (audioId === 1) return { path: inProject, ext: '.wav', root: project };
    // The engine (wrongly) names a file outside the project.
    if (audioId === 2) return { path: outOfProject, ext: '.wav', root: project };
    if (audioId === 3)
      return { path: join(project, '..', 'outside', 'b.wav'), ext: '.wav', root: project };
    if (audioId === 4) throw new Error('no project is open');
    return null;
  };
  const peaksAsked: unknown[] = [];
  const peaks: PeaksLookup = async (route) => {
    peaksAsked.push(route);
    if (route.audioId === 1) return Uint8Array.from([1, 2, 3, 4]);
    if (route.audioId === 4) throw new Error('no project is open');
    return null;
  };
  const handle = appProtocolHandler(renderer, media, peaks);
  const get = (url: string, headers: Record<string, string> = {}) =>
    handle(new Request(url, { headers }));

  it('serves the renderer, with index.html for /', async () => {
    const index = await get('app://charkha/');
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(index.headers.get('content-security-policy')).toBe(CSP);
    expect(await index.text()).toContain('<title>Charkha</title>');
    const js = await get('app://charkha/assets/app.js');
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    await js.text();
  });

  it('streams project audio with ranges', async () => {
    const r = await get('app://charkha/media/audio/1', { range: 'bytes=0-9' });
    expect(r.status).toBe(206);
    expect(Buffer.from(await r.arrayBuffer())).toEqual(bytes.subarray(0, 10));
    const cache = await get('app://charkha/media/audio/1/16k.wav');
    expect(cache.status).toBe(200);
    await cache.arrayBuffer();
    expect(lookups).toContainEqual([1, '16k']);
  });

  it('refuses media outside the project, unknown ids and engine errors with 404', async () => {
    for (const id of [2, 3, 4, 99]) {
      const r = await get(`app://charkha/media/audio/${id}`);
      expect(r.status).toBe(404);
      expect(await r.text()).not.toContain('\u0000');
    }
    // Only numeric ids reach the engine.
    const before = lookups.length;
    expect((await get('app://charkha/media/audio/..%2F..%2Fsecret.txt')).status).not.toBe(200);
    expect((await get('app://charkha/media/audio/1abc')).status).not.toBe(200);
    expect(lookups.length).toBe(before);
  });

  it('serves binary peaks from the engine through the typed media route', async () => {
    const r = await get('app://charkha/media/peaks/1?px=1440');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/octet-stream');
    expect(r.headers.get('content-security-policy')).toBe(CSP);
    expect([...new Uint8Array(await r.arrayBuffer())]).toEqual([1, 2, 3, 4]);
    expect(peaksAsked).toContainEqual({ kind: 'peaks', audioId: 1, pixels: 1440 });
  });

  it('answers 404 for missing peaks, engine errors and a bad width, asking the engine only for good ones', async () => {
    const before = peaksAsked.length;
    for (const url of [
      'app://charkha/media/peaks/99?px=100',
      'app://charkha/media/peaks/4?px=100',
      'app://charkha/media/peaks/1',
      'app://charkha/media/peaks/1?px=0',
      'app://charkha/media/peaks/1?px=-5',
      'app://charkha/media/peaks/1?px=1e3',
    ]) {
      const r = await get(url);
      expect(r.status, url).toBe(404);
      await r.text();
    }
    // 99 and 4 reach the engine; the four bad widths do not.
    expect(peaksAsked.length - before).toBe(2);
  });

  it('refuses renderer paths outside the root', async () => {
    for (const p of [
      '/..%2fsecret.txt',
      '/%2e%2e%2fsecret.txt',
      '/assets%2f..%2f..%2fsecret.txt',
      '/..%5csecret.txt',
      '/%00index.html',
    ]) {
      const r = await get(`app://charkha${p}`);
      expect([403, 404]).toContain(r.status);
      expect(await r.text()).not.toBe('secret');
    }
    // The URL parser already folds plain `..` into the root: still never the secret.
    const dotted = await get('app://charkha/../secret.txt');
    expect(await dotted.text()).not.toBe('secret');
  });

  it('answers 404 for missing files, folders and other hosts', async () => {
    expect((await get('app://charkha/nope.js')).status).toBe(404);
    expect((await get('app://charkha/assets')).status).toBe(404);
    expect((await get('app://evil/index.html')).status).toBe(404);
  });
});
