import { api, isApiMethod } from '../native/contract/api.js';
import { UserError } from '../native/contract/errors.js';
import { isTrustedSender } from './security.js';

/** IPC channels between the preload and the main process. */
export const CHANNEL_CALL = 'charkha:call';
export const CHANNEL_EVENT = 'charkha:event';

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
