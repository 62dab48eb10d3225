import { useEffect, useState } from 'react';
import type { EngineEvent } from '../../native/contract/index.js';
import { useBridge } from '../app/bridge-context.js';

type Progress = Extract<EngineEvent, { kind: 'progress' }>;

interface Shown extends Progress {
  at: number;
}

/**
 * Long engine work (imports, scoring, generation) reports progress as
 * events; this shows the latest of each task in a corner and lets it go a
 * few seconds after it finishes. Cancelling needs a cancel call in the
 * contract, which the engine does not offer yet; `onCancel` is the seam.
 */
export function ProgressToast({ onCancel }: { onCancel?: (task: string) => void }) {
  const bridge = useBridge();
  const [tasks, setTasks] = useState<Record<string, Shown>>({});

  useEffect(
    () =>
      bridge.subscribe((e) => {
        if (e.kind !== 'progress') return;
        setTasks((t) => ({ ...t, [e.task]: { ...e, at: Date.now() } }));
      }),
    [bridge],
  );

  // Finished tasks linger for 4 s so the user sees them complete, then go.
  useEffect(() => {
    const id = window.setInterval(() => {
      setTasks((t) => {
        const now = Date.now();
        const keep = Object.entries(t).filter(
          ([, p]) => !(p.total !== null && p.done >= p.total && now - p.at > 4000),
        );
        return keep.length === Object.keys(t).length ? t : Object.fromEntries(keep);
      });
    }, 1000);
    return () => window.clearInterval(id);
  }, []);

  const list = Object.values(tasks);
  if (list.length === 0) return null;
  return (
    <div className="toasts" role="status" aria-live="polite">
      {list.map((p) => {
        const pct = p.total ? Math.min(100, (p.done / p.total) * 100) : null;
        return (
          <div key={p.task} className="toast">
            <div className="toast-line">
              <strong>{p.task}</strong>
              <span className="muted">
                {p.total !== null
                  ? `${p.done.toLocaleString()} / ${p.total.toLocaleString()}`
                  : p.done.toLocaleString()}
              </span>
            </div>
            {p.message && <div className="small muted">{p.message}</div>}
            <div className="progress" aria-hidden="true">
              <div
                className={pct === null ? 'progress-bar indeterminate' : 'progress-bar'}
                style={pct === null ? undefined : { width: `${pct}%` }}
              />
            </div>
            <div className="toast-actions">
              {onCancel && (
                <button type="button" className="btn btn-small" onClick={() => onCancel(p.task)}>
                  Cancel
                </button>
              )}
              <button
                type="button"
                className="btn btn-small btn-quiet"
                onClick={() =>
                  setTasks((t) =>
                    Object.fromEntries(Object.entries(t).filter(([k]) => k !== p.task)),
                  )
                }
              >
                Hide
              </button>
            </div>
          </div>
        );
      })}
    </div>
  );
}
