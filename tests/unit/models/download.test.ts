/**
 * Resumable, checksummed download against a local HTTP server that serves
 * Range requests and drops the connection halfway through the first response.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Catalog } from '../../../native/models/catalog.js';
import { downloadFile } from '../../../native/models/download.js';
import { downloadModel } from '../../../native/models/download-model.js';
import { ModelRegistry } from '../../../native/models/registry.js';
import { closeInferenceWorker } from '../../../native/workers/inference.js';
import { fixtureDir, tempDir } from './fixtures.js';

const BLOB = randomBytes(300_000);
const sha = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

interface Hit {
  url: string;
  range?: string;
}

let server: Server;
let base: string;
const hits: Hit[] = [];
/** URLs whose first response is cut off halfway. */
const dropFirst = new Set<string>();
const files = new Map<string, Buffer>();

beforeAll(async () => {
  files.set('/blob.bin', BLOB);
  files.set('/blob-wrong-offset.bin', BLOB);
  for (const f of ['hi_IN-tiny-x_low.onnx', 'hi_IN-tiny-x_low.onnx.json']) {
    files.set(`/test/piper/resolve/v1/${f}`, readFileSync(join(fixtureDir('piper-tiny'), f)));
  }
  server = createServer((req, res) => {
    const url = req.url ?? '';
    hits.push({ url, range: req.headers.range });
    const body = files.get(url);
    if (!body) {
      res.writeHead(404).end();
      return;
    }
    let start = 0;
    const m = /^bytes=(\d+)-$/.exec(req.headers.range ?? '');
    if (m) start = Number(m[1]);
    // A broken server that answers every Range request from byte 100.
    if (m && url === '/blob-wrong-offset.bin') start = 100;
    const slice = body.subarray(start);
    res.writeHead(m ? 206 : 200, {
      'content-length': slice.length,
      ...(m ? { 'content-range': `bytes ${start}-${body.length - 1}/${body.length}` } : {}),
    });
    if (dropFirst.delete(url)) {
      res.write(slice.subarray(0, Math.floor(slice.length / 2)), () => res.socket?.destroy());
      return;
    }
    res.end(slice);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await closeInferenceWorker();
  await new Promise((r) => server.close(r));
});

describe('downloadFile', () => {
  it('resumes with a Range request after the connection drops, and checks the sha256', async () => {
    const dir = tempDir();
    dropFirst.add('/blob.bin');
    hits.length = 0;
    const progress: number[] = [];
    const got = await downloadFile(`${base}/blob.bin`, join(dir, 'blob.bin'), {
      sha256: sha(BLOB),
      size: BLOB.length,
      retryDelayMs: 0,
      onProgress: (p) => progress.push(p.done),
    });
    expect(got.attempts).toBe(2);
    expect(hits[0].range).toBeUndefined();
    expect(hits[1].range).toMatch(/^bytes=\d+-$/);
    expect(Number(/\d+/.exec(hits[1].range ?? '')?.[0])).toBeGreaterThan(0);
    expect(readFileSync(join(dir, 'blob.bin')).equals(BLOB)).toBe(true);
    expect(existsSync(join(dir, 'blob.bin.part'))).toBe(false);
    expect(progress.at(-1)).toBe(BLOB.length);
    rmSync(dir, { recursive: true, force: true });
  });

  it('resumes a .part left by an earlier run', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'blob.bin.part'), BLOB.subarray(0, 1000));
    hits.length = 0;
    await downloadFile(`${base}/blob.bin`, join(dir, 'blob.bin'), { sha256: sha(BLOB) });
    expect(hits).toEqual([{ url: '/blob.bin', range: 'bytes=1000-' }]);
    expect(readFileSync(join(dir, 'blob.bin')).equals(BLOB)).toBe(true);
    rmSync(dir, { recursive: true, force: true });
  });

  it('starts over when a server resumes from another byte than it was asked for', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'blob.bin.part'), BLOB.subarray(0, 1000));
    hits.length = 0;
    const got = await downloadFile(`${base}/blob-wrong-offset.bin`, join(dir, 'blob.bin'), {
      sha256: sha(BLOB),
      retryDelayMs: 0,
    });
    expect(hits.map((h) => h.range)).toEqual(['bytes=1000-', undefined]);
    expect(got.attempts).toBe(2);
    expect(readFileSync(join(dir, 'blob.bin')).equals(BLOB)).toBe(true);
  });

  it('refuses and removes a download whose checksum is wrong', async () => {
    const dir = tempDir();
    await expect(
      downloadFile(`${base}/blob.bin`, join(dir, 'blob.bin'), { sha256: '0'.repeat(64) }),
    ).rejects.toThrow(/sha256 is [0-9a-f]{64}, expected 0{64}/);
    expect(existsSync(join(dir, 'blob.bin'))).toBe(false);
    expect(existsSync(join(dir, 'blob.bin.part'))).toBe(false);
    rmSync(dir, { recursive: true, force: true });
  });

  it('a missing file is a user error, not retried', async () => {
    const dir = tempDir();
    hits.length = 0;
    await expect(downloadFile(`${base}/nope`, join(dir, 'x'))).rejects.toThrow(/HTTP 404/);
    expect(hits).toHaveLength(1);
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('downloadModel', () => {
  it('downloads a catalog model into the model home, records checksums, and it opens', async () => {
    const home = tempDir();
    const catalog: Catalog = {
      models: [
        {
          id: 'piper-test',
          task: 'tts',
          family: 'piper',
          languages: ['hi'],
          source: { hub: 'huggingface', repo: 'test/piper', revision: 'v1' },
          licence: 'GPL-3.0-or-later',
          nonCommercial: false,
          exportRequired: false,
          files: [
            { path: 'hi_IN-tiny-x_low.onnx', role: 'model', sha256: null },
            { path: 'hi_IN-tiny-x_low.onnx.json', role: 'config', sha256: null },
          ],
        },
      ],
    };
    dropFirst.add('/test/piper/resolve/v1/hi_IN-tiny-x_low.onnx');
    const seen: string[] = [];
    const r = await downloadModel('piper-test', {
      home,
      catalog,
      endpoint: base,
      retryDelayMs: 0,
      onProgress: (p) => seen.push(p.file),
    });
    expect(new Set(seen)).toEqual(new Set(['hi_IN-tiny-x_low.onnx', 'hi_IN-tiny-x_low.onnx.json']));
    expect(r.manifest.files[0].sha256).toBe(
      sha(readFileSync(join(fixtureDir('piper-tiny'), 'hi_IN-tiny-x_low.onnx'))),
    );
    const reg = new ModelRegistry({ home });
    expect((await reg.verify('piper-test')).ok).toBe(true);
    await (await reg.open('piper-test')).close();
    await expect(downloadModel('piper-test', { home, catalog, endpoint: base })).rejects.toThrow(
      /already installed/,
    );
    rmSync(home, { recursive: true, force: true });
  });
});
