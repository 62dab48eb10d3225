import { useState } from 'react';
import type { CatalogModel } from '../../../native/contract/models.js';
import { useBridge } from '../../app/bridge-context.js';
import { toEngineError, type EngineError } from '../../bridge/engine-error.js';
import { ErrorView } from '../../components/ErrorView.js';
import { ModelIdentityCells, ModelTableHead } from './ModelTableParts.js';
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
        <ModelTableHead own={['Source', 'Get it']} />
        <tbody>
          {models.map((m) => {
            const p = progress[`download ${m.id}`];
            return (
              <tr key={m.id} data-catalog-id={m.id}>
                <ModelIdentityCells m={m} />
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
