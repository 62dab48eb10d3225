import { describe, expect, it } from 'vitest';
import { EngineError } from '../../../renderer/bridge/engine-error.js';
import type { PreloadApi } from '../../../renderer/bridge/preload-api.js';
import { PreloadBridge } from '../../../renderer/bridge/preload-bridge.js';

function bridgeReplying(reply: () => Promise<unknown>): PreloadBridge {
  const api = {
    call: () => reply(),
    subscribe: () => () => {},
    mediaUrl: (id: number, v: string) =>
      `app://charkha/media/audio/${id}${v === '16k' ? '/16k.wav' : ''}`,
  } as unknown as PreloadApi;
  return new PreloadBridge(api);
}

async function rejection(p: Promise<unknown>): Promise<EngineError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(EngineError);
    return e as EngineError;
  }
  throw new Error('expected a rejection');
}

describe('PreloadBridge', () => {
  it('unwraps ok envelopes', async () => {
    const b = bridgeReplying(async () => ({ ok: true, result: { total: 0, rows: [] } }));
    await expect(b.call('audio.list', {})).resolves.toEqual({ total: 0, rows: [] });
  });

  it("turns ok: false into an EngineError with the engine's code, message and hint", async () => {
    const b = bridgeReplying(async () => ({
      ok: false,
      error: { code: 'not_found', message: 'no audio 7', hint: 'import it first' },
    }));
    const e = await rejection(b.call('audio.get', { audioId: 7 }));
    expect([e.code, e.message, e.hint]).toEqual(['not_found', 'no audio 7', 'import it first']);
  });

  it('fills in the default hint where the engine gave none', async () => {
    const b = bridgeReplying(async () => ({
      ok: false,
      error: { code: 'locked', message: 'project is locked', hint: null },
    }));
    const e = await rejection(b.call('project.info', {}));
    expect(e.code).toBe('locked');
    expect(e.hint).toMatch(/Another Charkha/);
  });

  it('turns a rejected invoke into an internal EngineError without the Electron prefix', async () => {
    const b = bridgeReplying(async () => {
      throw new Error("Error invoking remote method 'charkha:call': Error: No handler registered");
    });
    const e = await rejection(b.call('project.info', {}));
    expect(e.code).toBe('internal');
    expect(e.message).toBe('No handler registered');
  });

  it('refuses a malformed reply', async () => {
    const b = bridgeReplying(async () => ({ total: 0 }));
    expect((await rejection(b.call('project.info', {}))).code).toBe('internal');
  });

  it('passes mediaUrl through with the original variant by default', () => {
    const b = bridgeReplying(async () => null);
    expect(b.mediaUrl(5)).toBe('app://charkha/media/audio/5');
    expect(b.mediaUrl(5, '16k')).toBe('app://charkha/media/audio/5/16k.wav');
  });
});
