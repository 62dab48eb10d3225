/**
 * Audacity label tracks ("Export Labels"): `start<TAB>end<TAB>label` in
 * seconds, one label per line; a line starting with a backslash carries a
 * spectral selection for the label above and is skipped.
 */
import { UserError } from '../contract/errors.js';
import {
  checkDocument,
  emptyDocument,
  msTime,
  newTier,
  type AnnotationDocument,
  type DocTier,
} from './annotation-document.js';

const num = (x: number) => (Math.round(x * 1000) / 1000).toFixed(6);

export function writeAudacityLabels(tier: DocTier): string {
  return tier.segments
    .map((s) => `${num(s.start)}\t${num(s.end)}\t${s.text.replace(/[\t\r\n]+/g, ' ')}\n`)
    .join('');
}

export function readAudacityLabels(
  text: string,
  where: string,
  tierName = 'transcript',
): AnnotationDocument {
  const tier = newTier(tierName, 'transcript');
  text
    .replace(/^\ufeff/, '')
    .split(/\r\n|\r|\n/)
    .forEach((line, i) => {
      if (line.trim() === '' || line.startsWith('\\')) return;
      const [a, b, ...label] = line.split('\t');
      const start = Number(a);
      const end = Number(b);
      if (b === undefined || a.trim() === '' || !Number.isFinite(start) || !Number.isFinite(end))
        throw new UserError(
          'bad_input',
          `${where}:${i + 1}: expected "start<TAB>end<TAB>label" with times in seconds`,
        );
      if (end < start)
        throw new UserError('bad_input', `${where}:${i + 1}: the label ends before it starts`);
      tier.segments.push({ start: msTime(start), end: msTime(end), text: label.join('\t') });
    });
  const doc = emptyDocument();
  doc.tiers.push(tier);
  return checkDocument(doc, where);
}
