import { useState } from 'react';
import type { ReferenceEdit } from '../../../native/contract/index.js';
import { useBridge } from '../../app/bridge-context.js';
import { toEngineError, type EngineError } from '../../bridge/engine-error.js';
import { ErrorView } from '../../components/ErrorView.js';

const AUTHOR_KEY = 'charkha.evaluate.author';

function ReferenceField({
  label,
  hint,
  lang,
  value,
  onChange,
}: {
  label: string;
  hint: string;
  lang: string;
  value: string;
  onChange: (v: string) => void;
}) {
  return (
    <label className="field">
      <span className="field-label">
        {label} {hint}
      </span>
      <textarea
        className="indic"
        lang={lang}
        rows={2}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-label={label}
      />
    </label>
  );
}

/**
 * Correct the reference in place, its written text and, where it has one,
 * its spoken form; the engine records the change and rescores every run on
 * it against the form that run was scored on.
 */
export function ReferenceFix({
  utteranceId,
  text,
  spoken,
  lang,
  onFixed,
}: {
  utteranceId: number;
  text: string;
  spoken: string | null;
  lang: string;
  onFixed: (edit: ReferenceEdit) => void;
}) {
  const bridge = useBridge();
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState(text);
  const [spokenDraft, setSpokenDraft] = useState(spoken ?? '');
  const changed = draft.trim() !== text || (spoken !== null && spokenDraft.trim() !== spoken);
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
        ...(spoken !== null ? { spoken: spokenDraft } : {}),
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
            setSpokenDraft(spoken ?? '');
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
          <ReferenceField
            label="Corrected reference"
            hint="(written)"
            lang={lang}
            value={draft}
            onChange={setDraft}
          />
          {spoken !== null && (
            <ReferenceField
              label="Corrected spoken form"
              hint="(what the voice says)"
              lang={lang}
              value={spokenDraft}
              onChange={setSpokenDraft}
            />
          )}
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
            <button type="submit" className="btn btn-primary" disabled={busy || !changed}>
              {busy ? 'Rescoring…' : 'Save and rescore runs'}
            </button>
            <button type="button" className="btn btn-quiet" onClick={() => setOpen(false)}>
              Cancel
            </button>
            <span className="muted small">
              Entity spans follow the edit. Every run with this utterance is scored again against
              the form it was scored on; a run whose form is unchanged keeps its scores.
            </span>
          </div>
        </form>
      )}
      {error && <ErrorView error={error} />}
    </div>
  );
}
