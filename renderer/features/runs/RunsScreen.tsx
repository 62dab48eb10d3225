import { formatDate, formatPct } from '../../app/format.js';
import { hrefOf } from '../../app/use-hash-route.js';
import { useEngine } from '../../app/use-engine.js';
import { ErrorView } from '../../components/ErrorView.js';
import { formatInterval } from './interval.js';

/** Every evaluation run stored in the project, with its headline figures. */
export function RunsScreen() {
  const runs = useEngine('runs.list', {});
  return (
    <div className="screen runs">
      <div className="screen-head">
        <h1>Evaluation runs</h1>
      </div>
      {runs.error && <ErrorView error={runs.error} onRetry={runs.reload} />}
      {runs.data && runs.data.length === 0 && (
        <p className="empty">
          No evaluation runs in this project yet. Score a model on a test set and import its report
          to see it here.
        </p>
      )}
      {runs.data && runs.data.length > 0 && (
        <div className="table-scroll">
          <table className="data-table" data-testid="runs-table">
            <thead>
              <tr>
                <th scope="col">Run</th>
                <th scope="col">Model</th>
                <th scope="col">System</th>
                <th scope="col">Test set</th>
                <th scope="col" className="num">
                  Utterances
                </th>
                <th scope="col" className="num">
                  Entities
                </th>
                <th scope="col" className="num">
                  EHR <span className="muted">(95% CI)</span>
                </th>
                <th scope="col" className="num">
                  WER
                </th>
                <th scope="col" className="num">
                  CER
                </th>
              </tr>
            </thead>
            <tbody>
              {runs.data.map((r) => (
                <tr key={r.id}>
                  <th scope="row">
                    <a href={hrefOf({ screen: 'run', runId: r.id })}>{r.name}</a>
                    <div className="muted small">{formatDate(r.createdAt)}</div>
                  </th>
                  <td className="mono">{r.model}</td>
                  <td>{r.system ?? '—'}</td>
                  <td>{r.testSet ?? '—'}</td>
                  <td className="num">{r.utterances.toLocaleString()}</td>
                  <td className="num">{r.entities.toLocaleString()}</td>
                  <td className="num">
                    <strong>{formatPct(r.ehr)}</strong>{' '}
                    <span className="muted">{formatInterval(r.ehrCi95)}</span>
                  </td>
                  <td className="num">{formatPct(r.wer)}</td>
                  <td className="num">{formatPct(r.cer)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
