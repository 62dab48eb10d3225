import type {
  ApiMethod,
  ApiRequest,
  ApiResponse,
  EngineEvent,
} from '../../native/contract/index.js';
import type { MediaVariant } from './bridge.js';

/** An engine error as it crosses IPC: plain data (structured clone drops Error subclasses). */
export interface PreloadError {
  code: string;
  message: string;
  hint: string | null;
}

/**
 * What `window.charkha.call` resolves to. The main process never rejects a
 * call (Electron would flatten the error into "Error invoking remote method
 * …" and lose `code` and `hint`); the preload bridge turns `ok: false` into
 * an `EngineError`. Same type as `IpcEnvelope` in electron/ipc-contract.ts.
 */
export type PreloadResult<T> = { ok: true; result: T } | { ok: false; error: PreloadError };

/**
 * What the Electron preload script exposes on `window.charkha` through
 * contextBridge (electron/preload.cts; a unit test checks that the two agree).
 */
export interface PreloadApi {
  call<M extends ApiMethod>(method: M, req: ApiRequest<M>): Promise<PreloadResult<ApiResponse<M>>>;
  subscribe(cb: (e: EngineEvent) => void): () => void;
  mediaUrl(audioId: number, variant: MediaVariant): string;
}

declare global {
  interface Window {
    charkha?: PreloadApi;
  }
}
