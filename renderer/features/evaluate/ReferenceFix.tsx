import { useState } from 'react';
import type { ReferenceEdit } from '../../../native/contract/index.js';
import { useBridge } from '../../app/bridge-context.js';
import { toEngineError, type EngineError } from '../../bridge/engine-error.js';
import { ErrorView } from '../../components/ErrorView.js';

const AUTHOR_KEY = 'charkha.evaluate.author';

/** Correct the reference in place; the engine records the change and rescores every run on it. */
export function ReferenceFix({
  utteranceId,
  text,
  lang,
  onFixed,
}: {
  utteranceId: number;
  text: string;
  lang: string;
  onFixed: (edit: ReferenceEdit) => void;
}) {
  const bridge = useBridge();
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState(text);
  const [author, setAuthor] = useState(() => localStorage.getItem(AUTHOR_KEY) ?? '');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<EngineError | null>(null);

  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      if (author.trim()) localStorage.setItem(AUTHOR_KEY, author.trim());
      const edit = await bridge.call('evaluate.fixReference', {
        utteranceId,
        text: draft,
        ...(author.trim() ? { author: author.trim() } : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
      });
      setOpen(false);
      onFixed(edit);
    } catch (e) {
      setError(toEngineError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="ref-fix">
      {!open && (
        <button
          type="button"
          className="btn"
          onClick={() => {
            setDraft(text);
            setOpen(true);
          }}
        >
          ✎ Fix reference
        </button>
      )}
      {open && (
        <form
          className="ref-fix-form"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <label className="field">
            <span className="field-label">Corrected reference</span>
            <textarea
              className="indic"
              lang={lang}
              rows={2}
              value={draft}
              onChange={(e) => setDraft(e.target.value)}
              aria-label="Corrected reference"
            />
          </label>
          <div className="ref-fix-meta">
            <label className="field">
              <span className="field-label">Your name</span>
              <input
                aria-label="Your name"
                value={author}
                onChange={(e) => setAuthor(e.target.value)}
                placeholder="(the engine’s user)"
              />
            </label>
            <label className="field grow">
              <span className="field-label">Why (optional)</span>
              <input value={note} onChange={(e) => setNote(e.target.value)} aria-label="Why" />
            </label>
          </div>
          <div className="ref-fix-actions">
            <button
              type="submit"
              className="btn btn-primary"
              disabled={busy || draft.trim() === text}
            >
              {busy ? 'Rescoring…' : 'Save and rescore runs'}
            </button>
            <button type="button" className="btn btn-quiet" onClick={() => setOpen(false)}>
              Cancel
            </button>
            <span className="muted small">
              Entity spans follow the edit. Every run with this utterance is scored again.
            </span>
          </div>
        </form>
      )}
      {error && <ErrorView error={error} />}
    </div>
  );
}
