import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { EvalUtteranceRow, RunSummary } from '../../../native/contract/index.js';
import { useBridge } from '../../app/bridge-context.js';
import { formatPct } from '../../app/format.js';
import { useEngine } from '../../app/use-engine.js';
import { toEngineError, type EngineError } from '../../bridge/engine-error.js';
import { entityColor } from '../../components/entity-colors.js';
import { ErrorView } from '../../components/ErrorView.js';
import { FilterSelect } from '../../components/FilterSelect.js';
import { VirtualList } from '../../components/VirtualList.js';
import { OUTCOMES, outcomeLabel } from '../runs/outcomes.js';
import { toCsv } from './csv.js';
import { downloadText } from './download.js';
import { filterRequest, NO_FILTERS, type UtteranceFilters } from './filters.js';
import { formatSeconds } from './metrics.js';

const PAGE = 200;
const ROW_H = 46;

const SORTS: { key: UtteranceFilters['sort']; label: string }[] = [
  { key: 'id', label: 'Order imported' },
  { key: 'wer', label: 'WER' },
  { key: 'cer', label: 'CER' },
  { key: 'errors', label: 'Entity errors' },
  { key: 'duration', label: 'Duration' },
];

const Row = memo(function Row({ r, others }: { r: EvalUtteranceRow | undefined; others: number }) {
  if (!r)
    return (
      <div
        className="ev-cells placeholder"
        aria-busy="true"
        style={{ ['--others' as string]: others }}
      >
        <span className="cell">…</span>
      </div>
    );
  return (
    <div
      className="ev-cells"
      data-utterance-id={r.utteranceId}
      style={{ ['--others' as string]: others }}
    >
      <span className="cell mono cell-id" role="cell" title={r.extId}>
        {r.extId}
      </span>
      <span className="cell" role="cell">
        {r.lang}
      </span>
      <span className="cell muted small" role="cell" title={r.system ?? ''}>
        {r.entityClass ?? '—'}
      </span>
      <span className="cell num" role="cell">
        {formatSeconds(r.durationSec)}
      </span>
      <span className="cell num" role="cell">
        <strong>{formatPct(r.wer)}</strong>
      </span>
      {r.alsoWer.map((w, i) => (
        <span key={i} className="cell num muted" role="cell">
          {formatPct(w)}
        </span>
      ))}
      <span className="cell" role="cell">
        {r.errors.length === 0 ? (
          <span className="muted small">
            {r.entities ? `${r.hits}/${r.entities} hit` : 'no entities'}
          </span>
        ) : (
          r.errors.map((e, i) => (
            <span
              key={i}
              className={`err-chip badge-${e.outcome}`}
              style={{ borderColor: entityColor(e.type).line }}
              title={`${entityColor(e.type).label}: ${outcomeLabel(e.outcome)}`}
            >
              {entityColor(e.type).label} · {outcomeLabel(e.outcome)}
            </span>
          ))
        )}
      </span>
      <span className="cell cell-text indic" role="cell" lang={r.lang} title={r.hypothesis}>
        {r.text}
      </span>
    </div>
  );
});

/**
 * The utterances a run scored, filtered and sorted by the engine, in a
 * windowed list (pages fetched as they scroll into view); click one to open
 * its alignment. Export writes every filtered row, not just the visible ones.
 */
