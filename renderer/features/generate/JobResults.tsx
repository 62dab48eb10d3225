import { useState } from 'react';
import type { GenerateStatus, RejectedClip } from '../../../native/contract/generate.js';
import { useBridge } from '../../app/bridge-context.js';
import { formatPct } from '../../app/format.js';
import { hrefOf } from '../../app/use-hash-route.js';
import { toEngineError, type EngineError } from '../../bridge/engine-error.js';
import { ErrorView } from '../../components/ErrorView.js';

type Job = NonNullable<GenerateStatus['job']>;

function ci(c: [number, number] | null): string {
  return c ? `${formatPct(c[0])} – ${formatPct(c[1])}` : '—';
}

function ClipRow({
  clip,
  jobId,
  onChanged,
}: {
  clip: RejectedClip;
  jobId: number;
  onChanged: () => void;
}) {
  const bridge = useBridge();
  const [error, setError] = useState<EngineError | null>(null);
  const final = clip.overrule ?? clip.decision;
  const overrule = async (decision: 'kept' | 'rejected' | null) => {
    setError(null);
    try {
      await bridge.call('generate.overrule', { jobId, utteranceId: clip.utteranceId, decision });
      onChanged();
    } catch (e) {
      setError(toEngineError(e));
    }
  };
  return (
    <tr data-clip={clip.extId}>
      <th scope="row" className="mono small">
        {clip.extId}
      </th>
      <td>
        {clip.audioId !== null && (
          <audio
            controls
            preload="none"
            src={bridge.mediaUrl(clip.audioId)}
            aria-label={`Play ${clip.extId}`}
          />
        )}
      </td>
      <td className="indic" lang={clip.lang}>
        {clip.text}
        <div className="muted small" lang={clip.lang}>
          heard: {clip.hypothesis || '(nothing)'}
        </div>
      </td>
      <td className="small reason">{clip.reason ?? '—'}</td>
      <td>
        <span className={`badge ${final === 'kept' ? 'badge-hit' : 'badge-miss'}`}>{final}</span>
        {clip.overrule !== null && <div className="muted small">overruled</div>}
      </td>
      <td className="actions">
        {final === 'rejected' ? (
          <button type="button" className="btn btn-small" onClick={() => void overrule('kept')}>
            Keep it
          </button>
        ) : (
          <button type="button" className="btn btn-small" onClick={() => void overrule('rejected')}>
            Reject it
          </button>
        )}
        {clip.overrule !== null && (
          <button
            type="button"
            className="btn btn-small btn-quiet"
            onClick={() => void overrule(null)}
          >
            Undo
          </button>
        )}
        {error && <ErrorView error={error} />}
      </td>
    </tr>
  );
}

/** What the finished job came to: EHR per language and per type, the filter's rejections, the exports. */
export function JobResults({ job, onChanged }: { job: Job; onChanged: () => void }) {
  const [copied, setCopied] = useState<string | null>(null);
  return (
    <>
      <section className="card" aria-labelledby="res-head" data-testid="job-results">
        <h2 id="res-head" className="card-title">
          Results{' '}
          <span className="muted small">(test split, unfiltered; 95% bootstrap intervals)</span>
        </h2>
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Language</th>
              <th scope="col">ASR model</th>
              <th scope="col" className="num">
                Train / test
              </th>
              <th scope="col" className="num">
                EHR (test)
              </th>
              <th scope="col" className="num">
                95% CI
              </th>
              <th scope="col" className="num">
                CER
              </th>
              <th scope="col" className="num">
                Rejected (train)
              </th>
              <th scope="col">Run</th>
            </tr>
          </thead>
          <tbody>
            {job.languages.map((l) => (
              <tr key={l.lang}>
                <th scope="row">{l.lang}</th>
                <td className="mono">{l.model ?? 'none'}</td>
                <td className="num">
                  {l.train} / {l.test}
                </td>
                <td className="num">
                  <strong>{l.model === null ? 'not transcribed' : formatPct(l.ehr)}</strong>
                </td>
                <td className="num muted">{ci(l.ci95)}</td>
                <td className="num">{formatPct(l.cer)}</td>
                <td className="num">
                  {l.kept + l.rejected === 0 ? '—' : `${l.rejected} of ${l.kept + l.rejected}`}
                </td>
                <td>
                  {l.runId !== null && (
                    <a href={hrefOf({ screen: 'run', runId: l.runId })}>open run</a>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <h3 className="sub-title">EHR per entity type</h3>
        {job.byType.length === 0 ? (
          <p className="muted small">No scored test entities (no ASR model, or no test rows).</p>
        ) : (
          <table className="data-table" data-testid="ehr-by-type">
            <thead>
              <tr>
                <th scope="col">Language</th>
                <th scope="col">Entity type</th>
                <th scope="col" className="num">
                  Hits / entities
                </th>
                <th scope="col" className="num">
                  EHR
                </th>
                <th scope="col" className="num">
                  95% CI
                </th>
              </tr>
            </thead>
            <tbody>
              {job.byType.map((t) => (
                <tr key={`${t.lang}/${t.type}`}>
                  <td>{t.lang}</td>
                  <th scope="row">{t.type}</th>
                  <td className="num">
                    {t.hits} / {t.entities}
                  </td>
                  <td className="num">
                    <strong>{formatPct(t.ehr)}</strong>
                  </td>
                  <td className="num muted">{ci(t.ci95)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section className="card" aria-labelledby="clips-head">
        <h2 id="clips-head" className="card-title">
          Rejected clips{' '}
          <span className="muted small">
            ({job.clips.filter((c) => c.decision === 'rejected').length}; listen, and overrule the
            filter where it is wrong)
          </span>
        </h2>
        {job.clips.length === 0 ? (
          <p className="muted small">The filter rejected nothing.</p>
        ) : (
          <table className="data-table clips-table" data-testid="rejected-clips">
            <thead>
              <tr>
                <th scope="col">Clip</th>
                <th scope="col">Audio</th>
                <th scope="col">Text, and what the model heard</th>
                <th scope="col">Why</th>
                <th scope="col">Now</th>
                <th scope="col">Overrule</th>
              </tr>
            </thead>
            <tbody>
              {job.clips.map((c) => (
                <ClipRow key={c.utteranceId} clip={c} jobId={job.id} onChanged={onChanged} />
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section className="card" aria-labelledby="exports-head">
        <h2 id="exports-head" className="card-title">
          Exports
        </h2>
        {job.exports.length === 0 ? (
          <p className="muted small">No exports configured.</p>
        ) : (
          <ul className="exports" data-testid="job-exports">
            {job.exports.map((e) => (
              <li key={e.outDir}>
                <strong>{e.format}</strong> <span className="muted">({e.rows} rows)</span>{' '}
                <span className="mono path">{e.outDir}</span>{' '}
                <button
                  type="button"
                  className="btn btn-small"
                  onClick={() => {
                    void navigator.clipboard?.writeText(e.outDir).then(() => setCopied(e.outDir));
                  }}
                >
                  {copied === e.outDir ? 'Copied' : 'Copy folder path'}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
