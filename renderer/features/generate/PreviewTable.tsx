import type { PreviewRow } from '../../../native/contract/generate.js';
import { EntityText } from '../../components/EntityText.js';

/** Rows the job will make, written and spoken side by side, before anything runs. */
export function PreviewTable({ rows, total }: { rows: PreviewRow[]; total: number }) {
  return (
    <div className="table-scroll">
      <p className="muted small">
        The first {rows.length} of {total.toLocaleString()} rows (round 1), in turn from each
        language. Ids, splits and voices are the ones the run will use.
      </p>
      <table className="data-table preview-table" data-testid="generate-preview">
        <thead>
          <tr>
            <th scope="col">Id</th>
            <th scope="col">Split · voice</th>
            <th scope="col">Written</th>
            <th scope="col">Spoken (what the voice reads)</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <th scope="row" className="mono small">
                {r.id}
                <div className="muted">{r.entityClass}</div>
              </th>
              <td className="small">
                <span className={`badge split-${r.split}`}>{r.split}</span>
                <div className="mono muted">{r.system.replace(/^espeak:/, '')}</div>
              </td>
              <td className="indic">
                <EntityText text={r.text} spans={r.textSpans} lang={r.lang} />
              </td>
              <td className="indic">
                <EntityText text={r.spoken} spans={r.spokenSpans} lang={r.lang} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
