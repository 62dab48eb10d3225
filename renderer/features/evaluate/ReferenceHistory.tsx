import { useEffect, useRef } from 'react';
import { formatDate, formatPct } from '../../app/format.js';
import { useEngine } from '../../app/use-engine.js';
import { ErrorView } from '../../components/ErrorView.js';
import { toCsv } from './csv.js';
import { downloadText } from './download.js';
import { FORM_LABELS, formsChanged } from './reference-forms.js';

/** Every corrected reference in the project, newest first: who, when, before, after, what it did to the runs. */
export function ReferenceHistory({
  version,
  onOpen,
}: {
  version: number;
  onOpen: (utteranceId: number) => void;
}) {
  const h = useEngine('evaluate.history', {});
  const { reload } = h;
  const first = useRef(version);
  useEffect(() => {
    if (version !== first.current) reload();
  }, [version, reload]);
  const rows = h.data ?? [];
  return (
    <section className="card" aria-labelledby="history-title">
      <div className="card-head">
        <h2 id="history-title">Reference corrections</h2>
        <span className="muted">{rows.length} in this project</span>
        <button
          type="button"
          className="btn btn-small card-action"
          disabled={rows.length === 0}
          onClick={() =>
            downloadText(
              'charkha-reference-history.csv',
              toCsv(
                [
                  { header: 'when', value: (r) => r.at },
                  { header: 'who', value: (r) => r.author },
                  { header: 'utterance', value: (r) => r.extId },
                  { header: 'forms changed', value: (r) => formsChanged(r) },
                  { header: 'before', value: (r) => r.before },
                  { header: 'after', value: (r) => r.after },
                  { header: 'spoken before', value: (r) => r.spokenBefore },
                  { header: 'spoken after', value: (r) => r.spokenAfter },
                  { header: 'note', value: (r) => r.note },
                  {
                    header: 'runs rescored',
                    value: (r) => r.rescored.map((x) => x.name).join('; '),
                  },
                  {
                    header: 'runs kept',
                    value: (r) => r.kept.map((x) => x.name).join('; '),
                  },
                ],
                rows,
              ),
            )
          }
        >
          Export CSV
        </button>
      </div>
      {h.error && <ErrorView error={h.error} onRetry={h.reload} />}
      {h.data && rows.length === 0 && (
        <p className="muted">
          No reference has been corrected yet. Open an utterance and use “Fix reference”.
        </p>
      )}
      {rows.length > 0 && (
        <table className="data-table history-table" data-testid="eval-history">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">Utterance</th>
              <th scope="col">Before → after</th>
              <th scope="col">Runs rescored (EHR)</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td className="small">{formatDate(r.at)}</td>
                <td>{r.author}</td>
                <td>
                  <button
                    type="button"
                    className="btn-link mono"
                    onClick={() => onOpen(r.utteranceId)}
                  >
                    {r.extId}
                  </button>
                </td>
                <td className="indic">
                  {r.forms.includes('text') && (
                    <div data-form="text">
                      <span className="form-tag">{FORM_LABELS.text}</span>
                      <del className="was">{r.before}</del>
                      <ins className="now">{r.after}</ins>
                    </div>
                  )}
                  {r.spokenBefore !== null && r.spokenAfter !== null && (
                    <div data-form="spoken">
                      <span className="form-tag">{FORM_LABELS.spoken}</span>
                      <del className="was">{r.spokenBefore}</del>
                      <ins className="now">{r.spokenAfter}</ins>
                    </div>
                  )}
                  {r.note && <div className="muted small">{r.note}</div>}
                </td>
                <td className="small">
                  {r.rescored.map((x) => (
                    <div key={x.runId}>
                      {x.name}: {formatPct(x.ehrBefore)} → {formatPct(x.ehrAfter)}
                    </div>
                  ))}
                  {r.kept.map((x) => (
                    <div key={x.runId} className="muted">
                      {x.name}: kept (on the {FORM_LABELS[x.reference]})
                    </div>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
