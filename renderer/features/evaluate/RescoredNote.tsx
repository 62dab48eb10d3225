import type { ReferenceEdit } from '../../../native/contract/index.js';
import { formatPct } from '../../app/format.js';
import { FORM_LABELS, formsChanged } from './reference-forms.js';

const KEPT_WHY: Record<ReferenceEdit['kept'][number]['reason'], string> = {
  form_unchanged: 'which this fix left as it was: scores kept',
  paper_compatible: 'paper-compatible: scores kept as published',
};

/** What a reference fix changed: each rescored run's EHR and WER before and after, and the runs it left alone. */
export function RescoredNote({ edit, onDismiss }: { edit: ReferenceEdit; onDismiss: () => void }) {
  return (
    <div className="note ref-fix-done" role="status" data-testid="eval-rescored">
      <p>
        <strong>{edit.extId}</strong>: {formsChanged(edit)} corrected by {edit.author}. Rescored{' '}
        {edit.rescored.length} run{edit.rescored.length === 1 ? '' : 's'}
        {edit.rescored.length > 0 ? ':' : '.'}
      </p>
      <ul>
        {edit.rescored.map((r) => (
          <li key={r.runId} data-run-id={r.runId}>
            {r.name} <span className="muted">(on the {FORM_LABELS[r.reference]})</span>: EHR{' '}
            {formatPct(r.ehrBefore)} → <strong>{formatPct(r.ehrAfter)}</strong> · WER{' '}
            {formatPct(r.werBefore)} → <strong>{formatPct(r.werAfter)}</strong>
          </li>
        ))}
      </ul>
      {edit.kept.length > 0 && (
        <ul className="muted" data-testid="eval-kept">
          {edit.kept.map((r) => (
            <li key={r.runId} data-run-id={r.runId}>
              {r.name}: not rescored, scored on the {FORM_LABELS[r.reference]}, {KEPT_WHY[r.reason]}
            </li>
          ))}
        </ul>
      )}
      <button type="button" className="btn btn-small btn-quiet" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}
