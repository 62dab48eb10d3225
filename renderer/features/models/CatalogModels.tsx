import { useState } from 'react';
import type { CatalogModel } from '../../../native/contract/models.js';
import { useBridge } from '../../app/bridge-context.js';
import { formatBytes } from '../../app/format.js';
import { toEngineError, type EngineError } from '../../bridge/engine-error.js';
import { ErrorView } from '../../components/ErrorView.js';
import { LicenceCell } from './LicenceCell.js';
import { useTaskProgress } from './use-task-progress.js';

/** The public models Charkha knows how to run; downloaded only when the user asks. */
export function CatalogModels({
  models,
  onChanged,
}: {
  models: CatalogModel[];
  onChanged: () => void;
}) {
  const bridge = useBridge();
  const [busy, setBusy] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, EngineError>>({});
  const progress = useTaskProgress('download ');

  const download = async (id: string) => {
    setBusy(id);
    setErrors(({ [id]: _gone, ...rest }) => rest);
    try {
      await bridge.call('models.download', { id });
      onChanged();
    } catch (e) {
      setErrors((x) => ({ ...x, [id]: toEngineError(e) }));
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="table-scroll">
      <table className="data-table models-table" data-testid="catalog-models">
        <thead>
          <tr>
            <th scope="col">Model</th>
            <th scope="col">Task</th>
            <th scope="col">Family</th>
            <th scope="col">Languages</th>
            <th scope="col" className="num">
              Size
            </th>
            <th scope="col">Licence</th>
            <th scope="col">Source</th>
            <th scope="col">Get it</th>
          </tr>
        </thead>
        <tbody>
          {models.map((m) => {
            const p = progress[`download ${m.id}`];
            return (
              <tr key={m.id} data-catalog-id={m.id}>
                <th scope="row">
                  <span className="mono">{m.id}</span>
                  {m.name && <div className="muted small">{m.name}</div>}
                </th>
                <td>{m.task.toUpperCase()}</td>
                <td className="mono">{m.family}</td>
                <td className="langs" title={m.languages.join(', ')}>
                  {m.languages.length > 6
                    ? `${m.languages.slice(0, 6).join(', ')} +${m.languages.length - 6}`
                    : m.languages.join(', ')}
                </td>
                <td className="num">{m.sizeBytes === null ? '—' : formatBytes(m.sizeBytes)}</td>
                <td>
                  <LicenceCell licence={m.licence} nonCommercial={m.nonCommercial} />
                </td>
                <td className="mono small">{m.repo}</td>
                <td className="actions">
                  {m.installed ? (
                    <span className="badge badge-hit">installed</span>
                  ) : m.exportRequired ? (
                    <span className="muted small" title={m.notes ?? undefined}>
                      needs ONNX export, then Import
                    </span>
                  ) : (
                    <button
                      type="button"
                      className="btn btn-small"
                      disabled={busy !== null}
                      onClick={() => void download(m.id)}
                    >
                      {busy !== m.id ? 'Download' : p ? 'Downloading…' : 'Checking connection…'}
                    </button>
                  )}
                  {busy === m.id && p && (
                    <div className="small muted">
                      <progress max={p.total ?? undefined} value={p.done} /> {p.message}
                    </div>
                  )}
                  {errors[m.id] && <ErrorView error={errors[m.id]} />}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