export function UtteranceTable({
  runs,
  focusRunId,
  onFocusRun,
  version,
  selected,
  onOpen,
  types,
}: {
  runs: RunSummary[];
  focusRunId: number;
  onFocusRun: (id: number) => void;
  version: number;
  selected: number | null;
  onOpen: (utteranceId: number) => void;
  types: string[];
}) {
  const bridge = useBridge();
  const [f, setF] = useState<UtteranceFilters>(NO_FILTERS);
  const facets = useEngine('evaluate.facets', { runId: focusRunId });
  const others = useMemo(() => runs.filter((r) => r.id !== focusRunId), [runs, focusRunId]);
  const base = useMemo(
    () => ({ runId: focusRunId, alsoRunIds: others.map((r) => r.id), ...filterRequest(f) }),
    [focusRunId, others, f],
  );
  const key = `${JSON.stringify(base)}#${version}`;
  const pages = useRef(new Map<number, EvalUtteranceRow[]>());
  const asked = useRef(new Set<number>());
  const [total, setTotal] = useState<number | null>(null);
  const [tick, setTick] = useState(0);
  const [error, setError] = useState<EngineError | null>(null);
  const [active, setActive] = useState<number | null>(null);
  const [exporting, setExporting] = useState(false);
  const keyRef = useRef(key);

  const fetchPage = useCallback(
    (p: number) => {
      if (asked.current.has(p)) return;
      asked.current.add(p);
      const k = key;
      bridge
        .call('evaluate.utterances', { ...base, offset: p * PAGE, limit: PAGE })
        .then((res) => {
          if (keyRef.current !== k) return;
          pages.current.set(p, res.rows);
          setTotal(res.total);
          setError(null);
          setTick((t) => t + 1);
        })
        .catch((e: unknown) => {
          asked.current.delete(p);
          if (keyRef.current === k) setError(toEngineError(e));
        });
    },
    [bridge, base, key],
  );

  useEffect(() => {
    keyRef.current = key;
    pages.current = new Map();
    asked.current = new Set();
    setActive(null);
    fetchPage(0);
  }, [key, fetchPage]);

  const onRange = useCallback(
    (first: number, last: number) => {
      for (let p = Math.floor(first / PAGE); p <= Math.floor(last / PAGE); p++) fetchPage(p);
    },
    [fetchPage],
  );

  const rowAt = useCallback(
    (i: number) => pages.current.get(Math.floor(i / PAGE))?.[i % PAGE],
    // tick: a page arrived, so rows read from the page cache are new.
    [tick, key],
  );
  const renderRow = useCallback(
    (i: number) => <Row r={rowAt(i)} others={others.length} />,
    [rowAt, others.length],
  );
  const open = useCallback(
    (i: number) => {
      const r = rowAt(i);
      if (r) onOpen(r.utteranceId);
    },
    [rowAt, onOpen],
  );
  useEffect(() => {
    if (selected === null) setActive(null);
  }, [selected]);

  const set = <K extends keyof UtteranceFilters>(k: K, v: UtteranceFilters[K]) =>
    setF((x) => ({ ...x, [k]: v }));

  const exportCsv = async () => {
    setExporting(true);
    try {
      const all: EvalUtteranceRow[] = [];
      for (let off = 0; off < (total ?? 0); off += 5000) {
        const res = await bridge.call('evaluate.utterances', { ...base, offset: off, limit: 5000 });
        all.push(...res.rows);
      }
      const focus = runs.find((r) => r.id === focusRunId)?.name ?? 'run';
      downloadText(
        'charkha-utterances.csv',
        toCsv(
          [
            { header: 'id', value: (r) => r.extId },
            { header: 'lang', value: (r) => r.lang },
            { header: 'class', value: (r) => r.entityClass },
            { header: 'system', value: (r) => r.system },
            { header: 'duration_s', value: (r) => r.durationSec },
            { header: `wer ${focus}`, value: (r) => r.wer },
            { header: `cer ${focus}`, value: (r) => r.cer },
            ...others.map((o, i) => ({
              header: `wer ${o.name}`,
              value: (r: EvalUtteranceRow) => r.alsoWer[i],
            })),
            { header: 'entities', value: (r) => r.entities },
            { header: 'hits', value: (r) => r.hits },
            {
              header: 'entity errors',
              value: (r) => r.errors.map((e) => `${e.type}:${e.outcome}`).join(' '),
            },
            { header: 'reference', value: (r) => r.text },
            { header: `hypothesis ${focus}`, value: (r) => r.hypothesis },
          ],
          all,
        ),
      );
    } catch (e) {
      setError(toEngineError(e));
    } finally {
      setExporting(false);
    }
  };

  const fc = facets.data;
  return (
    <section className="card ev-utterances" aria-labelledby="utt-title">
      <div className="card-head">
        <h2 id="utt-title">Utterances</h2>
        <span className="muted" aria-live="polite" data-testid="eval-utt-count">
          {total === null ? '' : `${total.toLocaleString()} match these filters`}
        </span>
        <button
          type="button"
          className="btn btn-small card-action"
          onClick={() => void exportCsv()}
          disabled={!total || exporting}
        >
          {exporting ? 'Exporting…' : 'Export CSV'}
        </button>
      </div>
      <div className="filters ev-filters">
        <FilterSelect
          label="Scores of"
          value={focusRunId}
          onChange={(v) => onFocusRun(Number(v))}
          options={runs.map((r) => ({ value: String(r.id), label: r.name }))}
        />
        <FilterSelect
          label="Language"
          value={f.lang}
          onChange={(v) => set('lang', v)}
          options={fc?.langs ?? []}
          all="All"
        />
        <FilterSelect
          label="Class"
          value={f.entityClass}
          onChange={(v) => set('entityClass', v)}
          options={fc?.classes ?? []}
          all="All"
        />
        <FilterSelect
          label="Entity type"
          value={f.entityType}
          onChange={(v) => set('entityType', v)}
          options={(fc?.types ?? types).map((t) => ({ value: t, label: entityColor(t).label }))}
          all="All"
        />
        <FilterSelect
          label="Entity outcome"
          value={f.outcome}
          onChange={(v) => set('outcome', v as UtteranceFilters['outcome'])}
          options={[
            { value: 'error', label: 'Any error' },
            ...OUTCOMES.map((o) => ({ value: o.key, label: o.label })),
          ]}
          all="Any"
        />
        <fieldset className="field range">
          <legend className="field-label">WER %</legend>
          <input
            aria-label="WER from (%)"
            inputMode="decimal"
            placeholder="min"
            value={f.werMin}
            onChange={(e) => set('werMin', e.target.value)}
          />
          <input
            aria-label="WER to (%)"
            inputMode="decimal"
            placeholder="max"
            value={f.werMax}
            onChange={(e) => set('werMax', e.target.value)}
          />
        </fieldset>
        <fieldset className="field range">
          <legend className="field-label">Duration s</legend>
          <input
            aria-label="Duration from (s)"
            inputMode="decimal"
            placeholder="min"
            value={f.durationMin}
            onChange={(e) => set('durationMin', e.target.value)}
          />
          <input
            aria-label="Duration to (s)"
            inputMode="decimal"
            placeholder="max"
            value={f.durationMax}
            onChange={(e) => set('durationMax', e.target.value)}
          />
        </fieldset>
        <FilterSelect
          label="Synthesis system"
          value={f.system}
          onChange={(v) => set('system', v)}
          options={fc?.systems ?? []}
          all="All"
        />
        <FilterSelect
          label="Sort by"
          value={f.sort}
          onChange={(v) => set('sort', v as UtteranceFilters['sort'])}
          options={SORTS.map((o) => ({ value: o.key, label: o.label }))}
        />
        <button
          type="button"
          className="btn btn-small sort-dir"
          aria-label={
            f.desc ? 'Descending: switch to ascending' : 'Ascending: switch to descending'
          }
          onClick={() => set('desc', !f.desc)}
        >
          {f.desc ? '↓ high first' : '↑ low first'}
        </button>
        <button type="button" className="btn btn-small btn-quiet" onClick={() => setF(NO_FILTERS)}>
          Clear
        </button>
      </div>
      {error && <ErrorView error={error} />}
      <div
        className="table ev-table"
        role="table"
        aria-label="Utterances"
        data-testid="eval-utterances"
      >
        <div
          className="ev-cells table-head"
          role="row"
          aria-rowindex={1}
          style={{ ['--others' as string]: others.length }}
        >
          <span className="cell" role="columnheader">
            Utterance
          </span>
          <span className="cell" role="columnheader">
            Lang
          </span>
          <span className="cell" role="columnheader">
            Class
          </span>
          <span className="cell num" role="columnheader">
            Duration
          </span>
          <span
            className="cell num"
            role="columnheader"
            title={runs.find((r) => r.id === focusRunId)?.name}
          >
            WER
          </span>
          {others.map((o) => (
            <span key={o.id} className="cell num" role="columnheader" title={o.name}>
              WER {o.name}
            </span>
          ))}
          <span className="cell" role="columnheader">
            Entity errors
          </span>
          <span className="cell" role="columnheader">
            Reference
          </span>
        </div>
        {total === 0 ? (
          <p className="empty">No utterance matches these filters.</p>
        ) : (
          <VirtualList
            total={total ?? 0}
            rowHeight={ROW_H}
            renderRow={renderRow}
            onRangeChange={onRange}
            activeIndex={active}
            onActiveChange={setActive}
            onActivate={open}
            label="Scored utterances"
          />
        )}
      </div>
    </section>
  );
}
