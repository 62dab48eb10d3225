import { useCallback, useEffect, useState } from 'react';
import type { ApiMethod, ApiRequest, ApiResponse } from '../../native/contract/index.js';
import { toEngineError, type EngineError } from '../bridge/engine-error.js';
import { useBridge } from './bridge-context.js';

export interface EngineState<T> {
  data: T | null;
  error: EngineError | null;
  loading: boolean;
  reload: () => void;
}

/**
 * One engine call whose answer a screen shows. `key` is what the request
 * depends on (a JSON string of it by default): when it changes the call is
 * made again and a late answer to an older request is dropped.
 */
export function useEngine<M extends ApiMethod>(
  method: M,
  req: ApiRequest<M> | null,
): EngineState<ApiResponse<M>> {
  const bridge = useBridge();
  const key = req === null ? null : JSON.stringify(req);
  const [state, setState] = useState<{
    data: ApiResponse<M> | null;
    error: EngineError | null;
    loading: boolean;
  }>({ data: null, error: null, loading: key !== null });
  const [nonce, setNonce] = useState(0);

  useEffect(() => {
    if (key === null) return;
    let live = true;
    setState((s) => ({ ...s, loading: true, error: null }));
    bridge
      .call(method, JSON.parse(key) as ApiRequest<M>)
      .then((data) => live && setState({ data, error: null, loading: false }))
      .catch(
        (e: unknown) => live && setState({ data: null, error: toEngineError(e), loading: false }),
      );
    return () => {
      live = false;
    };
  }, [bridge, method, key, nonce]);

  const reload = useCallback(() => setNonce((n) => n + 1), []);
  return { ...state, reload };
}
