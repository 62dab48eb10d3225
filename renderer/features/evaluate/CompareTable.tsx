import type { EvalComparison, RunSummary } from '../../../native/contract/index.js';
import { formatPct } from '../../app/format.js';
import { formatInterval } from '../runs/interval.js';
import { toCsv } from './csv.js';
import { downloadText } from './download.js';
import { formatPoints, METRIC_INFO, runColor } from './metrics.js';

function Verdict({
  difference,
  significant,
  higherIsBetter,
}: {
  difference: number;
  significant: boolean;
  higherIsBetter: boolean;
}) {
  if (!significant) return <span className="verdict verdict-ns">no significant difference</span>;
  const better = higherIsBetter ? difference > 0 : difference < 0;
  return (
    <span className={`verdict ${better ? 'verdict-better' : 'verdict-worse'}`}>
      {better ? '▲ better' : '▼ worse'}
    </span>
  );
}

/** Every metric of every run on the utterances they share, and each run's paired difference from the first. */
export function CompareTable({ data }: { data: EvalComparison }) {
  const runs = data.runs;
  const name = (id: number) => runs.find((r) => r.id === id)?.name ?? String(id);
  const exportCsv = () => {
    const rows = data.metrics.flatMap((m) =>
      m.values.map((v) => {
        const d = m.differences.find((x) => x.runId === v.runId);
        return { metric: m.metric, run: name(v.runId), v, d };
      }),
    );
    downloadText(
      'charkha-compare.csv',
      toCsv(
        [
          { header: 'metric', value: (r) => r.metric },
          { header: 'run', value: (r) => r.run },
          { header: 'value', value: (r) => r.v.value },
          { header: 'ci95_low', value: (r) => r.v.ci95?.[0] },
          { header: 'ci95_high', value: (r) => r.v.ci95?.[1] },
          { header: 'difference_vs_first', value: (r) => r.d?.difference },
          { header: 'difference_ci95_low', value: (r) => r.d?.ci95[0] },
          { header: 'difference_ci95_high', value: (r) => r.d?.ci95[1] },
          { header: 'significant', value: (r) => r.d?.significant },
        ],
        rows,
      ),
    );
  };
  return (
    <section className="card" aria-labelledby="compare-title">
      <div className="card-head">
        <h2 id="compare-title">Side by side</h2>
        <span className="muted">
          on the {data.commonUtterances.toLocaleString()} utterances every run scored · 95%
          intervals, paired bootstrap of each difference
        </span>
        <button type="button" className="btn btn-small card-action" onClick={exportCsv}>
          Export CSV
        </button>
      </div>
      <div className="table-scroll">
        <table className="data-table compare-table" data-testid="eval-compare">
          <thead>
            <tr>
              <th scope="col">Metric</th>
              {runs.map((r: RunSummary, i) => (
                <th scope="col" key={r.id} className="num">
                  <span className="run-swatch" style={{ background: runColor(i) }} aria-hidden />
                  {r.name}
                </th>
              ))}
              {runs.slice(1).map((r) => (
                <th scope="col" key={`d${r.id}`} className="num">
                  {r.name} − {runs[0].name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.metrics.map((m) => {
              const info = METRIC_INFO[m.metric];
              return (
                <tr key={m.metric} data-metric={m.metric}>
                  <th scope="row" title={info.help}>
                    {info.label}{' '}
                    <span className="muted small">{info.higherIsBetter ? '↑' : '↓'}</span>
                  </th>
                  {m.values.map((v) => (
                    <td key={v.runId} className="num" data-run-id={v.runId}>
                      <strong>{formatPct(v.value)}</strong>{' '}
                      <span className="muted small">{formatInterval(v.ci95)}</span>
                    </td>
                  ))}
                  {runs.slice(1).map((r) => {
                    const d = m.differences.find((x) => x.runId === r.id);
                    return (
                      <td key={`d${r.id}`} className="num">
                        {d ? (
                          <>
                            {formatPoints(d.difference)}{' '}
                            <span className="muted small">
                              [{formatPoints(d.ci95[0])}, {formatPoints(d.ci95[1])}]
                            </span>{' '}
                            <Verdict {...d} higherIsBetter={info.higherIsBetter} />
                          </>
                        ) : (
                          '—'
                        )}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
