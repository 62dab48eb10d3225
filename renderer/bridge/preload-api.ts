import type {
  ApiMethod,
  ApiRequest,
  ApiResponse,
  EngineEvent,
} from '../../native/contract/index.js';
import type { MediaVariant } from './bridge.js';

/**
 * What the Electron preload script exposes on `window.charkha` through
 * contextBridge. Errors arrive as plain objects `{ code, message, hint }`
 * (structured clone drops Error subclasses), which the preload bridge turns
 * into `EngineError`s.
 */
export interface PreloadApi {
  call<M extends ApiMethod>(method: M, req: ApiRequest<M>): Promise<ApiResponse<M>>;
  subscribe(cb: (e: EngineEvent) => void): () => void;
  mediaUrl(audioId: number, variant: MediaVariant): string;
}

declare global {
  interface Window {
    charkha?: PreloadApi;
  }
}
