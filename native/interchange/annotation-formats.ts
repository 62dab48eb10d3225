import { extname } from 'node:path';
import { UserError } from '../contract/errors.js';
import type { AnnotationDocument, DocTier } from './annotation-document.js';
import { readAudacityLabels, writeAudacityLabels } from './audacity-labels.js';
import { readEaf } from './eaf-read.js';
import { writeEaf } from './eaf-write.js';
import { readElanTabular, writeElanTabular } from './elan-tabular.js';
import { readSubtitles, writeSrt, writeVtt } from './subtitle-formats.js';
import { decodeText, type TextEncodingName } from './text-encoding.js';
import { readTextGrid } from './textgrid-read.js';
import { writeTextGrid } from './textgrid-write.js';

export const ANNOTATION_FORMATS = [
  'eaf',
  'textgrid',
  'srt',
  'vtt',
  'tsv',
  'csv',
  'audacity',
] as const;
export type AnnotationFormat = (typeof ANNOTATION_FORMATS)[number];

/** Formats that hold one tier of text and no tier names. */
const SINGLE_TIER: readonly AnnotationFormat[] = ['srt', 'vtt', 'audacity'];

export const FORMAT_EXTENSIONS: Record<AnnotationFormat, string> = {
  eaf: '.eaf',
  textgrid: '.TextGrid',
  srt: '.srt',
  vtt: '.vtt',
  tsv: '.txt',
  csv: '.csv',
  audacity: '.txt',
};

export function parseFormat(name: string): AnnotationFormat {
  const f = name.toLowerCase();
  if ((ANNOTATION_FORMATS as readonly string[]).includes(f)) return f as AnnotationFormat;
  throw new UserError(
    'bad_input',
    `--format: expected one of ${ANNOTATION_FORMATS.join(', ')}, got "${name}"`,
  );
}

export function isSingleTier(format: AnnotationFormat): boolean {
  return SINGLE_TIER.includes(format);
}

/**
 * The format of a file from its extension; a .txt is Audacity's labels when
 * its first line starts with two times, ELAN's tab-delimited text otherwise.
 */
export function detectFormat(path: string, bytes: Uint8Array): AnnotationFormat {
  const ext = extname(path).toLowerCase();
  switch (ext) {
    case '.eaf':
      return 'eaf';
    case '.textgrid':
      return 'textgrid';
    case '.srt':
      return 'srt';
    case '.vtt':
      return 'vtt';
    case '.tsv':
      return 'tsv';
    case '.csv':
      return 'csv';
    case '.txt': {
      const first = decodeText(bytes, path)
        .replace(/^\ufeff/, '')
        .split(/\r?\n/)
        .find((l) => l.trim() !== '');
      return first && /^\d+(\.\d+)?\t\d+(\.\d+)?(\t|$)/.test(first) ? 'audacity' : 'tsv';
    }
    default:
      throw new UserError(
        'bad_input',
        `${path}: cannot tell the format from "${ext || 'no extension'}"`,
        `name it .eaf, .TextGrid, .srt, .vtt, .tsv, .csv or .txt, or pass --format`,
      );
  }
}

export interface ReadOptions {
  format?: AnnotationFormat;
  /** The tier name for formats that have none (SRT, WebVTT, Audacity labels). */
  tierName?: string;
}

export function readAnnotations(
  bytes: Uint8Array,
  path: string,
  opts: ReadOptions = {},
): AnnotationDocument {
  const format = opts.format ?? detectFormat(path, bytes);
  switch (format) {
    case 'eaf':
      return readEaf(bytes, path);
    case 'textgrid':
      return readTextGrid(bytes, path);
    case 'srt':
    case 'vtt':
      return readSubtitles(decodeText(bytes, path), format, path, opts.tierName);
    case 'tsv':
      return readElanTabular(decodeText(bytes, path), '\t', path);
    case 'csv':
      return readElanTabular(decodeText(bytes, path), ',', path);
    case 'audacity':
      return readAudacityLabels(decodeText(bytes, path), path, opts.tierName);
  }
}

export interface WriteOptions {
  /** TextGrid only: UTF-8 (default) or UTF-16. */
  encoding?: TextEncodingName;
  /** TextGrid only: the long (default) or short text layout. */
  layout?: 'long' | 'short';
  author?: string;
  date?: string;
}

function onlyTier(doc: AnnotationDocument, format: AnnotationFormat): DocTier {
  if (doc.tiers.length !== 1)
    throw new UserError(
      'bad_input',
      `${format} holds one tier; ${doc.tiers.length === 0 ? 'there is none to write' : `choose one of ${doc.tiers.map((t) => t.name).join(', ')} with --tiers`}`,
    );
  return doc.tiers[0];
}

export function writeAnnotations(
  doc: AnnotationDocument,
  format: AnnotationFormat,
  opts: WriteOptions = {},
): Buffer {
  if (opts.encoding !== undefined && opts.encoding !== 'utf-8' && format !== 'textgrid')
    throw new UserError(
      'bad_input',
      `--encoding: only TextGrid files can be written as ${opts.encoding}`,
    );
  switch (format) {
    case 'eaf':
      return Buffer.from(writeEaf(doc, { author: opts.author, date: opts.date }), 'utf8');
    case 'textgrid':
      return writeTextGrid(doc, { encoding: opts.encoding, layout: opts.layout });
    case 'srt':
      return Buffer.from(writeSrt(onlyTier(doc, format)), 'utf8');
    case 'vtt':
      return Buffer.from(writeVtt(onlyTier(doc, format)), 'utf8');
    case 'tsv':
      return Buffer.from(writeElanTabular(doc, '\t'), 'utf8');
    case 'csv':
      return Buffer.from(writeElanTabular(doc, ','), 'utf8');
    case 'audacity':
      return Buffer.from(writeAudacityLabels(onlyTier(doc, format)), 'utf8');
  }
}
