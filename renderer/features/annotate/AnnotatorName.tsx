import { useEffect, useState, type FormEvent } from 'react';
import type { SettingsView } from '../../../native/contract/settings.js';
import { useBridge } from '../../app/bridge-context.js';
import { toEngineError, type EngineError } from '../../bridge/engine-error.js';

/**
 * Who the edits are recorded as. The name is the installation's, set once
 * for every project: while it is unset the screen asks for it (edits are
 * meanwhile recorded under `fallback`, the login name), and it can be
 * changed later from here or with `charkha config set annotator`.
 */
export function AnnotatorName({
  fallback,
  onError,
}: {
  fallback: string;
  onError: (e: EngineError) => void;
}) {
  const bridge = useBridge();
  const [view, setView] = useState<SettingsView | null>(null);
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState('');
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    let live = true;
    bridge.call('settings.get', {}).then(
      (v) => live && setView(v),
      (e: unknown) => live && onError(toEngineError(e)),
    );
    return () => {
      live = false;
    };
  }, [bridge, onError]);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setSaving(true);
    try {
      setView(await bridge.call('settings.set', { annotator: draft }));
      setEditing(false);
    } catch (err) {
      onError(toEngineError(err));
    } finally {
      setSaving(false);
    }
  };

  if (!view) return <span className="annotator-name muted">as {fallback}</span>;
  if (view.annotator !== null && !editing)
    return (
      <span className="annotator-name muted">
        as{' '}
        <button
          type="button"
          className="link-button"
          data-testid="annotator"
          title={`Every edit records this name, on every project (${view.path}); click to change it`}
          onClick={() => {
            setDraft(view.annotator ?? '');
            setEditing(true);
          }}
        >
          {view.annotator}
        </button>
      </span>
    );
  return (
    <form
      className="annotator-prompt"
      data-testid="annotator-prompt"
      onSubmit={(e) => void save(e)}
    >
      <label>
        {view.annotator === null ? 'Who is annotating? ' : 'Annotator '}
        <input
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          placeholder={view.fallbackAnnotator}
          aria-label="Annotator name"
          maxLength={200}
          autoFocus={editing}
        />
      </label>{' '}
      <button type="submit" className="btn btn-small" disabled={saving || draft.trim() === ''}>
        Save name
      </button>
      {view.annotator === null && (
        <span className="muted"> every edit records it (until then: {view.fallbackAnnotator})</span>
      )}
    </form>
  );
}
