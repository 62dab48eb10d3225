import {
  memo,
  useCallback,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactNode,
} from 'react';

export interface VirtualListProps {
  total: number;
  rowHeight: number;
  /** Rows rendered above and below the visible window, so fast scrolling shows no gaps. */
  overscan?: number;
  /** Keep its identity while the rows' content is unchanged: the list skips rendering otherwise. */
  renderRow: (index: number) => ReactNode;
  /** Told the visible range whenever it changes, so the owner can fetch those rows. */
  onRangeChange?: (first: number, last: number) => void;
  activeIndex: number | null;
  onActiveChange: (index: number) => void;
  onActivate?: (index: number) => void;
  label: string;
}

/**
 * Rows come and go in blocks of this many: the window (and with it React)
 * changes once per block scrolled, not on every scroll event, while the
 * overscan keeps the rows ahead of the scroll already laid out.
 */
const BLOCK = 4;

/** The rows to render for a scroll position: the visible ones plus overscan, widened to whole blocks. */
export function windowFor(
  scrollTop: number,
  height: number,
  rowHeight: number,
  total: number,
  overscan: number,
): [number, number] {
  if (total <= 0) return [0, -1];
  const firstVisible = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const lastVisible = Math.min(total - 1, Math.ceil((scrollTop + height) / rowHeight));
  const first = Math.max(0, Math.floor((firstVisible - overscan) / BLOCK) * BLOCK);
  const last = Math.min(total - 1, Math.ceil((lastVisible + overscan + 1) / BLOCK) * BLOCK - 1);
  return [first, last];
}

interface RowBoxProps {
  index: number;
  rowHeight: number;
  selected: boolean;
  content: ReactNode;
  onPick: (index: number) => void;
}

/**
 * One positioned row. Memoised on its props, so a window change touches only
 * the rows that enter or leave; `contain: strict` (theme.css) keeps each
 * row's layout and paint to itself.
 */
const RowBox = memo(function RowBox({ index, rowHeight, selected, content, onPick }: RowBoxProps) {
  return (
    <div
      className="vrow"
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      data-index={index}
      style={{ height: rowHeight, transform: `translateY(${index * rowHeight}px)` }}
      onClick={() => onPick(index)}
    >
      {content}
    </div>
  );
});

/**
 * A windowed list: fixed row height, only the rows in view (plus overscan)
 * exist in the DOM, so 100k utterances scroll as smoothly as 20. Scrolling
 * itself is left to the compositor: the window is worked out in the scroll
 * handler and React renders only when it moves by a block. Keyboard: ↑/↓
 * move, PageUp/PageDown jump a screen, Home/End, Enter opens.
 */
export const VirtualList = memo(function VirtualList({
  total,
  rowHeight,
  overscan = 6,
  renderRow,
  onRangeChange,
  activeIndex,
  onActiveChange,
  onActivate,
  label,
}: VirtualListProps) {
  const ref = useRef<HTMLDivElement>(null);
  const [height, setHeight] = useState(600);
  const [range, setRange] = useState<[number, number]>([0, -1]);

  const measure = useCallback(() => {
    const el = ref.current;
    if (!el) return;
    const next = windowFor(el.scrollTop, el.clientHeight, rowHeight, total, overscan);
    // Same window: no render at all (most scroll events end here).
    setRange((r) => (r[0] === next[0] && r[1] === next[1] ? r : next));
  }, [rowHeight, total, overscan]);

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    setHeight(el.clientHeight);
    const ro = new ResizeObserver(() => setHeight(el.clientHeight));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  // When the list is filtered again, start from the top; then (and on resize) recompute the window.
  useLayoutEffect(() => {
    if (ref.current && ref.current.scrollTop > total * rowHeight) ref.current.scrollTop = 0;
    measure();
  }, [total, rowHeight, height, measure]);

  const [first, last] = range;
  useEffect(() => {
    if (total > 0 && last >= first) onRangeChange?.(first, last);
  }, [first, last, total, onRangeChange]);

  const onPick = useCallback(
    (i: number) => {
      onActiveChange(i);
      onActivate?.(i);
    },
    [onActiveChange, onActivate],
  );

  const scrollIntoView = (i: number) => {
    const el = ref.current;
    if (!el) return;
    const top = i * rowHeight;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (top + rowHeight > el.scrollTop + el.clientHeight)
      el.scrollTop = top + rowHeight - el.clientHeight;
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (total === 0) return;
    const page = Math.max(1, Math.floor(height / rowHeight) - 1);
    const cur = activeIndex ?? -1;
    let next: number | null = null;
    if (e.key === 'ArrowDown') next = Math.min(total - 1, cur + 1);
    else if (e.key === 'ArrowUp') next = Math.max(0, cur - 1);
    else if (e.key === 'PageDown') next = Math.min(total - 1, cur + page);
    else if (e.key === 'PageUp') next = Math.max(0, cur - page);
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = total - 1;
    else if (e.key === 'Enter' && activeIndex !== null) {
      e.preventDefault();
      onActivate?.(activeIndex);
      return;
    }
    if (next === null) return;
    e.preventDefault();
    onActiveChange(next);
    scrollIntoView(next);
  };

  // Each row's content is made once per renderRow: the same element again lets RowBox skip.
  const made = useRef<{ by: VirtualListProps['renderRow']; rows: Map<number, ReactNode> }>({
    by: renderRow,
    rows: new Map(),
  });
  if (made.current.by !== renderRow) made.current = { by: renderRow, rows: new Map() };
  const cache = made.current.rows;
  for (const i of cache.keys()) if (i < first || i > last) cache.delete(i);
  const contentOf = (i: number): ReactNode => {
    if (!cache.has(i)) cache.set(i, renderRow(i));
    return cache.get(i);
  };

  const rows: ReactNode[] = [];
  for (let i = first; i <= Math.min(last, total - 1); i++) {
    rows.push(
      <RowBox
        key={i}
        index={i}
        rowHeight={rowHeight}
        selected={i === activeIndex}
        content={contentOf(i)}
        onPick={onPick}
      />,
    );
  }

  return (
    <div
      ref={ref}
      className="vlist"
      role="rowgroup"
      aria-label={label}
      tabIndex={0}
      onScroll={measure}
      onKeyDown={onKeyDown}
    >
      <div className="vlist-spacer" style={{ height: total * rowHeight }}>
        {rows}
      </div>
    </div>
  );
});
