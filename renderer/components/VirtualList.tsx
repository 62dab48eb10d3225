import {
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
  renderRow: (index: number) => ReactNode;
  /** Told the visible range whenever it changes, so the owner can fetch those rows. */
  onRangeChange?: (first: number, last: number) => void;
  activeIndex: number | null;
  onActiveChange: (index: number) => void;
  onActivate?: (index: number) => void;
  label: string;
}

/**
 * A windowed list: fixed row height, only the rows in view (plus overscan)
 * exist in the DOM, so 100k utterances scroll as smoothly as 20. Keyboard:
 * ↑/↓ move, PageUp/PageDown jump a screen, Home/End, Enter opens.
 */
export function VirtualList({
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
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(600);
  const frame = useRef(0);

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    setHeight(el.clientHeight);
    const ro = new ResizeObserver(() => setHeight(el.clientHeight));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  // Scroll events come faster than frames; one state update per frame is enough.
  const onScroll = useCallback(() => {
    cancelAnimationFrame(frame.current);
    frame.current = requestAnimationFrame(() => setScrollTop(ref.current?.scrollTop ?? 0));
  }, []);

  const firstVisible = Math.floor(scrollTop / rowHeight);
  const lastVisible = Math.min(total - 1, Math.ceil((scrollTop + height) / rowHeight));
  const first = Math.max(0, firstVisible - overscan);
  const last = Math.min(total - 1, lastVisible + overscan);

  useEffect(() => {
    if (total > 0) onRangeChange?.(first, last);
  }, [first, last, total, onRangeChange]);

  // When the list is filtered again, start from the top.
  useEffect(() => {
    if (ref.current && ref.current.scrollTop > total * rowHeight) ref.current.scrollTop = 0;
  }, [total, rowHeight]);

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

  const rows: ReactNode[] = [];
  for (let i = first; i <= last; i++) {
    rows.push(
      <div
        key={i}
        className="vrow"
        role="row"
        aria-rowindex={i + 2}
        aria-selected={i === activeIndex}
        data-index={i}
        style={{ height: rowHeight, transform: `translateY(${i * rowHeight}px)` }}
        onClick={() => {
          onActiveChange(i);
          onActivate?.(i);
        }}
      >
        {renderRow(i)}
      </div>,
    );
  }

  return (
    <div
      ref={ref}
      className="vlist"
      role="rowgroup"
      aria-label={label}
      tabIndex={0}
      onScroll={onScroll}
      onKeyDown={onKeyDown}
    >
      <div className="vlist-spacer" style={{ height: total * rowHeight }}>
        {rows}
      </div>
    </div>
  );
}
