import type { CSSProperties } from 'react';
import { entityColor } from './entity-colors.js';

export interface SpanLike {
  start: number;
  end: number;
  type: string;
  value?: string | null;
  surface?: string;
}

interface Segment {
  text: string;
  span: SpanLike | null;
}

/**
 * Splits `text` at the spans' offsets. Offsets are CODE POINTS (as the engine
 * stores them), not UTF-16 units, so the text is split with Array.from;
 * overlapping or out-of-range spans are dropped rather than garbling the text.
 */
export function segmentsOf(text: string, spans: readonly SpanLike[]): Segment[] {
  const cps = Array.from(text);
  const sorted = [...spans]
    .filter((s) => s.start >= 0 && s.end > s.start && s.end <= cps.length)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Segment[] = [];
  let at = 0;
  for (const s of sorted) {
    if (s.start < at) continue;
    if (s.start > at) out.push({ text: cps.slice(at, s.start).join(''), span: null });
    out.push({ text: cps.slice(s.start, s.end).join(''), span: s });
    at = s.end;
  }
  if (at < cps.length) out.push({ text: cps.slice(at).join(''), span: null });
  return out;
}

function tooltip(s: SpanLike): string {
  const label = entityColor(s.type).label;
  return s.value ? `${label}: ${s.value}` : label;
}

/** Text with its entity spans highlighted; each span names its type and canonical value on hover. */
export function EntityText({
  text,
  spans,
  lang,
  className,
}: {
  text: string;
  spans: readonly SpanLike[];
  lang?: string;
  className?: string;
}) {
  return (
    <span className={`entity-text ${className ?? ''}`} lang={lang}>
      {segmentsOf(text, spans).map((seg, i) => {
        if (!seg.span) return <span key={i}>{seg.text}</span>;
        const c = entityColor(seg.span.type);
        const style = { '--ent-bg': c.bg, '--ent-line': c.line } as CSSProperties;
        return (
          <mark
            key={i}
            className="entity"
            data-entity-type={seg.span.type}
            style={style}
            title={tooltip(seg.span)}
          >
            {seg.text}
          </mark>
        );
      })}
    </span>
  );
}
