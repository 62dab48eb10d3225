import { useEffect, useRef, useState } from 'react';
import type { PatternEntity, RunSummary } from '../../../native/contract/index.js';
import { useEngine } from '../../app/use-engine.js';
import { entityColor } from '../../components/entity-colors.js';
import { ErrorView } from '../../components/ErrorView.js';
import { OutcomeBadge } from '../runs/OutcomeBadge.js';
import { toCsv } from './csv.js';
import { downloadText } from './download.js';
import { PATTERN_LABELS } from './patterns.js';

const EXAMPLES = 4;

/** All entities of one type in one run, the errors grouped by pattern with their count and examples. */
export function PatternDrilldown({
  runs,
  types,
  focusRunId,
  version,
  onOpen,
}: {
  runs: RunSummary[];
  types: string[];
  focusRunId: number;
  version: number;
  onOpen: (utteranceId: number) => void;
}) {
  const [runId, setRunId] = useState(focusRunId);
  const [type, setType] = useState(types.includes('phone') ? 'phone' : (types[0] ?? ''));
  const [expanded, setExpanded] = useState<string | null>(null);
  const p = useEngine('evaluate.patterns', type ? { runId, type } : null);
  const { reload } = p;
  const first = useRef(version);
  useEffect(() => {
    // A corrected reference changes outcomes: ask again (not on the first render, which just asked).
    if (version !== first.current) reload();
  }, [version, reload]);
  const d = p.data;
  const exportCsv = () => {
    if (!d) return;
    const rows = d.groups.flatMap((g) => g.entities.map((e) => ({ ...e, pattern: g.pattern })));
    downloadText(
      `charkha-${type}-errors.csv`,
      toCsv<PatternEntity & { pattern: string }>(
        [
          { header: 'pattern', value: (r) => r.pattern },
          { header: 'utterance', value: (r) => r.extId },
          { header: 'lang', value: (r) => r.lang },
          { header: 'reference', value: (r) => r.surface },
          { header: 'value', value: (r) => r.value },
          { header: 'outcome', value: (r) => r.outcome },
          { header: 'hypothesis window', value: (r) => r.hypWindow },
        ],
        rows,
      ),
    );
  };
  return (
    <section className="card" aria-labelledby="patterns-title">
      <div className="card-head">
        <h2 id="patterns-title">Entity errors by pattern</h2>
        {d && (
          <span className="muted">
            {d.total} {entityColor(type).label} entities · {d.hits} hit · {d.total - d.hits} not
          </span>
        )}
        <button
          type="button"
          className="btn btn-small card-action"
          onClick={exportCsv}
          disabled={!d}
        >
          Export CSV
        </button>
      </div>
      <div className="filters">
        <label className="field">
          <span className="field-label">Run</span>
          <select aria-label="Run" value={runId} onChange={(e) => setRunId(Number(e.target.value))}>
            {runs.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field-label">Entity type</span>
          <select
            value={type}
            onChange={(e) => setType(e.target.value)}
            aria-label="Drill-down type"
          >
            {types.map((t) => (
              <option key={t} value={t}>
                {entityColor(t).label}
              </option>
            ))}
          </select>
        </label>
      </div>
      {p.error && <ErrorView error={p.error} onRetry={p.reload} />}
      {d && d.groups.length === 0 && (
        <p className="muted">Every {entityColor(type).label} entity in this run was hit.</p>
      )}
      <div className="pattern-groups" data-testid="eval-patterns">
        {d?.groups.map((g) => {
          const all = expanded === g.pattern;
          const shown = all ? g.entities : g.entities.slice(0, EXAMPLES);
          return (
            <div key={g.pattern} className="pattern-group" data-pattern={g.pattern}>
              <div className="pattern-head">
                <strong>{PATTERN_LABELS[g.pattern]}</strong>
                <span className="pattern-count">{g.count}</span>
                <span className="pattern-bar" aria-hidden>
                  <span style={{ width: `${(g.count / Math.max(1, d.total - d.hits)) * 100}%` }} />
                </span>
              </div>
              <table className="data-table compact">
                <tbody>
                  {shown.map((e, i) => (
                    <tr key={i} className="clickable" onClick={() => onOpen(e.utteranceId)}>
                      <td className="mono small">{e.extId}</td>
                      <td className="indic" lang={e.lang}>
                        {e.surface}
                      </td>
                      <td className="indic" lang={e.lang}>
                        → {e.hypWindow || <span className="muted">(nothing)</span>}
                      </td>
                      <td>
                        <OutcomeBadge outcome={e.outcome} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {g.count > EXAMPLES && (
                <button
                  type="button"
                  className="btn btn-small btn-quiet"
                  onClick={() => setExpanded(all ? null : g.pattern)}
                >
                  {all ? 'Show fewer' : `Show all ${g.count}`}
                </button>
              )}
            </div>
          );
        })}
      </div>
    </section>
  );
}
