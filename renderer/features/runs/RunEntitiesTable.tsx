import { useEffect, useState } from 'react';
import type { OutcomeClass, RunEntityRow } from '../../../native/contract/index.js';
import { useBridge } from '../../app/bridge-context.js';
import { toEngineError, type EngineError } from '../../bridge/engine-error.js';
import { entityColor } from '../../components/entity-colors.js';
import { ErrorView } from '../../components/ErrorView.js';
import { usePlayer } from '../player/player-context.js';
import { OutcomeBadge } from './OutcomeBadge.js';
import { OUTCOMES } from './outcomes.js';

const PAGE = 200;

/** Every scored entity of a run: what was said, what came out, how it was judged. Click to listen. */
export function RunEntitiesTable({ runId, types }: { runId: number; types: readonly string[] }) {
  const bridge = useBridge();
  const player = usePlayer();
  const [type, setType] = useState('');
  const [outcome, setOutcome] = useState<OutcomeClass | ''>('');
  const [rows, setRows] = useState<RunEntityRow[]>([]);
  const [total, setTotal] = useState<number | null>(null);
  const [limit, setLimit] = useState(PAGE);
  const [error, setError] = useState<EngineError | null>(null);
  const [playing, setPlaying] = useState<string | null>(null);

  useEffect(() => {
    setLimit(PAGE);
  }, [runId, type, outcome]);

  useEffect(() => {
    let live = true;
    bridge
      .call('runs.entities', {
        runId,
        ...(type ? { type } : {}),
        ...(outcome ? { outcome } : {}),
        offset: 0,
        limit,
      })
      .then((r) => {
        if (!live) return;
        setRows(r.rows);
        setTotal(r.total);
        setError(null);
      })
      .catch((e: unknown) => live && setError(toEngineError(e)));
    return () => {
      live = false;
    };
  }, [bridge, runId, type, outcome, limit]);

  const play = (r: RunEntityRow, key: string, row: HTMLElement | null) => {
    setPlaying(key);
    player.open(r.utteranceId, { autoplay: true, hypothesis: r.hypothesis });
    // The Player docks below and shrinks the page: keep the row the user clicked in view.
    window.setTimeout(() => row?.scrollIntoView({ block: 'nearest' }), 120);
  };

  return (
    <section className="card" aria-labelledby="entities-title">
      <div className="card-head">
        <h2 id="entities-title">Entities</h2>
        <span className="muted" aria-live="polite">
          {total === null ? '' : `${total.toLocaleString()} shown by these filters`}
        </span>
      </div>
      <div className="filters">
        <label className="field">
          <span className="field-label">Type</span>
          <select value={type} onChange={(e) => setType(e.target.value)} aria-label="Entity type">
            <option value="">All types</option>
            {types.map((t) => (
              <option key={t} value={t}>
                {entityColor(t).label}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field-label">Outcome</span>
          <select
            value={outcome}
            onChange={(e) => setOutcome(e.target.value as OutcomeClass | '')}
            aria-label="Outcome"
          >
            <option value="">All outcomes</option>
            {OUTCOMES.map((o) => (
              <option key={o.key} value={o.key}>
                {o.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      {error && <ErrorView error={error} />}
      <div className="table-scroll">
        <table className="data-table entities-table" data-testid="run-entities">
          <thead>
            <tr>
              <th scope="col">Utterance</th>
              <th scope="col">Type</th>
              <th scope="col">Reference</th>
              <th scope="col">Hypothesis window</th>
              <th scope="col">Outcome</th>
              <th scope="col">Exact surface</th>
              <th scope="col">
                <span className="sr-only">Play</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => {
              const key = `${r.utteranceId}:${i}`;
              const c = entityColor(r.type);
              return (
                <tr
                  key={key}
                  className={`clickable ${playing === key ? 'is-playing' : ''}`}
                  data-utterance-id={r.utteranceId}
                  onClick={(e) => play(r, key, e.currentTarget)}
                >
                  <td className="mono small">{r.extId}</td>
                  <td>
                    <span className="type-chip" style={{ borderColor: c.line, background: c.bg }}>
                      {c.label}
                    </span>
                  </td>
                  <td
                    lang={r.lang}
                    className="indic"
                    title={r.value ? `value: ${r.value}` : undefined}
                  >
                    {r.surface}
                  </td>
                  <td lang={r.lang} className="indic">
                    {r.hypWindow || <span className="muted">(nothing)</span>}
                  </td>
                  <td>
                    <OutcomeBadge outcome={r.outcome} />
                  </td>
                  <td>
                    {r.exactSurface ? (
                      <span className="yes">✓ exact</span>
                    ) : (
                      <span className="muted">✗ no</span>
                    )}
                  </td>
                  <td>
                    <button
                      type="button"
                      className="btn btn-small"
                      aria-label={`Play ${r.extId}`}
                      onClick={(e) => {
                        e.stopPropagation();
                        play(r, key, e.currentTarget.closest('tr'));
                      }}
                      disabled={r.audioId === null}
                    >
                      ▶ Play
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {total !== null && rows.length < total && (
        <button type="button" className="btn" onClick={() => setLimit((l) => l + PAGE)}>
          Show {Math.min(PAGE, total - rows.length)} more
        </button>
      )}
    </section>
  );
}
