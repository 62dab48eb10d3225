import { memo, useCallback, useEffect, useRef } from 'react';
import type { AnnotationSegment, SegmentState } from '../../../native/contract/annotations.js';
import { EntityText } from '../../components/EntityText.js';
import { VirtualList } from '../../components/VirtualList.js';
import { formatTime } from '../player/peaks.js';

/** Tall enough for Telugu and Devanagari stacks at 16px on one line. */
const ROW_HEIGHT = 54;

export const STATE_NAMES: Record<SegmentState, string> = {
  todo: 'To do',
  transcribed: 'Transcribed',
  reviewed: 'Reviewed',
  approved: 'Approved',
};

const Row = memo(function Row({
  seg,
  n,
  lang,
}: {
  seg: AnnotationSegment;
  n: number;
  lang: string;
}) {
  return (
    <div className="seg-row" data-segment-id={seg.id} data-state={seg.state}>
      <span className="seg-n mono">{n}</span>
      <span className="seg-times mono">
        {formatTime(seg.start)}–{formatTime(seg.end)}
      </span>
      <span className={`state-badge state-${seg.state}`}>{STATE_NAMES[seg.state]}</span>
      <span className="seg-text" lang={lang}>
        {seg.text ? (
          <EntityText text={seg.text} spans={seg.entities} lang={lang} />
        ) : (
          <span className="muted">—</span>
        )}
        {seg.machine && <span className="machine-tag">ASR</span>}
      </span>
    </div>
  );
});

export interface SegmentListProps {
  /** The segments shown (the state filter applied), each with its number on the tier. */
  rows: readonly { seg: AnnotationSegment; n: number }[];
  lang: string;
  selectedId: number | null;
  onPick: (id: number) => void;
}

/**
 * The active tier's segments beside the waveform, windowed: a 2-hour
 * recording's thousands of segments render only the rows in view. The
 * selected row follows the waveform's selection, and a picked row selects
 * (and plays) its segment there.
 */
export function SegmentList({ rows, lang, selectedId, onPick }: SegmentListProps) {
  const box = useRef<HTMLDivElement>(null);
  const active = rows.findIndex((r) => r.seg.id === selectedId);

  // The waveform's selection scrolls into view here too.
  useEffect(() => {
    const el = box.current?.querySelector<HTMLElement>('.vlist');
    if (!el || active < 0) return;
    const top = active * ROW_HEIGHT;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (top + ROW_HEIGHT > el.scrollTop + el.clientHeight)
      el.scrollTop = top + ROW_HEIGHT - el.clientHeight;
  }, [active]);

  const renderRow = useCallback(
    (i: number) => <Row seg={rows[i].seg} n={rows[i].n} lang={lang} />,
    [rows, lang],
  );
  const pick = useCallback((i: number) => rows[i] && onPick(rows[i].seg.id), [rows, onPick]);

  return (
    <div ref={box} className="seg-list" role="table" aria-label="Segments">
      {rows.length === 0 ? (
        <p className="empty">
          No segments here yet. Play the recording and press Enter at each boundary, or drag across
          the waveform.
        </p>
      ) : (
        <VirtualList
          total={rows.length}
          rowHeight={ROW_HEIGHT}
          renderRow={renderRow}
          activeIndex={active >= 0 ? active : null}
          onActiveChange={pick}
          label="Segments"
        />
      )}
    </div>
  );
}
