import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import type { CharkhaPreload } from '../../../electron/preload.cjs';
import { CHANNEL_CALL, CHANNEL_EVENT, type IpcEnvelope } from '../../../electron/ipc-contract.js';
import type { PreloadApi, PreloadResult } from '../../../renderer/bridge/preload-api.js';

// Compile-time agreement (checked by `tsc -p tsconfig.json`): what the
// preload exposes is exactly the renderer's PreloadApi, and the main
// process's envelope is exactly the renderer's PreloadResult.
type Equal<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const preloadIsApi = (p: CharkhaPreload): PreloadApi => p;
const apiIsPreload = (p: PreloadApi): CharkhaPreload => p;
const envelopeAgrees: Equal<IpcEnvelope<{ id: number }>, PreloadResult<{ id: number }>> = true;

/**
 * Runs the real preload source with a stand-in for `electron`: the binary
 * is not needed to check what it exposes and what it sends.
 */
function loadPreload() {
  const path = fileURLToPath(new URL('../../../electron/preload.cts', import.meta.url));
  const js = ts.transpileModule(readFileSync(path, 'utf8'), {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
  }).outputText;
  const invoked: unknown[][] = [];
  const listeners = new Map<string, Set<(...a: unknown[]) => void>>();
  const exposed: Record<string, unknown> = {};
  let reply: unknown = { ok: true, result: null };
  const electron = {
    contextBridge: {
      exposeInMainWorld: (name: string, value: unknown) => {
        exposed[name] = value;
      },
    },
    ipcRenderer: {
      invoke: async (...args: unknown[]) => {
        invoked.push(args);
        return reply;
      },
      on: (ch: string, fn: (...a: unknown[]) => void) => {
        if (!listeners.has(ch)) listeners.set(ch, new Set());
        listeners.get(ch)!.add(fn);
      },
      removeListener: (ch: string, fn: (...a: unknown[]) => void) => {
        listeners.get(ch)?.delete(fn);
      },
    },
  };
  const required: string[] = [];
  const fakeRequire = (name: string) => {
    required.push(name);
    if (name !== 'electron') throw new Error(`a sandboxed preload cannot require ${name}`);
    return electron;
  };
  const module = { exports: {} };
  new Function('require', 'module', 'exports', js)(fakeRequire, module, module.exports);
  return {
    api: exposed.charkha as PreloadApi,
    exposedNames: Object.keys(exposed),
    invoked,
    listeners,
    required,
    setReply: (r: unknown) => {
      reply = r;
    },
  };
}

describe('preload', () => {
  it('agrees with the renderer at compile time', () => {
    expect([preloadIsApi, apiIsPreload].every((f) => typeof f === 'function')).toBe(true);
    expect(envelopeAgrees).toBe(true);
  });

  it('exposes window.charkha with call, subscribe and mediaUrl only, and requires only electron', () => {
    const p = loadPreload();
    expect(p.exposedNames).toEqual(['charkha']);
    expect(Object.keys(p.api).sort()).toEqual(['call', 'mediaUrl', 'subscribe']);
    expect(p.required).toEqual(['electron']);
  });

  it('sends calls on the main process channel and hands back the envelope untouched', async () => {
    const p = loadPreload();
    const env = { ok: false, error: { code: 'locked', message: 'locked', hint: 'close it' } };
    p.setReply(env);
    await expect(p.api.call('audio.get', { audioId: 3 })).resolves.toEqual(env);
    expect(p.invoked).toEqual([[CHANNEL_CALL, 'audio.get', { audioId: 3 }]]);
  });

  it('delivers events without the IPC event object, and unsubscribes', () => {
    const p = loadPreload();
    const got: unknown[] = [];
    const off = p.api.subscribe((e) => got.push(e));
    const listeners = [...(p.listeners.get(CHANNEL_EVENT) ?? [])];
    expect(listeners).toHaveLength(1);
    listeners[0]({ sender: 'the ipc event' }, { kind: 'log', level: 'info', message: 'hi' });
    expect(got).toEqual([{ kind: 'log', level: 'info', message: 'hi' }]);
    off();
    expect(p.listeners.get(CHANNEL_EVENT)?.size).toBe(0);
  });

  it('builds media URLs the app:// protocol serves', () => {
    const { api } = loadPreload();
    expect(api.mediaUrl(12, 'original')).toBe('app://charkha/media/audio/12');
    expect(api.mediaUrl(12, '16k')).toBe('app://charkha/media/audio/12/16k.wav');
    expect(api.mediaUrl(12.9, 'original')).toBe('app://charkha/media/audio/12');
  });
});
