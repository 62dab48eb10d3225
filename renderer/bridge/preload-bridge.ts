import type {
  ApiMethod,
  ApiRequest,
  ApiResponse,
  EngineEvent,
} from '../../native/contract/index.js';
import type { PeaksRoute, WirePeaks } from '../../native/contract/media.js';
import type { Bridge, MediaVariant } from './bridge.js';
import { engineErrorFrom, type EngineError } from './engine-error.js';
import { fetchPeaks } from './peaks-fetch.js';
import type { PreloadApi, PreloadResult } from './preload-api.js';

/**
 * A rejected `invoke` (no handler yet, the main process crashed) or anything
 * else thrown on the way. The main process itself never rejects a call: its
 * errors arrive as `ok: false` envelopes.
 */
function asEngineError(e: unknown): EngineError {
  if (e && typeof e === 'object' && 'code' in e && 'message' in e) {
    const o = e as { code: unknown; message: unknown; hint?: unknown };
    return engineErrorFrom(
      String(o.code),
      stripInvokePrefix(String(o.message)),
      typeof o.hint === 'string' ? o.hint : null,
    );
  }
  return engineErrorFrom('internal', stripInvokePrefix(e instanceof Error ? e.message : String(e)));
}

// Electron prefixes relayed rejections with "Error invoking remote method …: ".
function stripInvokePrefix(message: string): string {
  return message.replace(/^Error invoking remote method '[^']*': (\w*Error: )?/, '');
}

function isEnvelope(v: unknown): v is PreloadResult<unknown> {
  return !!v && typeof v === 'object' && typeof (v as { ok?: unknown }).ok === 'boolean';
}

/** The bridge inside the Electron shell: a thin wrapper over `window.charkha`. */
export class PreloadBridge implements Bridge {
  readonly kind = 'electron' as const;

  constructor(private readonly api: PreloadApi) {}

  async call<M extends ApiMethod>(method: M, req: ApiRequest<M>): Promise<ApiResponse<M>> {
    let reply: PreloadResult<ApiResponse<M>>;
    try {
      reply = await this.api.call(method, req);
    } catch (e) {
      throw asEngineError(e);
    }
    // A preload out of step with this renderer is a bug, not a result.
    if (!isEnvelope(reply))
      throw engineErrorFrom('internal', `${method}: malformed reply from the shell`);
    if (reply.ok) return reply.result;
    throw engineErrorFrom(reply.error.code, reply.error.message, reply.error.hint);
  }

  subscribe(fn: (e: EngineEvent) => void): () => void {
    return this.api.subscribe(fn);
  }

  mediaUrl(audioId: number, variant: MediaVariant = 'original'): string {
    return this.api.mediaUrl(audioId, variant);
  }

  /** Straight from app://charkha (the page's own origin), which asks the engine: no IPC payload to copy. */
  peaks(route: PeaksRoute, signal?: AbortSignal): Promise<WirePeaks> {
    return fetchPeaks(route, {}, signal);
  }
}
