import { formatDate, formatPct } from '../../app/format.js';
import { hrefOf } from '../../app/use-hash-route.js';
import { useEngine } from '../../app/use-engine.js';
import { ErrorView } from '../../components/ErrorView.js';
import { EhrChart } from './EhrChart.js';
import { formatInterval } from './interval.js';
import { OutcomeBadge } from './OutcomeBadge.js';
import { OUTCOMES } from './outcomes.js';
import { RunEntitiesTable } from './RunEntitiesTable.js';

/** One evaluation run: headline figures, EHR by entity type, outcomes, and every entity. */
export function RunDetailScreen({ runId }: { runId: number }) {
  const run = useEngine('runs.get', { runId });
  const d = run.data;
  return (
    <div className="screen run-detail">
      <p className="breadcrumb">
        <a href={hrefOf({ screen: 'runs' })}>← All runs</a>
      </p>
      {run.error && <ErrorView error={run.error} onRetry={run.reload} />}
      {d && (
        <>
          <div className="screen-head">
            <h1>{d.summary.name}</h1>
            <p className="muted">
              <span className="mono">{d.summary.model}</span> · {d.summary.testSet ?? 'no test set'}{' '}
              · {formatDate(d.summary.createdAt)} · profile {d.summary.profile}
              {d.summary.compat ? ` · compat ${d.summary.compat}` : ''}
            </p>
          </div>
          <dl className="headline" data-testid="run-headline">
            <div>
              <dt>Entity hit rate</dt>
              <dd>
                {formatPct(d.summary.ehr)}{' '}
                <span className="muted small">{formatInterval(d.summary.ehrCi95)}</span>
              </dd>
            </div>
            <div>
              <dt>Entities hit</dt>
              <dd>
                {d.summary.hits} / {d.summary.entities}
              </dd>
            </div>
            <div>
              <dt>WER</dt>
              <dd>{formatPct(d.summary.wer)}</dd>
            </div>
            <div>
              <dt>CER</dt>
              <dd>{formatPct(d.summary.cer)}</dd>
            </div>
            <div>
              <dt>Utterances</dt>
              <dd>{d.summary.utterances}</dd>
            </div>
          </dl>
          <div className="two-col">
            <section className="card" aria-labelledby="ehr-title">
              <h2 id="ehr-title">Entity hit rate by type</h2>
              {d.byType.length > 0 ? (
                <div className="chart-scroll">
                  <EhrChart figures={d.byType} />
                </div>
              ) : (
                <p className="muted">This run has no per-type figures.</p>
              )}
              <p className="muted small">Bars: hit rate. Whiskers: 95% interval.</p>
            </section>
            <section className="card" aria-labelledby="outcomes-title">
              <h2 id="outcomes-title">Outcomes</h2>
              <ul className="outcome-counts">
                {OUTCOMES.map((o) => (
                  <li key={o.key}>
                    <OutcomeBadge outcome={o.key} />
                    <span className="outcome-n">{(d.outcomes[o.key] ?? 0).toLocaleString()}</span>
                  </li>
                ))}
              </ul>
            </section>
          </div>
          <RunEntitiesTable runId={runId} types={d.byType.map((f) => f.key)} />
        </>
      )}
    </div>
  );
}
