/**
 * The in-memory annotation document every interchange format reads into and
 * writes from: a recording's tiers with their segments, plus what ELAN adds
 * (controlled vocabularies, participants, media). Times are seconds holding a
 * whole number of milliseconds, as the store keeps them.
 */
import { UserError } from '../contract/errors.js';
import type { TierKind } from '../store/annotation-repo.js';

export interface DocSegment {
  start: number;
  end: number;
  text: string;
}

export interface DocTier {
  name: string;
  kind: TierKind;
  /** The parent tier's name: a translation or normalised tier hangs under its transcript. */
  parent: string | null;
  participant: string | null;
  annotator: string | null;
  /** The id of an entry in `vocabularies`. */
  vocabulary: string | null;
  /** A tier of instants (Praat's TextTier): each segment has start = end. */
  points: boolean;
  segments: DocSegment[];
}

export interface DocVocabulary {
  id: string;
  description: string | null;
  entries: { value: string; description: string | null }[];
}

export interface DocMedia {
  /** A file URL or path as the source file named it. */
  url: string;
  mimeType: string | null;
  relativeUrl: string | null;
}

export interface AnnotationDocument {
  /** The time range the tiers cover (Praat's xmin and xmax); `end` grows to the last segment. */
  start: number;
  end: number;
  media: DocMedia[];
  vocabularies: DocVocabulary[];
  tiers: DocTier[];
}

export function emptyDocument(): AnnotationDocument {
  return { start: 0, end: 0, media: [], vocabularies: [], tiers: [] };
}

export function newTier(name: string, kind: TierKind, segments: DocSegment[] = []): DocTier {
  return {
    name,
    kind,
    parent: null,
    participant: null,
    annotator: null,
    vocabulary: null,
    points: false,
    segments,
  };
}

/** Rounds a time in seconds to whole milliseconds, as the store keeps it. */
export function msTime(sec: number): number {
  return Math.round(sec * 1000) / 1000;
}

/** Every participant named by a tier, in tier order. */
export function participants(doc: AnnotationDocument): string[] {
  return [...new Set(doc.tiers.map((t) => t.participant).filter((p): p is string => !!p))];
}

/** A tier's kind from its name or type name when it says one; otherwise user-defined. */
export function kindFromName(name: string): TierKind {
  const n = name.toLowerCase();
  if (/^(transcript|transcription|verbatim|ortho)/.test(n)) return 'transcript';
  if (/^(normali[sz]ed)/.test(n)) return 'normalised';
  if (/^(translation|gloss|free)/.test(n)) return 'translation';
  if (/^(speaker)/.test(n)) return 'speaker';
  return 'user';
}

/** The last segment end, or the document's end when that is later. */
export function documentEnd(doc: AnnotationDocument): number {
  let end = doc.end;
  for (const t of doc.tiers) for (const s of t.segments) end = Math.max(end, s.end);
  return end;
}

/**
 * The checks every reader ends with: tier names unique, parents known,
 * segments ordered with end ≥ start and no overlap on one tier. `where`
 * names the file, so the message says which file and tier are at fault.
 */
export function checkDocument(doc: AnnotationDocument, where: string): AnnotationDocument {
  const names = new Set<string>();
  for (const t of doc.tiers) {
    if (names.has(t.name))
      throw new UserError('bad_input', `${where}: tier "${t.name}" appears twice`);
    names.add(t.name);
  }
  for (const t of doc.tiers) {
    if (t.parent !== null && !names.has(t.parent))
      throw new UserError(
        'bad_input',
        `${where}: tier "${t.name}" names an unknown parent "${t.parent}"`,
      );
    if (t.vocabulary !== null && !doc.vocabularies.some((v) => v.id === t.vocabulary))
      throw new UserError(
        'bad_input',
        `${where}: tier "${t.name}" names an unknown vocabulary "${t.vocabulary}"`,
      );
    t.segments.sort((a, b) => a.start - b.start || a.end - b.end);
    t.segments.forEach((s, i) => {
      if (!Number.isFinite(s.start) || !Number.isFinite(s.end) || s.start < 0 || s.end < s.start)
        throw new UserError(
          'bad_input',
          `${where}: tier "${t.name}" has a segment ${s.start}–${s.end} s that ends before it starts`,
        );
      const prev = t.segments[i - 1];
      if (prev && (prev.end > s.start || (prev.start === s.start && prev.end === s.end)))
        throw new UserError(
          'bad_input',
          `${where}: tier "${t.name}" has overlapping segments at ${prev.start}–${prev.end} s and ${s.start}–${s.end} s`,
        );
    });
  }
  return doc;
}
