import type { ReferenceEdit } from '../../../native/contract/index.js';
import { formatPct } from '../../app/format.js';
import { useEngine } from '../../app/use-engine.js';
import { entityColor } from '../../components/entity-colors.js';
import { EntityText } from '../../components/EntityText.js';
import { ErrorView } from '../../components/ErrorView.js';
import { usePlayer } from '../player/player-context.js';
import { OutcomeBadge } from '../runs/OutcomeBadge.js';
import { AlignmentLegend, AlignmentView } from './AlignmentView.js';
import { formatSeconds, runColor } from './metrics.js';
import { PATTERN_LABELS } from './patterns.js';
import { ReferenceFix } from './ReferenceFix.js';

/** One utterance under every compared run: alignment, entity outcomes with their error pattern, playback, reference fix. */
export function UtteranceDetail({
  utteranceId,
  runIds,
  onFixed,
  onClose,
}: {
  utteranceId: number;
  runIds: number[];
  onFixed: (edit: ReferenceEdit) => void;
  onClose: () => void;
}) {
  const player = usePlayer();
  const d = useEngine('evaluate.utterance', { utteranceId, runIds });
  const u = d.data;
  const play = (startSec?: number) => {
    if (!u) return;
    player.open(u.utteranceId, {
      autoplay: true,
      audioId: u.audioId,
      hypothesis: u.runs[0]?.hypothesis,
      ...(startSec !== undefined ? { startSec } : {}),
    });
  };
  return (
    <section className="card ev-detail" aria-labelledby="detail-title" data-testid="eval-detail">
      <div className="card-head">
        <h2 id="detail-title">
          Utterance <span className="mono">{u?.extId ?? '…'}</span>
        </h2>
        {u && (
          <span className="muted">
            {u.lang} · {formatSeconds(u.durationSec)}
          </span>
        )}
        <span className="card-action">
          <button
            type="button"
            className="btn btn-small"
            onClick={() => play()}
            disabled={!u || u.audioId === null}
          >
            ▶ Play
          </button>{' '}
          <button type="button" className="btn btn-small btn-quiet" onClick={onClose}>
            Close
          </button>
        </span>
      </div>
      {d.error && <ErrorView error={d.error} onRetry={d.reload} />}
      {u && (
        <>
          <p className="utt-text ev-ref" lang={u.lang} data-testid="eval-reference">
            <EntityText text={u.text} spans={u.entities} lang={u.lang} />
          </p>
          {u.spoken !== null && (
            <p className="muted small indic" lang={u.lang} data-testid="eval-spoken">
              spoken: {u.spoken}
            </p>
          )}
          <ReferenceFix
            key={`${u.utteranceId}:${u.text}:${u.spoken ?? ''}`}
            utteranceId={u.utteranceId}
            text={u.text}
            spoken={u.spoken}
            lang={u.lang}
            onFixed={onFixed}
          />
          {u.entities.length > 0 && (
            <table className="data-table ev-entities" data-testid="eval-detail-entities">
              <thead>
                <tr>
                  <th scope="col">Entity</th>
                  <th scope="col">Reference</th>
                  {u.runs.map((r, i) => (
                    <th scope="col" key={r.runId}>
                      <span
                        className="run-swatch"
                        style={{ background: runColor(i) }}
                        aria-hidden
                      />
                      {r.name}
                    </th>
                  ))}
                  <th scope="col">
                    <span className="sr-only">Play</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {u.entities.map((e) => {
                  const c = entityColor(e.type);
                  return (
                    <tr key={e.spanId} data-type={e.type}>
                      <td>
                        <span
                          className="type-chip"
                          style={{ borderColor: c.line, background: c.bg }}
                        >
                          {c.label}
                        </span>
                      </td>
                      <td
                        className="indic"
                        lang={u.lang}
                        title={e.value ? `value: ${e.value}` : undefined}
                      >
                        {e.surface}
                      </td>
                      {u.runs.map((r) => {
                        const o = r.outcomes.find((x) => x.spanId === e.spanId);
                        return (
                          <td key={r.runId}>
                            {o ? (
                              <>
                                <OutcomeBadge outcome={o.outcome} />{' '}
                                {o.pattern && (
                                  <span className="pattern">{PATTERN_LABELS[o.pattern]}</span>
                                )}
                                <div className="indic small hyp-window" lang={u.lang}>
                                  {o.hypWindow || <span className="muted">(nothing)</span>}
                                </div>
                              </>
                            ) : (
                              <span className="muted">not scored</span>
                            )}
                          </td>
                        );
                      })}
                      <td>
                        <button
                          type="button"
                          className="btn btn-small"
                          disabled={u.audioId === null}
                          onClick={() => play(e.startSec ?? undefined)}
                          title={
                            e.timing === 'words'
                              ? 'Play from where the recogniser heard the entity begin (its word times)'
                              : 'Play from about where the entity is spoken (estimated from its place in the text: no word times are stored)'
                          }
                        >
                          ▶ from {formatSeconds(e.startSec)}
                        </button>
                        {e.timing === 'estimate' && e.startSec !== null && (
                          <div className="muted small" data-testid="entity-time-estimated">
                            estimated
                          </div>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
          <h3 className="ev-sub">Alignment</h3>
          <AlignmentLegend />
          {u.runs.map((r, i) => (
            <div key={r.runId} className="al-run">
              <div className="al-run-head">
                <span className="run-swatch" style={{ background: runColor(i) }} aria-hidden />
                <strong>{r.name}</strong> <span className="muted">WER {formatPct(r.wer)}</span>
              </div>
              <AlignmentView tokens={r.tokens} entities={u.entities} lang={u.lang} />
            </div>
          ))}
        </>
      )}
    </section>
  );
}
