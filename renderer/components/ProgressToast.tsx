import { useEffect, useState } from 'react';
import type { EngineEvent } from '../../native/contract/index.js';
import { useBridge } from '../app/bridge-context.js';

type Progress = Extract<EngineEvent, { kind: 'progress' }>;

interface Shown extends Progress {
  at: number;
}

/** At most this many toasts; the rest are counted, so a busy engine never covers the screen. */
const MAX_SHOWN = 3;

/**
 * Tasks named `kind:id:stage` (a flywheel job's steps) are one piece of work
 * in stages: a toast per job, showing its current stage, not one per stage.
 */
function groupOf(task: string): string {
  const i = task.lastIndexOf(':');
  return i > 0 && task.indexOf(':') < i ? task.slice(0, i) : task;
}

function labelOf(task: string): string {
  return task.split(':').join(' · ');
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
        setTasks((t) => ({ ...t, [groupOf(e.task)]: { ...e, at: Date.now() } }));
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

  const all = Object.entries(tasks).sort(([, a], [, b]) => b.at - a.at);
  if (all.length === 0) return null;
  const list = all.slice(0, MAX_SHOWN);
  const hidden = all.length - list.length;
  return (
    <div className="toasts" role="status" aria-live="polite">
      {list.map(([group, p]) => {
        const pct = p.total ? Math.min(100, (p.done / p.total) * 100) : null;
        return (
          <div key={group} className="toast">
            <div className="toast-line">
              <strong>{labelOf(p.task)}</strong>
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
                    Object.fromEntries(Object.entries(t).filter(([k]) => k !== group)),
                  )
                }
              >
                Hide
              </button>
            </div>
          </div>
        );
      })}
      {hidden > 0 && (
        <div className="toast small muted">
          and {hidden} more task{hidden === 1 ? '' : 's'} working
        </div>
      )}
    </div>
  );
}
