import type {
  ApiMethod,
  ApiRequest,
  ApiResponse,
  EngineEvent,
} from '../../native/contract/index.js';
import type { PeaksRoute, WirePeaks } from '../../native/contract/media.js';

export type MediaVariant = 'original' | '16k';

/**
 * The one way the renderer reaches the engine. Two implementations: the
 * preload bridge (Electron) and the HTTP/WebSocket bridge (browser mode,
 * `charkha serve`). Calls reject with an `EngineError`.
 */
export interface Bridge {
  readonly kind: 'http' | 'electron';
  call<M extends ApiMethod>(method: M, req: ApiRequest<M>): Promise<ApiResponse<M>>;
  subscribe(fn: (e: EngineEvent) => void): () => void;
  mediaUrl(audioId: number, variant?: MediaVariant): string;
  /** One level of a recording's waveform peaks, binary over the media route (not JSON over `call`). */
  peaks(route: PeaksRoute, signal?: AbortSignal): Promise<WirePeaks>;
}
