import { useCallback, useEffect, useRef, useState } from 'react';
import type { GenerateStatus } from '../../../native/contract/generate.js';
import { useBridge } from '../../app/bridge-context.js';
import { toEngineError, type EngineError } from '../../bridge/engine-error.js';

/**
 * The latest flywheel job's status. It is asked for on load (so a reload
 * finds a running job where it is), again on every job or flywheel progress
 * event (at most every 300 ms), and every second while the job runs, in
 * case an event was missed while the socket reconnected.
 */
export function useJobStatus(): {
  status: GenerateStatus | null;
  error: EngineError | null;
  refresh: () => void;
} {
  const bridge = useBridge();
  const [status, setStatus] = useState<GenerateStatus | null>(null);
  const [error, setError] = useState<EngineError | null>(null);
  const inFlight = useRef(false);
  const again = useRef(false);

  const refresh = useCallback(() => {
    if (inFlight.current) {
      again.current = true;
      return;
    }
    inFlight.current = true;
    bridge
      .call('generate.status', {})
      .then((s) => {
        setStatus(s);
        setError(null);
      })
      .catch((e: unknown) => setError(toEngineError(e)))
      .finally(() => {
        inFlight.current = false;
        if (again.current) {
          again.current = false;
          window.setTimeout(refresh, 300);
        }
      });
  }, [bridge]);

  useEffect(() => refresh(), [refresh]);

  useEffect(
    () =>
      bridge.subscribe((e) => {
        if (e.kind === 'job' || (e.kind === 'progress' && e.task.startsWith('flywheel:')))
          refresh();
      }),
    [bridge, refresh],
  );

  const state = status?.job?.state;
  const live = state === 'running' || state === 'pending' || status?.job?.active === true;
  useEffect(() => {
    if (!live) return;
    const t = window.setInterval(refresh, 1000);
    return () => window.clearInterval(t);
  }, [live, refresh]);

  return { status, error, refresh };
}
