import type {
  ApiMethod,
  ApiRequest,
  ApiResponse,
  EngineEvent,
} from '../../native/contract/index.js';
import type { Bridge, MediaVariant } from './bridge.js';
import { engineErrorFrom, type EngineError } from './engine-error.js';
import type { PreloadApi } from './preload-api.js';

function asEngineError(e: unknown): EngineError {
  if (e && typeof e === 'object' && 'code' in e && 'message' in e) {
    const o = e as { code: unknown; message: unknown; hint?: unknown };
    // Electron prefixes relayed error messages with "Error invoking remote method …: ".
    const message = String(o.message).replace(
      /^Error invoking remote method '[^']*': (\w*Error: )?/,
      '',
    );
    return engineErrorFrom(String(o.code), message, typeof o.hint === 'string' ? o.hint : null);
  }
  return engineErrorFrom('internal', e instanceof Error ? e.message : String(e));
}

/** The bridge inside the Electron shell: a thin wrapper over `window.charkha`. */
export class PreloadBridge implements Bridge {
  readonly kind = 'electron' as const;

  constructor(private readonly api: PreloadApi) {}

  async call<M extends ApiMethod>(method: M, req: ApiRequest<M>): Promise<ApiResponse<M>> {
    try {
      return await this.api.call(method, req);
    } catch (e) {
      throw asEngineError(e);
    }
  }

  subscribe(fn: (e: EngineEvent) => void): () => void {
    return this.api.subscribe(fn);
  }

  mediaUrl(audioId: number, variant: MediaVariant = 'original'): string {
    return this.api.mediaUrl(audioId, variant);
  }
}
