/**
 * The Models screen's Download against a hub on 127.0.0.1 that serves a
 * fixture model under a real catalog entry's paths, answers Range requests,
 * and cuts chosen responses off halfway through.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { EngineEvent } from '../../../native/contract/jobs.js';
import { EventBus } from '../../../native/server/events.js';
import { Service } from '../../../native/service/service.js';
import { Project } from '../../../native/store/project.js';
import { closeInferenceWorker } from '../../../native/workers/inference.js';
import { saveEnv } from '../../helpers/env.js';

const FIXTURE = join(import.meta.dirname, '../../fixtures/models/piper-tiny');
const ID = 'piper-hi_IN-pratham-medium';
const PREFIX = '/rhasspy/piper-voices/resolve/main/hi/hi_IN/pratham/medium';
const ONNX = `${PREFIX}/hi_IN-pratham-medium.onnx`;
const restoreEnv = saveEnv('CHARKHA_MODELS', 'CHARKHA_HF_ENDPOINT');

interface Hit {
  method: string;
  url: string;
  range: string | null;
}

describe('downloading a catalog model from the Models screen', () => {
  let dir: string;
  let server: Server;
  let project: Project;
  const events = new EventBus();
  const seen: EngineEvent[] = [];
  const hits: Hit[] = [];
  const files = new Map<string, Buffer>();
  /** How many more responses of each URL are cut off halfway. */
  const drops = new Map<string, number>();

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'charkha-download-'));
    files.set(ONNX, readFileSync(join(FIXTURE, 'hi_IN-tiny-x_low.onnx')));
    files.set(`${ONNX}.json`, readFileSync(join(FIXTURE, 'hi_IN-tiny-x_low.onnx.json')));
    files.set(`${PREFIX}/MODEL_CARD`, Buffer.from('# a test voice\n'));
    server = createServer((req, res) => {
      const url = req.url ?? '';
      const range = req.headers.range ?? null;
      hits.push({ method: req.method ?? '', url, range });
      const body = files.get(url);
      if (!body) return void res.writeHead(404).end();
      const m = /^bytes=(\d+)-$/.exec(range ?? '');
      const start = m ? Number(m[1]) : 0;
      const slice = body.subarray(start);
      res.writeHead(m ? 206 : 200, {
        'content-length': slice.length,
        'accept-ranges': 'bytes',
        ...(m ? { 'content-range': `bytes ${start}-${body.length - 1}/${body.length}` } : {}),
      });
      if (req.method === 'HEAD') return void res.end();
      const left = drops.get(url) ?? 0;
      if (left > 0) {
        drops.set(url, left - 1);
        return void res.write(slice.subarray(0, slice.length >> 1), () => res.socket?.destroy());
      }
      res.end(slice);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    process.env.CHARKHA_MODELS = join(dir, 'home');
    process.env.CHARKHA_HF_ENDPOINT = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    project = Project.init(join(dir, 'p'));
    events.subscribe((e) => seen.push(e));
  });

  afterAll(async () => {
    project.close();
    await closeInferenceWorker();
    await new Promise((r) => server.close(r));
    rmSync(dir, { recursive: true, force: true });
    restoreEnv();
  });

  it('touches the network only when Download is pressed', async () => {
    const spy = vi.spyOn(globalThis, 'fetch');
    try {
      const service = new Service(project, events);
      await service.dispatch('models.list', {});
      await service.dispatch('generate.options', {});
      await service.dispatch('models.import', { path: FIXTURE });
      await service.dispatch('models.verify', { id: 'piper-tiny' });
      await service.dispatch('models.remove', { id: 'piper-tiny' });
      expect(spy).not.toHaveBeenCalled();
      expect(hits).toEqual([]);
    } finally {
      spy.mockRestore();
    }
  });

  it('resumes a file cut off mid-way with a Range request, reports progress, and the model verifies', async () => {
    const service = new Service(project, events);
    drops.set(ONNX, 1);
    seen.length = 0;
    const r = (await service.dispatch('models.download', { id: ID })) as { dir: string };
    expect(r.dir).toBe(join(dir, 'home', ID));

    const onnx = hits.filter((h) => h.url === ONNX && h.method === 'GET');
    expect(onnx).toHaveLength(2);
    expect(onnx[0].range).toBeNull();
    const from = Number(/^bytes=(\d+)-$/.exec(onnx[1].range ?? '')?.[1]);
    expect(from).toBeGreaterThan(0);
    expect(from).toBeLessThan(files.get(ONNX)!.length);
    expect(readFileSync(join(r.dir, 'hi/hi_IN/pratham/medium/hi_IN-pratham-medium.onnx'))).toEqual(
      files.get(ONNX),
    );

    const progress = seen.filter(
      (e): e is Extract<EngineEvent, { kind: 'progress' }> =>
        e.kind === 'progress' && e.task === `download ${ID}`,
    );
    const ofOnnx = progress.filter((p) => p.message?.endsWith('hi_IN-pratham-medium.onnx'));
    expect(ofOnnx.length).toBeGreaterThan(1);
    expect(ofOnnx.at(-1)).toMatchObject({
      done: files.get(ONNX)!.length,
      total: files.get(ONNX)!.length,
    });
    // The resumed response counts on from the bytes already on disk, never back from zero.
    const dones = ofOnnx.map((p) => p.done);
    expect(dones).toEqual([...dones].sort((a, b) => a - b));
    expect(progress.at(-1)?.message).toMatch(/^file 3 of 3/);

    const check = (await service.dispatch('models.verify', { id: ID })) as {
      ok: boolean;
      checks: { kind: string; ok: boolean }[];
    };
    expect(check.ok).toBe(true);
    expect(check.checks.some((c) => c.kind === 'load' && c.ok)).toBe(true);
    const list = (await service.dispatch('models.list', {})) as {
      catalog: { id: string; installed: boolean }[];
    };
    expect(list.catalog.find((m) => m.id === ID)?.installed).toBe(true);
    await service.dispatch('models.remove', { id: ID });
  });

  it('keeps what arrived when every try is cut off, and the next Download resumes from it', async () => {
    const service = new Service(project, events);
    drops.set(ONNX, 10);
    hits.length = 0;
    await expect(service.dispatch('models.download', { id: ID })).rejects.toThrow(
      /failed after \d+ tries/,
    );
    const staging = join(dir, 'home', `.downloading-${ID}`);
    expect(
      existsSync(join(staging, 'hi/hi_IN/pratham/medium/hi_IN-pratham-medium.onnx.part')),
    ).toBe(true);
    expect(existsSync(join(dir, 'home', ID))).toBe(false);

    drops.set(ONNX, 0);
    hits.length = 0;
    await service.dispatch('models.download', { id: ID });
    const onnx = hits.filter((h) => h.url === ONNX && h.method === 'GET');
    expect(onnx).toHaveLength(1);
    expect(onnx[0].range).toMatch(/^bytes=[1-9]\d*-$/);
    expect(existsSync(staging)).toBe(false);
    expect(((await service.dispatch('models.verify', { id: ID })) as { ok: boolean }).ok).toBe(
      true,
    );
  });
});
