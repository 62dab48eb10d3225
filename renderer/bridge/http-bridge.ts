import type {
  ApiMethod,
  ApiRequest,
  ApiResponse,
  EngineEvent,
} from '../../native/contract/index.js';
import type { PeaksRoute, WirePeaks } from '../../native/contract/media.js';
import type { Bridge, MediaVariant } from './bridge.js';
import { engineErrorFrom } from './engine-error.js';
import { fetchPeaks } from './peaks-fetch.js';

const TOKEN_KEY = 'charkha.token';

/**
 * Takes the access token from the page URL the first time (the link that
 * `charkha serve` prints), keeps it in sessionStorage so a reload still
 * works, and removes it from the address bar so it does not end up in
 * history, screenshots or bookmarks.
 */
function takeToken(): string | null {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

interface Envelope {
  ok: boolean;
  result?: unknown;
  error?: { code?: string; message?: string; hint?: string | null };
}

/** Browser mode: the engine behind `charkha serve`, over HTTP (calls) and a WebSocket (events). */
export class HttpBridge implements Bridge {
  readonly kind = 'http' as const;
  private readonly token: string | null;
  private readonly listeners = new Set<(e: EngineEvent) => void>();
  private socket: WebSocket | null = null;
  private retryMs = 500;
  private retryTimer: number | undefined;

  constructor() {
    this.token = takeToken();
  }

  async call<M extends ApiMethod>(method: M, req: ApiRequest<M>): Promise<ApiResponse<M>> {
    if (!this.token)
      throw engineErrorFrom(
        'forbidden',
        'This page was opened without the access token.',
        'Open the link that `charkha serve` printed in its terminal (it ends in ?token=…).',
      );
    let res: Response;
    try {
      res = await fetch(`/api/${encodeURIComponent(method)}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${this.token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(req ?? {}),
      });
    } catch {
      throw engineErrorFrom('unreachable', 'The Charkha engine is not answering.');
    }
    let body: Envelope;
    try {
      body = (await res.json()) as Envelope;
    } catch {
      throw engineErrorFrom(
        'internal',
        `The engine sent an unreadable answer (HTTP ${res.status}).`,
      );
    }
    if (body.ok) return body.result as ApiResponse<M>;
    const err = body.error ?? {};
    throw engineErrorFrom(
      err.code ?? 'internal',
      err.message ?? `request failed (HTTP ${res.status})`,
      err.hint ?? null,
    );
  }

  subscribe(fn: (e: EngineEvent) => void): () => void {
    this.listeners.add(fn);
    if (!this.socket) this.connect();
    return () => {
      this.listeners.delete(fn);
      if (this.listeners.size === 0) this.disconnect();
    };
  }

  mediaUrl(audioId: number, variant: MediaVariant = 'original'): string {
    const path = variant === '16k' ? `/media/audio/${audioId}/16k.wav` : `/media/audio/${audioId}`;
    return `${path}?token=${encodeURIComponent(this.token ?? '')}`;
  }

  peaks(route: PeaksRoute, signal?: AbortSignal): Promise<WirePeaks> {
    return fetchPeaks(route, { Authorization: `Bearer ${this.token ?? ''}` }, signal);
  }

  private connect(): void {
    if (!this.token) return;
    const proto = window.location.protocol === 'https:' ? 'wss' : 'ws';
    const ws = new WebSocket(
      `${proto}://${window.location.host}/events?token=${encodeURIComponent(this.token)}`,
    );
    this.socket = ws;
    ws.onopen = () => {
      this.retryMs = 500;
    };
    ws.onmessage = (m) => {
      let e: EngineEvent;
      try {
        e = JSON.parse(String(m.data)) as EngineEvent;
      } catch {
        return;
      }
      for (const fn of this.listeners) fn(e);
    };
    ws.onclose = () => {
      if (this.socket !== ws) return;
      this.socket = null;
      if (this.listeners.size === 0) return;
      // The engine may restart or the laptop may sleep: retry with backoff, capped at 10 s.
      this.retryTimer = window.setTimeout(() => {
        if (!this.socket && this.listeners.size > 0) this.connect();
      }, this.retryMs);
      this.retryMs = Math.min(this.retryMs * 2, 10_000);
    };
  }

  private disconnect(): void {
    window.clearTimeout(this.retryTimer);
    const ws = this.socket;
    this.socket = null;
    ws?.close();
  }
}
