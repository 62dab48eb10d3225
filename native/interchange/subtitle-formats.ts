/**
 * SRT and WebVTT as annotation formats: one tier of cues. Writing goes
 * through the ASR subtitle writers so both paths escape alike; reading takes
 * what common subtitle tools write (cue numbers and identifiers optional,
 * `mm:ss.mmm` in WebVTT, cue settings, NOTE/STYLE/REGION blocks).
 */
import { toSrt, toWebVtt } from '../asr/subtitles.js';
import { UserError } from '../contract/errors.js';
import {
  checkDocument,
  emptyDocument,
  msTime,
  newTier,
  type AnnotationDocument,
  type DocTier,
} from './annotation-document.js';

export function writeSrt(tier: DocTier): string {
  return toSrt(tier.segments);
}

export function writeVtt(tier: DocTier): string {
  return toWebVtt(tier.segments);
}

const TIME = /^(?:(\d+):)?(\d{1,2}):(\d{2})[.,](\d{3})$/;

function parseTime(s: string, where: string, line: number): number {
  const m = TIME.exec(s.trim());
  if (!m) throw new UserError('bad_input', `${where}:${line}: "${s.trim()}" is not a cue time`);
  const [, h, mi, se, ms] = m;
  return msTime(Number(h ?? 0) * 3600 + Number(mi) * 60 + Number(se) + Number(ms) / 1000);
}

function unescapeVtt(text: string): string {
  return text
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&nbsp;/g, '\u00a0')
    .replace(/&lrm;/g, '\u200e')
    .replace(/&rlm;/g, '\u200f')
    .replace(/&amp;/g, '&');
}

/** Reads SRT or WebVTT text into a document with one tier named `tierName`. */
export function readSubtitles(
  text: string,
  format: 'srt' | 'vtt',
  where: string,
  tierName = 'transcript',
): AnnotationDocument {
  const lines = text.replace(/^\ufeff/, '').split(/\r\n|\r|\n/);
  let i = 0;
  if (format === 'vtt') {
    if (!/^WEBVTT(?:[ \t].*)?$/.test(lines[0] ?? ''))
      throw new UserError('bad_input', `${where}:1: a WebVTT file starts with "WEBVTT"`);
    i = 1;
  }
  const tier = newTier(tierName, 'transcript');
  while (i < lines.length) {
    while (i < lines.length && lines[i].trim() === '') i++;
    if (i >= lines.length) break;
    const blockStart = i;
    const block: string[] = [];
    while (i < lines.length && lines[i].trim() !== '') block.push(lines[i++]);
    if (format === 'vtt' && /^(NOTE|STYLE|REGION)(\s|$)/.test(block[0])) continue;
    let k = block.findIndex((l) => l.includes('-->'));
    if (k < 0 || k > 1)
      throw new UserError(
        'bad_input',
        `${where}:${blockStart + 1}: a cue without a "-->" time line`,
      );
    if (format === 'srt' && k === 1 && !/^\d+$/.test(block[0].trim()))
      throw new UserError(
        'bad_input',
        `${where}:${blockStart + 1}: "${block[0]}" is not a cue number`,
      );
    const line = blockStart + k + 1;
    const [a, rest] = block[k].split('-->');
    const b = rest.trim().split(/\s+/)[0];
    const start = parseTime(a, where, line);
    const end = parseTime(b, where, line);
    if (end < start)
      throw new UserError('bad_input', `${where}:${line}: the cue ends before it starts`);
    k++;
    const body = block.slice(k).join('\n');
    tier.segments.push({ start, end, text: format === 'vtt' ? unescapeVtt(body) : body });
  }
  const doc = emptyDocument();
  doc.tiers.push(tier);
  return checkDocument(doc, where);
}
