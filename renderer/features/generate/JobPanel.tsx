import type { GenerateStatus } from '../../../native/contract/generate.js';

type Job = NonNullable<GenerateStatus['job']>;

const STATE_LABEL: Record<Job['state'], string> = {
  pending: 'waiting',
  running: 'running',
  paused: 'paused',
  done: 'finished',
  failed: 'failed',
  cancelled: 'cancelled',
};

function eta(s: number | null): string {
  if (s === null || !Number.isFinite(s)) return '—';
  if (s < 90) return `${Math.ceil(s)} s`;
  return `${Math.floor(s / 60)} min ${Math.ceil(s % 60)} s`;
}

/** The job's state, its controls and the progress of every step. */
export function JobPanel({
  job,
  busy,
  onControl,
}: {
  job: Job;
  busy: boolean;
  onControl: (a: 'pause' | 'resume' | 'cancel') => void;
}) {
  const live = job.state === 'running' || job.state === 'pending';
  const stoppable = live || job.state === 'paused' || job.state === 'failed';
  return (
    <section className="card job-panel" aria-labelledby="job-panel-head" data-testid="job-panel">
      <div className="card-head">
        <h2 id="job-panel-head" className="card-title">
          Job {job.id}: <span className="mono">{job.name}</span>
        </h2>
        <span className={`badge job-state state-${job.state}`} data-testid="job-state">
          {STATE_LABEL[job.state]}
        </span>
        <span className="muted small">
          round {Math.max(1, job.round)} of {job.rounds}
        </span>
        <span className="spacer" />
        {live && (
          <button type="button" className="btn" disabled={busy} onClick={() => onControl('pause')}>
            Pause
          </button>
        )}
        {(job.state === 'paused' ||
          job.state === 'failed' ||
          (job.state === 'running' && !job.active)) && (
          <button
            type="button"
            className="btn btn-primary"
            disabled={busy}
            onClick={() => onControl('resume')}
          >
            Resume
          </button>
        )}
        {stoppable && (
          <button
            type="button"
            className="btn btn-danger"
            disabled={busy}
            onClick={() =>
              window.confirm(
                `Cancel job ${job.id} for good? Finished clips stay in the project; it cannot be resumed.`,
              ) && onControl('cancel')
            }
          >
            Cancel
          </button>
        )}
      </div>
      {job.error && (
        <p className="error-line" role="alert">
          {job.error}
        </p>
      )}
      <table className="data-table steps-table" data-testid="job-steps">
        <thead>
          <tr>
            <th scope="col">Step</th>
            <th scope="col" className="num">
              Done
            </th>
            <th scope="col">Progress</th>
            <th scope="col" className="num">
              Rate
            </th>
            <th scope="col" className="num">
              ETA
            </th>
          </tr>
        </thead>
        <tbody>
          {job.steps.map((s) => {
            const pct = s.total > 0 ? (100 * s.done) / s.total : 0;
            return (
              <tr key={s.step} data-step={s.step} className={s.total === 0 ? 'muted' : undefined}>
                <th scope="row">{s.step}</th>
                <td className="num">
                  {s.done.toLocaleString()} / {s.total.toLocaleString()}
                </td>
                <td className="bar-cell">
                  <div className="progress" aria-hidden="true">
                    <div className="progress-bar" style={{ width: `${pct}%` }} />
                  </div>
                </td>
                <td className="num">{s.rate === null ? '—' : `${s.rate.toFixed(2)}/s`}</td>
                <td className="num">{eta(s.etaSeconds)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {job.log.length > 0 && (
        <details className="job-log">
          <summary>Engine notes ({job.log.length})</summary>
          <pre className="small">{job.log.join('\n')}</pre>
        </details>
      )}
    </section>
  );
}
