import { memo, useCallback, useMemo, useState } from 'react';
import type { Lang, Split, Utterance } from '../../../native/contract/index.js';
import { useDebounced } from '../../app/use-debounced.js';
import { EntityLegend } from '../../components/EntityLegend.js';
import { EntityText } from '../../components/EntityText.js';
import { ErrorView } from '../../components/ErrorView.js';
import { FilterSelect, namedOptions } from '../../components/FilterSelect.js';
import { VirtualList } from '../../components/VirtualList.js';
import { usePlayer } from '../player/player-context.js';
import { ENTITY_CLASS_NAMES, LANG_NAMES, SPLIT_NAMES, type EntityClass } from './filter-options.js';
import { useUtterancePages, type UtteranceFilters } from './use-utterance-pages.js';

/** Tall enough for stacked Indic conjuncts and vowel signs above and below the line at 16px. */
const ROW_HEIGHT = 52;

/** One row; memoised, so scrolling renders only the rows that come into view. */
const Row = memo(function Row({ u }: { u: Utterance | undefined }) {
  if (!u)
    return (
      <div className="lib-cells placeholder" aria-busy="true">
        <span className="cell">…</span>
      </div>
    );
  return (
    <div className="lib-cells" data-utterance-id={u.id}>
      <span className="cell mono cell-id" role="cell" title={u.extId}>
        {u.extId}
      </span>
      <span className="cell cell-lang" role="cell">
        {u.lang}
      </span>
      <span className="cell cell-text" role="cell">
        <EntityText text={u.text} spans={u.entities} lang={u.lang} />
      </span>
      <span className="cell cell-class muted" role="cell">
        {u.entityClass ? (ENTITY_CLASS_NAMES[u.entityClass as EntityClass] ?? u.entityClass) : '—'}
      </span>
      <span className="cell cell-audio" role="cell">
        {u.audioId !== null ? (
          <span className="audio-yes" title="Has a recording: select to play">
            <span aria-hidden="true">▶</span> audio
          </span>
        ) : (
          <span className="muted" title="No recording">
            —
          </span>
        )}
      </span>
    </div>
  );
});

/** Every utterance in the project, searchable and filterable, in a windowed list. */
export function LibraryScreen() {
  const player = usePlayer();
  const [text, setText] = useState('');
  const [lang, setLang] = useState<Lang | ''>('');
  const [entityClass, setEntityClass] = useState('');
  const [split, setSplit] = useState<Split | ''>('');
  const [active, setActive] = useState<number | null>(null);
  const [range, setRange] = useState<[number, number]>([0, 0]);
  const search = useDebounced(text.trim(), 250);

  const filters = useMemo<UtteranceFilters>(
    () => ({
      ...(search ? { text: search } : {}),
      ...(lang ? { lang } : {}),
      ...(entityClass ? { entityClass } : {}),
      ...(split ? { split } : {}),
    }),
    [search, lang, entityClass, split],
  );
  const pages = useUtterancePages(filters);
  const { ensure, row, version } = pages;

  const onRange = useCallback(
    (first: number, last: number) => {
      ensure(first, last);
      setRange([first, last]);
    },
    [ensure],
  );

  const { open: openPlayer } = player;
  const open = useCallback(
    (i: number) => {
      const u = row(i);
      if (u && u.audioId !== null) openPlayer(u.id, { autoplay: false, audioId: u.audioId });
    },
    [row, openPlayer],
  );
  // New only when a page arrives or the filters change (`version`, which `row` reads
  // through): scrolling itself re-renders no row.
  const renderRow = useCallback((i: number) => <Row u={row(i)} />, [row, version]);

  const visibleTypes = new Set<string>();
  for (let i = range[0]; i <= range[1]; i++)
    for (const e of pages.row(i)?.entities ?? []) visibleTypes.add(e.type);

  return (
    <div className="screen library">
      <div className="screen-head">
        <h1>Library</h1>
        <p className="muted count" aria-live="polite" data-testid="library-count">
          {pages.total === null
            ? 'Loading…'
            : `${pages.total.toLocaleString()} ${pages.total === 1 ? 'utterance' : 'utterances'}`}
        </p>
      </div>
      <div className="filters" role="search">
        <label className="field grow">
          <span className="field-label">Search text or id</span>
          <input
            type="search"
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              setActive(null);
            }}
            placeholder="e.g. నగరం, Paytm, pushpak_te_05"
            aria-label="Search utterances by text or id"
            spellCheck={false}
          />
        </label>
        {(
          [
            ['Language', lang, (v) => setLang(v as Lang | ''), LANG_NAMES, 'All languages'],
            ['Entity class', entityClass, setEntityClass, ENTITY_CLASS_NAMES, 'All classes'],
            ['Split', split, (v) => setSplit(v as Split | ''), SPLIT_NAMES, 'All splits'],
          ] as const satisfies readonly [string, string, (v: string) => void, object, string][]
        ).map(([label, value, onChange, names, all]) => (
          <FilterSelect
            key={label}
            label={label}
            value={value}
            onChange={onChange}
            options={namedOptions(names)}
            all={all}
          />
        ))}
      </div>
      <EntityLegend types={[...visibleTypes].sort()} />
      {pages.error && <ErrorView error={pages.error} />}
      <div
        className="table lib-table"
        role="table"
        aria-label="Utterances"
        aria-rowcount={(pages.total ?? 0) + 1}
      >
        <div className="lib-cells table-head" role="row" aria-rowindex={1}>
          <span className="cell cell-id" role="columnheader">
            Id
          </span>
          <span className="cell cell-lang" role="columnheader">
            Lang
          </span>
          <span className="cell cell-text" role="columnheader">
            Text
          </span>
          <span className="cell cell-class" role="columnheader">
            Class
          </span>
          <span className="cell cell-audio" role="columnheader">
            Audio
          </span>
        </div>
        {pages.total === 0 ? (
          <p className="empty">No utterances match. Clear the search or a filter to see more.</p>
        ) : (
          <VirtualList
            total={pages.total ?? 0}
            rowHeight={ROW_HEIGHT}
            renderRow={renderRow}
            onRangeChange={onRange}
            activeIndex={active}
            onActiveChange={setActive}
            onActivate={open}
            label="Utterances"
          />
        )}
      </div>
    </div>
  );
}
