import { useState } from 'react';
import { useBridge } from '../../app/bridge-context.js';
import { toEngineError, type EngineError } from '../../bridge/engine-error.js';
import { ErrorView } from '../../components/ErrorView.js';
import { useEngine } from '../../app/use-engine.js';

/** Folders and archives on this machine, one folder at a time (browser mode has no file dialog). */
function FolderPicker({ start, onPick }: { start?: string; onPick: (path: string) => void }) {
  const [dir, setDir] = useState<string | undefined>(start);
  const listing = useEngine('models.browse', dir === undefined ? {} : { dir });
  return (
    <div className="picker" data-testid="model-picker">
      {listing.error && <ErrorView error={listing.error} />}
      {listing.data && (
        <>
          <div className="picker-head">
            <button
              type="button"
              className="btn btn-small"
              disabled={listing.data.parent === null}
              onClick={() => setDir(listing.data?.parent ?? undefined)}
            >
              ↑ Up
            </button>
            <span className="mono small">{listing.data.dir}</span>
            <button
              type="button"
              className="btn btn-small"
              onClick={() => listing.data && onPick(listing.data.dir)}
            >
              Choose this folder
            </button>
          </div>
          <ul className="picker-list">
            {listing.data.entries.length === 0 && <li className="muted">No folders or archives here.</li>}
            {listing.data.entries.map((e) => (
              <li key={e.path}>
                {e.kind === 'dir' ? (
                  <button type="button" className="btn-link" onClick={() => setDir(e.path)}>
                    📁 {e.name}
                  </button>
                ) : (
                  <button type="button" className="btn-link" onClick={() => onPick(e.path)}>
                    🗜 {e.name}
                  </button>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

/** Import a model folder or archive into the user's model folder. */
export function ImportCard({ home, onImported }: { home: string; onImported: (id: string) => void }) {
  const bridge = useBridge();
  const [path, setPath] = useState('');
  const [replace, setReplace] = useState(false);
  const [picking, setPicking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<EngineError | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const submit = async () => {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const r = await bridge.call('models.import', { path: path.trim(), replace });
      setDone(`Imported ${r.id} (${r.files} files) into ${r.dir}`);
      onImported(r.id);
    } catch (e) {
      setError(toEngineError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby="import-head">
      <h2 id="import-head" className="card-title">
        Import a model
      </h2>
      <p className="muted small">
        A model folder (with or without <span className="mono">manifest.json</span>) or a .zip,
        .tar or .tar.gz archive. It is checked file by file and copied into{' '}
        <span className="mono">{home}</span>. Nothing is downloaded.
      </p>
      <form
        className="filters"
        onSubmit={(e) => {
          e.preventDefault();
          if (path.trim()) void submit();
        }}
      >
        <label className="field grow">
          <span className="field-label">Folder or archive</span>
          <input
            type="text"
            className="text-input mono"
            value={path}
            placeholder="/path/to/model-folder or model.tar.gz"
            onChange={(e) => setPath(e.target.value)}
          />
        </label>
        <button type="button" className="btn" onClick={() => setPicking((p) => !p)}>
          {picking ? 'Close browser' : 'Browse…'}
        </button>
        <label className="check">
          <input type="checkbox" checked={replace} onChange={(e) => setReplace(e.target.checked)} />{' '}
          Replace a model with the same id
        </label>
        <button type="submit" className="btn btn-primary" disabled={busy || !path.trim()}>
          {busy ? 'Importing…' : 'Import'}
        </button>
      </form>
      {picking && (
        <FolderPicker
          start={path.trim() || undefined}
          onPick={(p) => {
            setPath(p);
            setPicking(false);
          }}
        />
      )}
      {error && <ErrorView error={error} />}
      {done && (
        <p className="ok-line" role="status">
          ✓ {done}
        </p>
      )}
    </section>
  );
}
