import { documentEnd, type AnnotationDocument, type DocSegment } from './annotation-document.js';
import { encodeText, type TextEncodingName } from './text-encoding.js';

export interface TextGridOptions {
  /** Praat's long ("text file") or short ("short text file") layout. */
  layout?: 'long' | 'short';
  encoding?: TextEncodingName;
}

const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;

// Times hold whole milliseconds, so the shortest decimal form is exact.
const num = (x: number) => String(Math.round(x * 1000) / 1000);

/** An interval tier covers xmin..xmax completely: gaps become empty intervals. */
export function coverIntervals(segments: DocSegment[], xmin: number, xmax: number): DocSegment[] {
  const out: DocSegment[] = [];
  let at = xmin;
  for (const s of segments) {
    if (s.end <= s.start) continue;
    if (s.start > at) out.push({ start: at, end: s.start, text: '' });
    out.push(s);
    at = s.end;
  }
  if (at < xmax) out.push({ start: at, end: xmax, text: '' });
  return out;
}

/** Writes a Praat TextGrid: UTF-8 unless UTF-16 is asked for, long layout by default. */
export function writeTextGrid(doc: AnnotationDocument, opts: TextGridOptions = {}): Buffer {
  const short = opts.layout === 'short';
  const xmin = doc.start;
  const xmax = Math.max(documentEnd(doc), xmin);
  const lines: string[] = ['File type = "ooTextFile"', 'Object class = "TextGrid"', ''];
  const field = (label: string, value: string, indent: string) =>
    lines.push(short ? value : `${indent}${label} = ${value} `);
  field('xmin', num(xmin), '');
  field('xmax', num(xmax), '');
  lines.push(short ? '<exists>' : 'tiers? <exists> ');
  field('size', String(doc.tiers.length), '');
  if (!short) lines.push('item []: ');
  doc.tiers.forEach((tier, t) => {
    if (!short) lines.push(`    item [${t + 1}]:`);
    const ind = '        ';
    field('class', quote(tier.points ? 'TextTier' : 'IntervalTier'), ind);
    field('name', quote(tier.name), ind);
    field('xmin', num(xmin), ind);
    field('xmax', num(xmax), ind);
    if (tier.points) {
      if (short) lines.push(String(tier.segments.length));
      else lines.push(`${ind}points: size = ${tier.segments.length} `);
      tier.segments.forEach((p, k) => {
        if (!short) lines.push(`${ind}points [${k + 1}]:`);
        field('number', num(p.start), `${ind}    `);
        field('mark', quote(p.text), `${ind}    `);
      });
    } else {
      const intervals = coverIntervals(tier.segments, xmin, xmax);
      if (short) lines.push(String(intervals.length));
      else lines.push(`${ind}intervals: size = ${intervals.length} `);
      intervals.forEach((iv, k) => {
        if (!short) lines.push(`${ind}intervals [${k + 1}]:`);
        field('xmin', num(iv.start), `${ind}    `);
        field('xmax', num(iv.end), `${ind}    `);
        field('text', quote(iv.text), `${ind}    `);
      });
    }
  });
  return encodeText(`${lines.join('\n')}\n`, opts.encoding ?? 'utf-8');
}
