/**
 * ELAN's "Export as tab-delimited text" layout, and the same as CSV: one row
 * per annotation with tier name, participant, begin, end and duration in
 * seconds (ss.msec), then the annotation. On import a row may also leave out
 * the participant, the duration, or both, as ELAN's export options allow;
 * times may be seconds or hh:mm:ss.mmm.
 */
import { UserError } from '../contract/errors.js';
import {
  checkDocument,
  emptyDocument,
  kindFromName,
  msTime,
  newTier,
  type AnnotationDocument,
} from './annotation-document.js';

export type Delimiter = '\t' | ',';

const secs = (x: number) => (Math.round(x * 1000) / 1000).toFixed(3);

function cell(value: string, delimiter: Delimiter): string {
  if (delimiter === '\t') return value.replace(/[\t\r\n]+/g, ' ');
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function writeElanTabular(doc: AnnotationDocument, delimiter: Delimiter): string {
  const rows: string[] = [];
  for (const t of doc.tiers) {
    for (const s of t.segments) {
      rows.push(
        [t.name, t.participant ?? '', secs(s.start), secs(s.end), secs(s.end - s.start), s.text]
          .map((v) => cell(v, delimiter))
          .join(delimiter),
      );
    }
  }
  return rows.map((r) => `${r}\n`).join('');
}

/** Splits delimited text into rows of fields; CSV fields may be quoted and hold newlines. */
function splitRows(
  text: string,
  delimiter: Delimiter,
  where: string,
): { line: number; fields: string[] }[] {
  const rows: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let rowLine = 1;
  let i = 0;
  const endRow = () => {
    fields.push(field);
    if (!(fields.length === 1 && fields[0] === '')) rows.push({ line: rowLine, fields });
    fields = [];
    field = '';
  };
  while (i < text.length) {
    const c = text[i];
    if (delimiter === ',' && c === '"' && field === '') {
      const open = line;
      i++;
      for (;;) {
        if (i >= text.length)
          throw new UserError('bad_input', `${where}:${open}: a quoted field is not closed`);
        if (text[i] === '"' && text[i + 1] === '"') {
          field += '"';
          i += 2;
        } else if (text[i] === '"') {
          i++;
          break;
        } else {
          if (text[i] === '\n') line++;
          field += text[i++];
        }
      }
    } else if (c === delimiter) {
      fields.push(field);
      field = '';
      i++;
    } else if (c === '\r' || c === '\n') {
      endRow();
      if (c === '\r' && text[i + 1] === '\n') i++;
      i++;
      line++;
      rowLine = line;
    } else {
      field += c;
      i++;
    }
  }
  if (field !== '' || fields.length > 0) endRow();
  return rows;
}

const CLOCK = /^(?:(\d+):)?(\d{1,2}):(\d{1,2}(?:\.\d+)?)$/;

function parseTime(s: string): number | null {
  const t = s.trim();
  if (/^\d+(\.\d+)?$/.test(t)) return msTime(Number(t));
  const m = CLOCK.exec(t);
  if (!m) return null;
  return msTime(Number(m[1] ?? 0) * 3600 + Number(m[2]) * 60 + Number(m[3]));
}

// Column positions of begin, end and text for each row width ELAN can write.
const LAYOUTS: Record<
  number,
  { tier: number | null; participant: number | null; begin: number; end: number; text: number }
> = {
  3: { tier: null, participant: null, begin: 0, end: 1, text: 2 },
  4: { tier: 0, participant: null, begin: 1, end: 2, text: 3 },
  5: { tier: 0, participant: null, begin: 1, end: 2, text: 4 },
  6: { tier: 0, participant: 1, begin: 2, end: 3, text: 5 },
};

export function readElanTabular(
  text: string,
  delimiter: Delimiter,
  where: string,
): AnnotationDocument {
  const doc = emptyDocument();
  const rows = splitRows(text.replace(/^\ufeff/, ''), delimiter, where);
  rows.forEach(({ line, fields }, index) => {
    const layout = LAYOUTS[fields.length];
    if (!layout)
      throw new UserError(
        'bad_input',
        `${where}:${line}: ${fields.length} columns; expected tier, [participant,] begin, end, [duration,] annotation`,
      );
    const start = parseTime(fields[layout.begin]);
    const end = parseTime(fields[layout.end]);
    if (start === null || end === null) {
      // A header row names its columns instead of giving times.
      if (index === 0 && /begin|start/i.test(fields.join(' '))) return;
      throw new UserError('bad_input', `${where}:${line}: begin and end must be times`);
    }
    if (end < start)
      throw new UserError('bad_input', `${where}:${line}: the annotation ends before it begins`);
    const name = layout.tier === null ? 'transcript' : fields[layout.tier].trim();
    if (name === '') throw new UserError('bad_input', `${where}:${line}: the tier name is empty`);
    let tier = doc.tiers.find((t) => t.name === name);
    if (!tier) {
      tier = newTier(name, kindFromName(name));
      doc.tiers.push(tier);
    }
    if (layout.participant !== null && fields[layout.participant].trim() !== '')
      tier.participant = fields[layout.participant].trim();
    tier.segments.push({ start, end, text: fields[layout.text] });
  });
  return checkDocument(doc, where);
}
