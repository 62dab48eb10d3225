// The one preload: exposes `window.charkha` (named functions and an event
// subscription) and never ipcRenderer itself. CommonJS because sandboxed
// preloads cannot be ES modules, and self-contained because a sandboxed
// preload can require nothing but `electron` (types are erased, so the
// `import type`s below cost nothing at run time).
// A sandboxed preload is CommonJS, and TypeScript spells a CommonJS import this way.
// eslint-disable-next-line @typescript-eslint/no-require-imports
import electron = require('electron');
import type {
  ApiMethod,
  ApiRequest,
  ApiResponse,
  EngineEvent,
} from '../native/contract/index.js' with { 'resolution-mode': 'import' };
import type { IpcEnvelope } from './ipc-contract.js' with { 'resolution-mode': 'import' };

const { contextBridge, ipcRenderer } = electron;
type IpcRendererEvent = electron.IpcRendererEvent;

// Kept equal to ipc-contract.ts's constants (a unit test checks): the
// preload cannot import that module at run time.
const CHANNEL_CALL = 'charkha:call';
const CHANNEL_EVENT = 'charkha:event';

const charkha = {
  // Resolves to the main process's envelope as is; the renderer's preload
  // bridge turns `ok: false` into an EngineError.
  call: <M extends ApiMethod>(
    method: M,
    payload: ApiRequest<M>,
  ): Promise<IpcEnvelope<ApiResponse<M>>> => ipcRenderer.invoke(CHANNEL_CALL, method, payload),
  subscribe: (fn: (event: EngineEvent) => void): (() => void) => {
    // The page never sees the IPC event object (it carries `sender`).
    const listener = (_e: IpcRendererEvent, event: EngineEvent) => fn(event);
    ipcRenderer.on(CHANNEL_EVENT, listener);
    return () => {
      ipcRenderer.removeListener(CHANNEL_EVENT, listener);
    };
  },
  mediaUrl: (audioId: number, variant: 'original' | '16k'): string =>
    `app://charkha/media/audio/${Math.trunc(audioId)}${variant === '16k' ? '/16k.wav' : ''}`,
};

/** The type of `window.charkha` as this preload builds it (checked against the renderer's PreloadApi). */
export type CharkhaPreload = typeof charkha;

contextBridge.exposeInMainWorld('charkha', charkha);
