import { Fragment, useState } from 'react';
import type {
  InstalledModel,
  ModelBenchmark,
  ModelVerifyReport,
} from '../../../native/contract/models.js';
import { useBridge } from '../../app/bridge-context.js';
import { toEngineError, type EngineError } from '../../bridge/engine-error.js';
import { ErrorView } from '../../components/ErrorView.js';
import { ModelIdentityCells, ModelTableHead } from './ModelTableParts.js';
import { useTaskProgress } from './use-task-progress.js';

const ORIGIN: Record<InstalledModel['origin'], string> = {
  bundled: 'bundled',
  home: 'model folder',
  project: 'project',
};

interface RowState {
  busy?: 'verify' | 'benchmark' | 'remove';
  verify?: ModelVerifyReport;
  bench?: ModelBenchmark;
  error?: EngineError;
}

function VerifyResult({ report }: { report: ModelVerifyReport }) {
  return (
    <div className={report.ok ? 'verify ok' : 'verify bad'} data-testid="verify-result">
      <p className="verify-head">
        <strong>{report.ok ? '✓ Verified' : '✗ Verification failed'}</strong>{' '}
        <span className="muted">
          {report.checks.filter((c) => c.kind === 'file').length} files checked against their size
          and sha256
          {report.checks.some((c) => c.kind === 'load') && ', ONNX inputs and outputs checked'}
        </span>
      </p>
      <ul className="verify-list">
        {report.checks.map((c, i) => (
          <li key={i} className={c.ok ? 'ok' : 'bad'}>
            <span className="verify-mark">{c.ok ? 'ok' : 'FAIL'}</span>{' '}
            <span className="muted">{c.kind === 'file' ? 'file' : 'tensors'}</span>{' '}
            <span className="mono">{c.path}</span>
            {c.problem && <span className="verify-problem">: {c.problem}</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}

function BenchResult({ b }: { b: ModelBenchmark }) {
  return (
    <p className="bench" data-testid="bench-result">
      <strong>RTF {b.rtf.toFixed(3)}</strong>{' '}
      <span className="muted">
        ({b.rtf < 1 ? `${(1 / b.rtf).toFixed(1)}× faster than real time` : 'slower than real time'}
        ; {b.runs} runs over {b.audioSec.toFixed(1)} s of audio, load {b.loadSec.toFixed(2)} s; {b.machine};
        job {b.jobId})
      </span>
    </p>
  );
}

/** Installed models with verify, benchmark and remove on each. */
export function InstalledModels({
  models,
  highlight,
  onChanged,
}: {
  models: InstalledModel[];
  highlight: string | null;
  onChanged: () => void;
}) {
  const bridge = useBridge();
  const [rows, setRows] = useState<Record<string, RowState>>({});
  const progress = useTaskProgress('benchmark ');
  const patch = (id: string, s: RowState) =>
    setRows((r) => ({ ...r, [id]: { ...r[id], ...s } }));

  const act = async (m: InstalledModel, what: 'verify' | 'benchmark' | 'remove') => {
    if (
      what === 'remove' &&
      !window.confirm(`Remove ${m.id}? Its folder ${m.dir} is deleted from the model folder.`)
    )
      return;
    patch(m.id, { busy: what, error: undefined });
    try {
      if (what === 'verify') patch(m.id, { verify: await bridge.call('models.verify', { id: m.id }) });
      else if (what === 'benchmark')
        patch(m.id, { bench: await bridge.call('models.benchmark', { id: m.id }) });
      else {
        await bridge.call('models.remove', { id: m.id });
        onChanged();
      }
    } catch (e) {
      patch(m.id, { error: toEngineError(e) });
    } finally {
      patch(m.id, { busy: undefined });
    }
  };

  return (
    <div className="table-scroll">
      <table className="data-table models-table" data-testid="installed-models">
        <ModelTableHead own={['On disk', 'Actions']} />
        <tbody>
          {models.map((m) => {
            const s = rows[m.id] ?? {};
            const p = progress[`benchmark ${m.id}`];
            const speech = m.task === 'tts' || m.task === 'asr';
            return (
              <Fragment key={m.id}>
                <tr
                  data-model-id={m.id}
                  className={highlight === m.id ? 'is-new' : undefined}
                  aria-label={m.id}
                >
                  <ModelIdentityCells m={m} />
                  <td>
                    <span className="badge-origin">{ORIGIN[m.origin]}</span>
                    <div className="mono small path" title={m.dir}>
                      {m.dir}
                    </div>
                  </td>
                  <td>
                    <div className="action-group">
                    <button
                      type="button"
                      className="btn btn-small"
                      disabled={s.busy !== undefined}
                      onClick={() => void act(m, 'verify')}
                    >
                      {s.busy === 'verify' ? 'Verifying…' : 'Verify'}
                    </button>
                    <button
                      type="button"
                      className="btn btn-small"
                      disabled={s.busy !== undefined || !speech}
                      title={speech ? 'Real-time factor on this machine' : 'TTS and ASR models only'}
                      onClick={() => void act(m, 'benchmark')}
                    >
                      {s.busy === 'benchmark' ? 'Benchmarking…' : 'Benchmark'}
                    </button>
                    {m.origin === 'home' && (
                      <button
                        type="button"
                        className="btn btn-small btn-danger"
                        disabled={s.busy !== undefined}
                        onClick={() => void act(m, 'remove')}
                      >
                        Remove
                      </button>
                    )}
                    </div>
                  </td>
                </tr>
                {(s.verify || s.bench || s.error || (s.busy === 'benchmark' && p)) && (
                  <tr className="detail-row">
                    <td colSpan={8}>
                      {s.busy === 'benchmark' && p && (
                        <div className="bench-progress" role="status">
                          <progress max={p.total ?? undefined} value={p.done} />{' '}
                          <span className="muted small">{p.message}</span>
                        </div>
                      )}
                      {s.error && <ErrorView error={s.error} />}
                      {s.verify && <VerifyResult report={s.verify} />}
                      {s.bench && <BenchResult b={s.bench} />}
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
