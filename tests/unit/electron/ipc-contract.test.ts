import { describe, expect, it } from 'vitest';
import { UserError } from '../../../native/contract/errors.js';
import { checkCall, errorBody, relayCall, senderUrlOf } from '../../../electron/ipc-contract.js';

const APP = 'app://charkha/index.html';

function thrown(fn: () => unknown): UserError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(UserError);
    return e as UserError;
  }
  throw new Error('expected a throw');
}

describe('checkCall', () => {
  it('refuses a sender that is not the app', () => {
    for (const url of [
      null,
      undefined,
      'file:///x/index.html',
      'http://localhost:5173/',
      'app://evil/',
    ])
      expect(thrown(() => checkCall(url, 'project.info', {})).message).toMatch(/IPC refused/);
  });

  it('refuses an unknown method, or a method that is not a string', () => {
    const e = thrown(() => checkCall(APP, 'project.delete', {}));
    expect(e.code).toBe('not_found');
    expect(e.message).toContain('project.delete');
    expect(thrown(() => checkCall(APP, 42, {})).code).toBe('not_found');
    // Prototype keys are not methods.
    expect(thrown(() => checkCall(APP, 'constructor', {})).code).toBe('not_found');
    expect(thrown(() => checkCall(APP, '__proto__', {})).code).toBe('not_found');
  });

  it('names the field of a bad payload', () => {
    const e = thrown(() => checkCall(APP, 'audio.list', { offset: 0, limit: -5 }));
    expect(e.code).toBe('bad_input');
    expect(e.message).toMatch(/^audio\.list: limit: /);
    const g = thrown(() => checkCall(APP, 'audio.get', { audioId: 'seven' }));
    expect(g.message).toMatch(/^audio\.get: audioId: /);
  });

  it('returns the parsed payload with defaults filled in', () => {
    expect(checkCall(APP, 'audio.list', {})).toEqual({
      method: 'audio.list',
      payload: { offset: 0, limit: 200 },
    });
    // A missing payload is an empty request.
    expect(checkCall(APP, 'audio.list', undefined).payload).toEqual({ offset: 0, limit: 200 });
    expect(checkCall(APP, 'audio.get', { audioId: 7 }).payload).toEqual({ audioId: 7 });
  });
});

describe('senderUrlOf', () => {
  it('gives the URL of a top-level frame only', () => {
    expect(senderUrlOf({ url: APP, parent: null })).toBe(APP);
    expect(senderUrlOf({ url: APP, parent: { url: APP } })).toBeNull();
    expect(senderUrlOf(null)).toBeNull();
    expect(senderUrlOf(undefined)).toBeNull();
  });
});

describe('errorBody', () => {
  it("keeps a user error's code and hint, and calls anything else internal", () => {
    expect(errorBody(new UserError('locked', 'project is locked', 'close the other one'))).toEqual({
      code: 'locked',
      message: 'project is locked',
      hint: 'close the other one',
    });
    expect(errorBody(new UserError('not_found', 'no such audio'))).toEqual({
      code: 'not_found',
      message: 'no such audio',
      hint: null,
    });
    expect(errorBody(new TypeError('x is undefined'))).toEqual({
      code: 'internal',
      message: 'x is undefined',
      hint: null,
    });
    expect(errorBody('a string')).toEqual({ code: 'internal', message: 'a string', hint: null });
  });
});

describe('relayCall', () => {
  it('relays a checked call and wraps the result', async () => {
    const seen: unknown[] = [];
    const r = await relayCall(APP, 'audio.list', {}, async (m, p) => {
      seen.push([m, p]);
      return { total: 0, rows: [] };
    });
    expect(r).toEqual({ ok: true, result: { total: 0, rows: [] } });
    expect(seen).toEqual([['audio.list', { offset: 0, limit: 200 }]]);
  });

  it('never reaches the engine for a refused call, and never rejects', async () => {
    let reached = false;
    const relay = async () => {
      reached = true;
      return null;
    };
    const refused = await relayCall('http://localhost/', 'project.info', {}, relay);
    expect(refused).toMatchObject({ ok: false, error: { code: 'bad_input' } });
    const bad = await relayCall(APP, 'audio.get', {}, relay);
    expect(bad).toMatchObject({ ok: false, error: { code: 'bad_input' } });
    expect(reached).toBe(false);
  });

  it("passes the engine's error through with its code and hint", async () => {
    const r = await relayCall(APP, 'project.info', {}, async () => {
      throw new UserError('newer_schema', 'made by a newer Charkha', 'update Charkha');
    });
    expect(r).toEqual({
      ok: false,
      error: { code: 'newer_schema', message: 'made by a newer Charkha', hint: 'update Charkha' },
    });
    const crash = await relayCall(APP, 'project.info', {}, async () => {
      throw new Error('the engine process exited (code 1)');
    });
    expect(crash).toEqual({
      ok: false,
      error: { code: 'internal', message: 'the engine process exited (code 1)', hint: null },
    });
  });
});
