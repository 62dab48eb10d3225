import type { ReferenceEdit } from '../../../native/contract/index.js';
import { formatPct } from '../../app/format.js';

/** What a reference fix changed: each rescored run's EHR and WER before and after. */
export function RescoredNote({ edit, onDismiss }: { edit: ReferenceEdit; onDismiss: () => void }) {
  return (
    <div className="note ref-fix-done" role="status" data-testid="eval-rescored">
      <p>
        <strong>{edit.extId}</strong>: reference corrected by {edit.author}. Rescored{' '}
        {edit.rescored.length} run{edit.rescored.length === 1 ? '' : 's'}:
      </p>
      <ul>
        {edit.rescored.map((r) => (
          <li key={r.runId}>
            {r.name}: EHR {formatPct(r.ehrBefore)} → <strong>{formatPct(r.ehrAfter)}</strong> · WER{' '}
            {formatPct(r.werBefore)} → <strong>{formatPct(r.werAfter)}</strong>
          </li>
        ))}
      </ul>
      <button type="button" className="btn btn-small btn-quiet" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}
