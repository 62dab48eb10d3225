import { useEffect, useMemo, useState } from 'react';
import type { ApiResponse } from '../../../native/contract/index.js';
import { useBridge } from '../../app/bridge-context.js';
import { useDebounced } from '../../app/use-debounced.js';
import { useEngine } from '../../app/use-engine.js';
import { toEngineError, type EngineError } from '../../bridge/engine-error.js';
import { ErrorView } from '../../components/ErrorView.js';
import { ConfigForm } from './ConfigForm.js';
import { toForm, toRaw, type FormConfig } from './form-config.js';
import { JobPanel } from './JobPanel.js';
import { JobResults } from './JobResults.js';
import { PreviewTable } from './PreviewTable.js';
import { useJobStatus } from './use-job-status.js';
import './generate.css';

type Options = ApiResponse<'generate.options'>;
type Preview = ApiResponse<'generate.preview'>;

function Editor({ options, onStarted }: { options: Options; onStarted: () => void }) {
  const bridge = useBridge();
  const [form, setForm] = useState<FormConfig>(() => toForm(options.config));
  const [file, setFile] = useState(options.defaultFile);
  const [validity, setValidity] = useState<{ ok: boolean; error: string | null } | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [busy, setBusy] = useState<'preview' | 'save' | 'load' | 'run' | null>(null);
  const [error, setError] = useState<EngineError | null>(null);
  const [saved, setSaved] = useState<string | null>(options.saved ? options.defaultFile : null);

  const raw = useMemo(() => toRaw(form), [form]);
  const settled = useDebounced(raw, 250);
  useEffect(() => {
    let live = true;
    bridge
      .call('generate.validate', { config: settled })
      .then((v) => live && setValidity(v))
      .catch((e: unknown) => live && setError(toEngineError(e)));
    return () => {
      live = false;
    };
  }, [bridge, settled]);
  // A preview of another configuration would mislead: drop it when the form changes.
  useEffect(() => setPreview(null), [raw]);

  const act = async (what: 'preview' | 'save' | 'load' | 'run') => {
    setBusy(what);
    setError(null);
    try {
      if (what === 'preview') setPreview(await bridge.call('generate.preview', { config: raw }));
      else if (what === 'save')
        setSaved((await bridge.call('generate.save', { config: raw, file })).file);
      else if (what === 'load') {
        const r = await bridge.call('generate.load', { file });
        setForm(toForm(r.config));
        setSaved(r.file);
      } else {
        await bridge.call('generate.save', { config: raw, file });
        setSaved(file);
        await bridge.call('generate.run', { config: raw, file });
        onStarted();
      }
    } catch (e) {
      setError(toEngineError(e));
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      <section className="card file-bar" aria-label="Configuration file">
        <label className="field grow">
          <span className="field-label">
            Configuration file (the YAML that `charkha flywheel run` reads)
          </span>
          <input
            className="text-input mono"
            value={file}
            onChange={(e) => setFile(e.target.value)}
            aria-label="Configuration file"
          />
        </label>
        <button
          type="button"
          className="btn"
          disabled={busy !== null}
          onClick={() => void act('load')}
        >
          Load
        </button>
        <button
          type="button"
          className="btn"
          disabled={busy !== null || !validity?.ok}
          onClick={() => void act('save')}
        >
          Save
        </button>
        <span className="small muted saved-note">
          {saved ? `saved as ${saved}` : 'not saved yet'}
        </span>
      </section>
      <ConfigForm value={form} options={options} onChange={setForm} />
      <div className="run-bar">
        <p
          className={validity?.ok ? 'valid' : 'invalid'}
          data-testid="config-validity"
          role="status"
        >
          {validity === null
            ? 'Checking…'
            : validity.ok
              ? '✓ Valid configuration'
              : `✗ ${validity.error ?? 'invalid'}`}
        </p>
        <button
          type="button"
          className="btn"
          disabled={busy !== null || !validity?.ok}
          onClick={() => void act('preview')}
        >
          {busy === 'preview' ? 'Generating…' : 'Preview 20 rows'}
        </button>
        <button
          type="button"
          className="btn btn-primary"
          disabled={busy !== null || !validity?.ok}
          onClick={() => void act('run')}
        >
          {busy === 'run' ? 'Starting…' : 'Save and run'}
        </button>
      </div>
      {error && <ErrorView error={error} />}
      {preview && (
        <section className="card" aria-label="Preview">
          <h2 className="card-title">Preview</h2>
          <PreviewTable rows={preview.rows} total={preview.total} />
        </section>
      )}
    </>
  );
}

/** Configure a flywheel job, preview it, run it, and review what it made. */
export function GenerateScreen() {
  const bridge = useBridge();
  const options = useEngine('generate.options', {});
  const { status, error, refresh } = useJobStatus();
  const [controlError, setControlError] = useState<EngineError | null>(null);
  const [busy, setBusy] = useState(false);
  const [editing, setEditing] = useState(false);
  const job = status?.job ?? null;
  const showEditor = editing || job === null;

  const control = async (action: 'pause' | 'resume' | 'cancel') => {
    if (!job) return;
    setBusy(true);
    setControlError(null);
    try {
      await bridge.call('generate.control', { jobId: job.id, action });
    } catch (e) {
      setControlError(toEngineError(e));
    } finally {
      setBusy(false);
      refresh();
    }
  };

  return (
    <div className="screen generate">
      <div className="screen-head">
        <h1>Generate</h1>
        <p className="muted">
          Synthetic, entity-dense speech: generate rows, speak them, augment, transcribe, score,
          filter and export.
        </p>
        {job && (
          <button type="button" className="btn" onClick={() => setEditing((e) => !e)}>
            {showEditor ? 'Hide the configuration' : 'New or changed configuration'}
          </button>
        )}
      </div>
      {options.error && <ErrorView error={options.error} onRetry={options.reload} />}
      {error && <ErrorView error={error} onRetry={refresh} />}
      {job && <JobPanel job={job} busy={busy} onControl={(a) => void control(a)} />}
      {controlError && <ErrorView error={controlError} />}
      {options.data && showEditor && (
        <Editor
          options={options.data}
          onStarted={() => {
            setEditing(false);
            refresh();
          }}
        />
      )}
      {job && job.state === 'done' && <JobResults job={job} onChanged={refresh} />}
    </div>
  );
}
