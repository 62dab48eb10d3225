import { api, isApiMethod } from '../native/contract/api.js';
import { isUserError, UserError } from '../native/contract/errors.js';
import { isTrustedSender } from './security.js';

/** IPC channels between the preload and the main process. */
export const CHANNEL_CALL = 'charkha:call';
export const CHANNEL_EVENT = 'charkha:event';

/** An error as it crosses IPC: what happened and what to do, never a stack. */
export interface IpcErrorBody {
  code: string;
  message: string;
  hint: string | null;
}

/**
 * What every `charkha:call` resolves to. The main process never lets a call
 * reject: `ipcRenderer.invoke` would turn the rejection into a plain Error
 * with an "Error invoking remote method" prefix and drop `code` and `hint`.
 * The renderer's `PreloadResult` is the same type (a unit test holds them
 * together), and the preload bridge turns `ok: false` into an EngineError.
 */
export type IpcEnvelope<T = unknown> = { ok: true; result: T } | { ok: false; error: IpcErrorBody };

/**
 * The URL of the frame that sent an IPC message, or null when it is not a
 * top-level frame: only the app's own page may call, never a subframe (even
 * one on the app origin) and never a frame already gone.
 */
export function senderUrlOf(
  frame: { url: string; parent: unknown } | null | undefined,
): string | null {
  if (!frame || frame.parent !== null) return null;
  return frame.url;
}

/**
 * Checks one renderer call before the main process relays it to the
 * engine: the sender must be the app's own frame, the method must be in the
 * contract, and the payload must parse with the method's request schema.
 * Returns the parsed payload.
 */
export function checkCall(
  senderUrl: string | undefined | null,
  method: unknown,
  payload: unknown,
): { method: string; payload: unknown } {
  if (!isTrustedSender(senderUrl)) {
    throw new UserError('bad_input', `IPC refused: sender ${senderUrl ?? '(none)'} is not the app`);
  }
  if (typeof method !== 'string' || !isApiMethod(method)) {
    throw new UserError('not_found', `unknown method ${JSON.stringify(method)}`);
  }
  const parsed = api[method].request.safeParse(payload ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UserError(
      'bad_input',
      `${method}: ${issue.path.join('.') || 'request'}: ${issue.message}`,
    );
  }
  return { method, payload: parsed.data };
}

/** Anything thrown, as the error half of an envelope. */
export function errorBody(e: unknown): IpcErrorBody {
  if (isUserError(e)) return { code: e.code, message: e.message, hint: e.hint ?? null };
  return { code: 'internal', message: e instanceof Error ? e.message : String(e), hint: null };
}

/**
 * One `charkha:call`, checked and relayed: resolves to an envelope and never
 * rejects, so the renderer sees the engine's own code, message and hint.
 */
export async function relayCall(
  senderUrl: string | null,
  method: unknown,
  payload: unknown,
  relay: (method: string, payload: unknown) => Promise<unknown>,
): Promise<IpcEnvelope> {
  try {
    const call = checkCall(senderUrl, method, payload);
    return { ok: true, result: await relay(call.method, call.payload) };
  } catch (e) {
    return { ok: false, error: errorBody(e) };
  }
}
