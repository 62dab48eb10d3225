import { writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { encodeWav } from '../../../native/audio/wav.js';
import { EventBus } from '../../../native/server/events.js';
import { startServer, type RunningServer } from '../../../native/server/server.js';
import { decodeWirePeaks } from '../../../renderer/bridge/peaks-wire.js';
import { importAudio } from '../../../native/service/import-audio.js';
import { Service } from '../../../native/service/service.js';
import { Project } from '../../../native/store/project.js';
import { tempDir } from '../../helpers/temp.js';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

function send(
  url: string,
  opts: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: opts.method ?? 'GET', headers: opts.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    });
    req.on('error', reject);
    if (opts.body) req.write(opts.body);
    req.end();
  });
}

let running: { server: RunningServer; project: Project; events: EventBus } | null = null;

async function start() {
  const dir = tempDir();
  const project = Project.init(join(dir, 'p'));
  const samples = new Float32Array(16000).map(
    (_, i) => 0.5 * Math.sin((2 * Math.PI * 440 * i) / 16000),
  );
  writeFileSync(join(dir, 'tone.wav'), encodeWav([samples], 16000));
  await importAudio(project, [join(dir, 'tone.wav')]);
  const events = new EventBus();
  const server = await startServer({ service: new Service(project), events });
  running = { server, project, events };
  return running;
}

afterEach(async () => {
  if (running) {
    await running.server.close();
    running.project.close();
    running = null;
  }
});

describe('charkha serve', () => {
  it('listens on 127.0.0.1 and refuses API calls without the token', async () => {
    const { server } = await start();
    expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const none = await send(`${server.origin}/api/project.info`, { method: 'POST', body: '{}' });
    expect(none.status).toBe(403);
    const wrong = await send(`${server.origin}/api/project.info`, {
      method: 'POST',
      body: '{}',
      headers: { Authorization: 'Bearer nope' },
    });
    expect(wrong.status).toBe(403);
    const ok = await send(`${server.origin}/api/project.info`, {
      method: 'POST',
      body: '{}',
      headers: { Authorization: `Bearer ${server.token}` },
    });
    expect(ok.status).toBe(200);
    const info = JSON.parse(ok.body.toString()) as {
      ok: boolean;
      result: { counts: { audio: number } };
    };
    expect(info.result.counts.audio).toBe(1);
  });

  it('refuses another origin and a foreign Host header even with the token', async () => {
    const { server } = await start();
    const auth = { Authorization: `Bearer ${server.token}` };
    const cross = await send(`${server.origin}/api/project.info`, {
      method: 'POST',
      body: '{}',
      headers: { ...auth, Origin: 'http://evil.example' },
    });
    expect(cross.status).toBe(403);
    const rebind = await send(`${server.origin}/api/project.info`, {
      method: 'POST',
      body: '{}',
      headers: { ...auth, Host: 'evil.example' },
    });
    expect(rebind.status).toBe(403);
  });

  it('parses requests with the contract and answers user errors as 4xx', async () => {
    const { server } = await start();
    const auth = { Authorization: `Bearer ${server.token}` };
    const bad = await send(`${server.origin}/api/utterances.get`, {
      method: 'POST',
      body: '{"id":"seven"}',
      headers: auth,
    });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body.toString()).error.message).toMatch(/id/);
    const missing = await send(`${server.origin}/api/utterances.get`, {
      method: 'POST',
      body: '{"id":7}',
      headers: auth,
    });
    expect(missing.status).toBe(404);
    const unknown = await send(`${server.origin}/api/rm.rf`, {
      method: 'POST',
      body: '{}',
      headers: auth,
    });
    expect(unknown.status).toBe(404);
  });

  it('streams audio with Range support and only with the token', async () => {
    const { server } = await start();
    const url = `${server.origin}/media/audio/1`;
    expect((await send(url)).status).toBe(403);
    const whole = await send(`${url}?token=${server.token}`);
    expect(whole.status).toBe(200);
    expect(whole.headers['content-type']).toBe('audio/wav');
    const part = await send(`${url}?token=${server.token}`, { headers: { Range: 'bytes=0-99' } });
    expect(part.status).toBe(206);
    expect(part.body.length).toBe(100);
    expect(part.headers['content-range']).toBe(`bytes 0-99/${whole.body.length}`);
    expect(part.body.subarray(0, 4).toString()).toBe('RIFF');
    const beyond = await send(`${url}?token=${server.token}`, {
      headers: { Range: `bytes=${whole.body.length + 10}-` },
    });
    expect(beyond.status).toBe(416);
  });

  it('serves binary peaks on the typed media route, coarse or fine as asked, only with the token', async () => {
    const { server } = await start();
    const url = (px: string) => `${server.origin}/media/peaks/1?px=${px}`;
    const auth = { Authorization: `Bearer ${server.token}` };
    expect((await send(url('10'))).status).toBe(403);
    // 1 s at 16 kHz is 63 pixels at the finest level (256 samples a pixel).
    const coarse = await send(url('10'), { headers: auth });
    expect(coarse.status).toBe(200);
    expect(coarse.headers['content-type']).toBe('application/octet-stream');
    const c = decodeWirePeaks(coarse.body);
    expect([c.length, c.samplesPerPixel, c.durationSec]).toEqual([16, 1024, 1]);
    expect(c.peak).toBeCloseTo(0.5, 3);
    expect(Math.max(...c.data)).toBe(127);
    expect(Math.min(...c.data)).toBe(-127);
    const fine = decodeWirePeaks((await send(url('100000'), { headers: auth })).body);
    expect([fine.length, fine.samplesPerPixel]).toEqual([63, 256]);
    // The same shape as the JSON level, to within one Int8 step of the peak.
    const api = await send(`${server.origin}/api/audio.peaks`, {
      method: 'POST',
      body: JSON.stringify({ audioId: 1, samplesPerPixel: 256 }),
      headers: { ...auth, 'Content-Type': 'application/json' },
    });
    const json = (JSON.parse(api.body.toString()) as { result: { data: number[] } }).result.data;
    expect(json.length).toBe(fine.data.length);
    for (let i = 0; i < json.length; i++)
      expect(Math.abs((fine.data[i] * fine.peak) / 127 - json[i] / 32767)).toBeLessThanOrEqual(
        fine.peak / 127 + 1e-6,
      );
    const bad = await send(url('0'), { headers: auth });
    expect(bad.status).toBe(400);
    expect(bad.body.toString()).toMatch(/px must be a whole number/);
    expect((await send(`${server.origin}/media/peaks/9?px=10`, { headers: auth })).status).toBe(
      404,
    );
  });

  it('serves events over WebSocket only with the token', async () => {
    const { server, events } = await start();
    const wsUrl = server.origin.replace('http', 'ws');
    const refused = await new Promise<string>((resolve) => {
      const ws = new WebSocket(`${wsUrl}/events`);
      ws.on('error', (e) => resolve(e.message));
      ws.on('open', () => resolve('opened'));
    });
    expect(refused).toMatch(/403/);
    const ws = new WebSocket(`${wsUrl}/events?token=${server.token}`);
    await new Promise((r) => ws.on('open', r));
    const got = new Promise<unknown>((r) => ws.on('message', (m) => r(JSON.parse(m.toString()))));
    events.emit({ kind: 'log', level: 'info', message: 'hello' });
    expect(await got).toEqual({ kind: 'log', level: 'info', message: 'hello' });
    ws.close();
  });
});
