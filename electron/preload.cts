// The one preload: exposes `window.charkha` (named functions and an event
// subscription) and never ipcRenderer itself. CommonJS because sandboxed
// preloads cannot be ES modules.
// A sandboxed preload is CommonJS, and TypeScript spells a CommonJS import this way.
// eslint-disable-next-line @typescript-eslint/no-require-imports
import electron = require('electron');

const { contextBridge, ipcRenderer } = electron;
type IpcRendererEvent = electron.IpcRendererEvent;

const CHANNEL_CALL = 'charkha:call';
const CHANNEL_EVENT = 'charkha:event';

contextBridge.exposeInMainWorld('charkha', {
  call: (method: string, payload: unknown): Promise<unknown> =>
    ipcRenderer.invoke(CHANNEL_CALL, method, payload),
  subscribe: (fn: (event: unknown) => void): (() => void) => {
    const listener = (_e: IpcRendererEvent, event: unknown) => fn(event);
    ipcRenderer.on(CHANNEL_EVENT, listener);
    return () => ipcRenderer.removeListener(CHANNEL_EVENT, listener);
  },
  mediaUrl: (audioId: number, variant: 'original' | '16k' = 'original'): string =>
    `app://charkha/media/audio/${Math.trunc(audioId)}${variant === '16k' ? '/16k.wav' : ''}`,
});
