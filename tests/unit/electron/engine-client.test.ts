import { EventEmitter } from 'node:events';
import type { UtilityProcess } from 'electron';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../../native/contract/errors.js';
import { EngineClient } from '../../../electron/engine-client.js';

/** A stand-in utility process: records what it is sent; the test answers. */
function fakeChild() {
  const child = new EventEmitter() as EventEmitter & { sent: { id: number }[] };
  child.sent = [];
  Object.assign(child, { postMessage: (m: { id: number }) => child.sent.push(m) });
  return child;
}

describe('EngineClient', () => {
  it('matches replies to requests and forwards events', async () => {
    const child = fakeChild();
    const events: unknown[] = [];
    const client = new EngineClient(child as unknown as UtilityProcess, (e) => events.push(e));
    const a = client.request({ kind: 'call', method: 'project.info', payload: {} });
    const b = client.request({ kind: 'close' });
    const [ma, mb] = child.sent;
    expect(ma).toMatchObject({ kind: 'call', method: 'project.info' });
    child.emit('message', { kind: 'reply', id: mb.id, ok: true, result: null });
    child.emit('message', { kind: 'reply', id: ma.id, ok: true, result: { name: 'p' } });
    child.emit('message', { kind: 'event', event: { kind: 'log', message: 'x' } });
    await expect(a).resolves.toEqual({ name: 'p' });
    await expect(b).resolves.toBeNull();
    expect(events).toEqual([{ kind: 'log', message: 'x' }]);
  });

  it('rebuilds user errors and ignores malformed messages', async () => {
    const child = fakeChild();
    const client = new EngineClient(child as unknown as UtilityProcess, () => {});
    const p = client.request({ kind: 'open', dir: '/p' });
    child.emit('message', { kind: 'reply', id: 'nope' });
    child.emit('message', {
      kind: 'reply',
      id: child.sent[0].id,
      ok: false,
      error: { code: 'locked', message: 'locked', hint: 'close it' },
    });
    const e = await p.catch((x: unknown) => x);
    expect(e).toBeInstanceOf(UserError);
    expect(e).toMatchObject({ code: 'locked', hint: 'close it' });
  });

  it('fails pending and later requests once the engine has exited', async () => {
    const child = fakeChild();
    const client = new EngineClient(child as unknown as UtilityProcess, () => {});
    const pending = client.request({ kind: 'close' });
    child.emit('exit', 1);
    await expect(pending).rejects.toThrow(/exited \(code 1\)/);
    await expect(client.request({ kind: 'close' })).rejects.toThrow(/exited \(code 1\)/);
    expect(child.sent).toHaveLength(1);
  });
});

describe('engine protocol', () => {
  it('parses both replies and events from the engine', async () => {
    const { FromEngine, ToEngine } = await import('../../../electron/engine-protocol.js');
    expect(FromEngine.parse({ kind: 'reply', id: 1, ok: true, result: 3 })).toMatchObject({
      ok: true,
    });
    expect(
      FromEngine.parse({
        kind: 'reply',
        id: 1,
        ok: false,
        error: { code: 'x', message: 'y', hint: null },
      }),
    ).toMatchObject({ ok: false });
    expect(FromEngine.safeParse({ kind: 'reply', id: 1, ok: false }).success).toBe(false);
    expect(FromEngine.parse({ kind: 'event', event: 1 })).toEqual({ kind: 'event', event: 1 });
    expect(ToEngine.safeParse({ kind: 'media', id: 1, audioId: 2, variant: '8k' }).success).toBe(
      false,
    );
    expect(ToEngine.safeParse({ kind: 'open', id: 1, dir: '' }).success).toBe(false);
  });
});
