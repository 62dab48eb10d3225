import { useEffect, useState } from 'react';
import type { PreannotateResult } from '../../../native/contract/annotations.js';
import { useBridge } from '../../app/bridge-context.js';
import { toEngineError, type EngineError } from '../../bridge/engine-error.js';
import { useTaskProgress } from '../models/use-task-progress.js';

/**
 * Pre-annotation: the engine cuts an unsegmented transcript tier at its
 * speech, then the chosen ASR model writes every (or the selected)
 * segment's text as machine output; segments a person edited are kept.
 */
export function PreannotateButton({
  audioId,
  selectedId,
  beforeRun,
  afterRun,
  onError,
}: {
  audioId: number;
  selectedId: number | null;
  /** Typing not yet saved goes to the project first, so the engine sees the person's edits. */
  beforeRun: () => Promise<void>;
  afterRun: () => Promise<void>;
  onError: (e: EngineError) => void;
}) {
  const bridge = useBridge();
  const [models, setModels] = useState<{ id: string; name: string }[] | null>(null);
  const [lang, setLang] = useState('');
  const [model, setModel] = useState('');
  const [onlySelected, setOnlySelected] = useState(false);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<PreannotateResult | null>(null);
  const progress = useTaskProgress(`preannotate ${audioId}`)[`preannotate ${audioId}`];

  useEffect(() => {
    let live = true;
    bridge.call('annotations.preannotateModels', { audioId }).then(
      (r) => {
        if (!live) return;
        setModels(r.models);
        setLang(r.lang);
        setModel(r.models[0]?.id ?? '');
      },
      (e: unknown) => live && onError(toEngineError(e)),
    );
    return () => {
      live = false;
    };
  }, [bridge, audioId, onError]);

  const run = async () => {
    setBusy(true);
    setResult(null);
    try {
      await beforeRun();
      setResult(
        await bridge.call('annotations.preannotate', {
          audioId,
          model,
          segmentIds: onlySelected && selectedId !== null ? [selectedId] : undefined,
        }),
      );
    } catch (e) {
      onError(toEngineError(e));
    } finally {
      await afterRun();
      setBusy(false);
    }
  };

  const none = models !== null && models.length === 0;
  return (
    <span className="preannotate" data-testid="preannotate">
      <select
        value={model}
        onChange={(e) => setModel(e.target.value)}
        aria-label="ASR model for pre-annotation"
        disabled={busy || !models?.length}
      >
        {none && <option value="">no ASR model for {lang}</option>}
        {models?.map((m) => (
          <option key={m.id} value={m.id}>
            {m.name}
          </option>
        ))}
      </select>
      <label className="small" title="Run the model over the selected segment only">
        <input
          type="checkbox"
          checked={onlySelected}
          disabled={selectedId === null}
          onChange={(e) => setOnlySelected(e.target.checked)}
        />{' '}
        selected only
      </label>
      <button
        type="button"
        className="btn btn-small"
        disabled={busy || !model}
        title={
          none
            ? `Install an ASR model for ${lang} on the Models screen first`
            : 'Find speech (when the transcript tier is empty), then transcribe with the model'
        }
        onClick={() => void run()}
      >
        {busy ? 'Pre-annotating…' : 'Pre-annotate'}
      </button>
      {busy && progress && (
        <span role="status" className="small">
          <progress max={progress.total ?? undefined} value={progress.done} /> {progress.message}
        </span>
      )}
      {!busy && result && (
        <span role="status" className="small" data-testid="preannotate-result">
          {result.created} segments found · {result.transcribed} transcribed ·{' '}
          {result.skippedEdited} kept (edited by a person)
        </span>
      )}
    </span>
  );
}
