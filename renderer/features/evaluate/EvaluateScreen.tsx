import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ReferenceEdit, RunSummary } from '../../../native/contract/index.js';
import { formatPct } from '../../app/format.js';
import { useEngine } from '../../app/use-engine.js';
import { ErrorView } from '../../components/ErrorView.js';
import { usePlayer } from '../player/player-context.js';
import { CompareTable } from './CompareTable.js';
import { GroupedEhrChart } from './GroupedEhrChart.js';
import { runColor } from './metrics.js';
import { PatternDrilldown } from './PatternDrilldown.js';
import { ReferenceHistory } from './ReferenceHistory.js';
import { RescoredNote } from './RescoredNote.js';
import { UtteranceDetail } from './UtteranceDetail.js';
import { UtteranceTable } from './UtteranceTable.js';
import './evaluate.css';

const SELECTED_KEY = 'charkha.evaluate.runs';
type Tab = 'utterances' | 'patterns' | 'history';

function storedSelection(): number[] {
  try {
    const v = JSON.parse(sessionStorage.getItem(SELECTED_KEY) ?? '[]') as unknown;
    return Array.isArray(v) ? v.filter((x): x is number => Number.isInteger(x)) : [];
  } catch {
    return [];
  }
}

function RunPicker({
  runs,
  selected,
  onToggle,
}: {
  runs: RunSummary[];
  selected: number[];
  onToggle: (id: number) => void;
}) {
  return (
    <fieldset className="card run-picker" data-testid="eval-run-picker">
      <legend className="sr-only">Runs to compare</legend>
      <div className="card-head">
        <h2>Runs</h2>
        <span className="muted">pick two or more; the first picked is the baseline</span>
      </div>
      <ul>
        {runs.map((r) => {
          const i = selected.indexOf(r.id);
          return (
            <li key={r.id} className={i >= 0 ? 'is-picked' : ''}>
              <label>
                <input type="checkbox" checked={i >= 0} onChange={() => onToggle(r.id)} />
                {i >= 0 && (
                  <span className="run-swatch" style={{ background: runColor(i) }} aria-hidden />
                )}
                <span className="run-name">{r.name}</span>
                <span className="muted small">
                  {r.model} · {r.testSet ?? 'no test set'} · {r.utterances} utt. · EHR{' '}
                  {formatPct(r.ehr)}
                </span>
              </label>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}

/**
 * The evaluator's workspace: runs side by side with paired tests, EHR per
 * type, the utterances behind the figures, the error patterns behind the
 * misses, and reference corrections that rescore every run at once.
 */
export function EvaluateScreen() {
  const runs = useEngine('runs.list', {});
  const player = usePlayer();
  const [selected, setSelected] = useState<number[]>(storedSelection);
  const [focus, setFocus] = useState<number | null>(null);
  const [tab, setTab] = useState<Tab>('utterances');
  const [open, setOpen] = useState<number | null>(null);
  const [version, setVersion] = useState(0);
  const [lastEdit, setLastEdit] = useState<ReferenceEdit | null>(null);

  const all = runs.data ?? [];
  const picked = useMemo(
    () => selected.map((id) => all.find((r) => r.id === id)).filter((r): r is RunSummary => !!r),
    [selected, all],
  );
  const ids = picked.map((r) => r.id);
  const compare = useEngine('evaluate.compare', ids.length >= 2 ? { runIds: ids } : null);
  const { reload: reloadCompare } = compare;
  const { reload: reloadRuns } = runs;

  useEffect(() => {
    sessionStorage.setItem(SELECTED_KEY, JSON.stringify(selected));
  }, [selected]);
  const focusRunId = focus !== null && ids.includes(focus) ? focus : (ids[0] ?? null);

  const toggle = (id: number) =>
    setSelected((s) => (s.includes(id) ? s.filter((x) => x !== id) : [...s, id]));
  const onFixed = useCallback(
    (edit: ReferenceEdit) => {
      setLastEdit(edit);
      setVersion((v) => v + 1);
      // The Player shows the text it was opened with: close it rather than show the old reference.
      if (player.current?.utteranceId === edit.utteranceId) player.close();
      reloadCompare();
      reloadRuns();
    },
    [reloadCompare, reloadRuns, player],
  );
  const types = compare.data?.byType.map((t) => t.type) ?? [];

  return (
    <div className="screen evaluate">
      <div className="screen-head">
        <h1>Evaluate</h1>
        <p className="muted">
          Compare runs, find the utterances behind the numbers, and correct wrong references.
        </p>
      </div>
      {runs.error && <ErrorView error={runs.error} onRetry={runs.reload} />}
      {runs.data && all.length === 0 && (
        <p className="empty">
          No evaluation runs in this project yet: store some with <code>charkha eval import</code>.
        </p>
      )}
      {all.length > 0 && <RunPicker runs={all} selected={ids} onToggle={toggle} />}
      {ids.length === 1 && <p className="muted">Pick one more run to compare.</p>}
      {compare.error && <ErrorView error={compare.error} onRetry={compare.reload} />}
      {compare.data && ids.length >= 2 && (
        <div className="ev-top">
          <CompareTable data={compare.data} />
          <GroupedEhrChart data={compare.data} />
        </div>
      )}
      {lastEdit && <RescoredNote edit={lastEdit} onDismiss={() => setLastEdit(null)} />}
      {focusRunId !== null && (
        <>
          <div className="tabs" role="tablist" aria-label="Evaluate views">
            {(
              [
                ['utterances', 'Utterances'],
                ['patterns', 'Entity errors by pattern'],
                ['history', 'Reference history'],
              ] as [Tab, string][]
            ).map(([k, label]) => (
              <button
                key={k}
                type="button"
                role="tab"
                aria-selected={tab === k}
                className={`tab ${tab === k ? 'is-active' : ''}`}
                onClick={() => setTab(k)}
              >
                {label}
              </button>
            ))}
          </div>
          {tab === 'utterances' && (
            <UtteranceTable
              runs={picked}
              focusRunId={focusRunId}
              onFocusRun={setFocus}
              version={version}
              selected={open}
              onOpen={setOpen}
              types={types}
            />
          )}
          {tab === 'patterns' && (
            <PatternDrilldown
              runs={picked}
              types={types}
              focusRunId={focusRunId}
              version={version}
              onOpen={(u) => {
                setOpen(u);
              }}
            />
          )}
          {tab === 'history' && <ReferenceHistory version={version} onOpen={setOpen} />}
          {open !== null && (
            <UtteranceDetail
              key={`${open}:${version}`}
              utteranceId={open}
              runIds={[focusRunId, ...ids.filter((x) => x !== focusRunId)]}
              onFixed={onFixed}
              onClose={() => setOpen(null)}
            />
          )}
        </>
      )}
    </div>
  );
}
