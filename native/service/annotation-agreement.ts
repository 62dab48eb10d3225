import { UserError } from '../contract/errors.js';
import { corpusErrors, utteranceErrors, werOf } from '../metrics/error-rates.js';
import type { UtteranceErrors } from '../metrics/error-rates.js';
import type { Segment, SegmentEntity } from '../store/annotation-repo.js';
import { toMs } from '../store/annotation-repo.js';
import { Project, projectPaths } from '../store/project.js';

export interface SpanAgreement {
  /** Spans of the first annotator, of the second, and those both tagged. */
  a: number;
  b: number;
  both: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface PairAgreement {
  /** `a` annotated in this project (the WER reference), `b` in the other one. */
  a: string;
  b: string;
  segments: number;
  refWords: number;
  wordErrors: number;
  wer: number;
  /** Spans matched by (type, canonical value; the covered text when there is no value). */
  byValue: SpanAgreement;
  /** Spans matched by (type, start, end) in code points. */
  byOffsets: SpanAgreement;
}

export interface AgreementReport {
  project: string;
  from: string;
  tier: string;
  pairs: PairAgreement[];
}

const UNKNOWN = '(unknown)';

/**
 * Overlap as a share of the shorter segment; two points at the same instant
 * count as fully shared.
 */
export function sharedFraction(a: Segment, b: Segment): number {
  const [as, ae, bs, be] = [toMs(a.start), toMs(a.end), toMs(b.start), toMs(b.end)];
  const shorter = Math.min(ae - as, be - bs);
  if (shorter === 0) return as === bs && ae === be ? 1 : 0;
  return Math.max(0, Math.min(ae, be) - Math.max(as, bs)) / shorter;
}

/**
 * Pairs each segment with at most one of the other side: greatest overlap
 * first, only pairs sharing at least half of the shorter segment.
 */
export function sharedSegments(ours: Segment[], theirs: Segment[]): [Segment, Segment][] {
  const candidates: { o: Segment; t: Segment; f: number }[] = [];
  for (const o of ours)
    for (const t of theirs) {
      const f = sharedFraction(o, t);
      if (f >= 0.5) candidates.push({ o, t, f });
    }
  candidates.sort((x, y) => y.f - x.f || x.o.start - y.o.start);
  const usedO = new Set<number>();
  const usedT = new Set<number>();
  const out: [Segment, Segment][] = [];
  for (const c of candidates) {
    if (usedO.has(c.o.id) || usedT.has(c.t.id)) continue;
    usedO.add(c.o.id);
    usedT.add(c.t.id);
    out.push([c.o, c.t]);
  }
  return out.sort((x, y) => x[0].start - y[0].start);
}

function byValueKey(e: SegmentEntity, text: string[]): string {
  return JSON.stringify([e.type, e.value ?? text.slice(e.start, e.end).join('')]);
}

function byOffsetKey(e: SegmentEntity): string {
  return JSON.stringify([e.type, e.start, e.end]);
}

/** Size of the multiset intersection of two key lists. */
function common(a: string[], b: string[]): number {
  const left = new Map<string, number>();
  for (const k of a) left.set(k, (left.get(k) ?? 0) + 1);
  let n = 0;
  for (const k of b) {
    const c = left.get(k) ?? 0;
    if (c > 0) {
      n++;
      left.set(k, c - 1);
    }
  }
  return n;
}

function spanScore(a: number, b: number, both: number): SpanAgreement {
  const precision = b === 0 ? (a === 0 ? 1 : 0) : both / b;
  const recall = a === 0 ? (b === 0 ? 1 : 0) : both / a;
  const f1 = a + b === 0 ? 1 : (2 * both) / (a + b);
  return { a, b, both, precision, recall, f1 };
}

interface PairTally {
  a: string;
  b: string;
  errors: UtteranceErrors[];
  value: [number, number, number];
  offsets: [number, number, number];
}

/**
 * Agreement between this project's annotators and another copy's on one
 * tier: per pair of authors, WER of the other's transcript against ours
 * (the scorer's word alignment over NFC text split on whitespace) and F1 of
 * entity spans, over shared segments (same recording by sha256, overlapping
 * by at least half of the shorter one).
 */
export function annotationAgreement(
  project: Project,
  fromDir: string,
  tierName = 'transcript',
): AgreementReport {
  const fromRoot = projectPaths(fromDir).root;
  if (fromRoot === project.paths.root)
    throw new UserError('bad_input', `--from ${fromDir} is this project; name the other copy`);
  const other = Project.open(fromRoot, { readonly: true });
  try {
    const tallies = new Map<string, PairTally>();
    const audio = project.db.prepare('SELECT id, sha256 FROM audio ORDER BY id').all() as {
      id: number;
      sha256: string;
    }[];
    const otherAudio = other.db.prepare('SELECT id FROM audio WHERE sha256 = ?');
    for (const a of audio) {
      const theirAudio = otherAudio.get(a.sha256) as { id: number } | undefined;
      if (!theirAudio) continue;
      const ourTier = project.annotations.listTiers(a.id).find((t) => t.name === tierName);
      const theirTier = other.annotations.listTiers(theirAudio.id).find((t) => t.name === tierName);
      if (!ourTier || !theirTier) continue;
      const pairs = sharedSegments(
        project.annotations.listSegments(ourTier.id),
        other.annotations.listSegments(theirTier.id),
      );
      for (const [o, t] of pairs) {
        const an = o.author ?? UNKNOWN;
        const bn = t.author ?? UNKNOWN;
        const key = JSON.stringify([an, bn]);
        let tally = tallies.get(key);
        if (!tally) {
          tally = { a: an, b: bn, errors: [], value: [0, 0, 0], offsets: [0, 0, 0] };
          tallies.set(key, tally);
        }
        tally.errors.push(utteranceErrors(o.text.normalize('NFC'), t.text.normalize('NFC'), null));
        const oc = Array.from(o.text);
        const tc = Array.from(t.text);
        const ov = o.entities.map((e) => byValueKey(e, oc));
        const tv = t.entities.map((e) => byValueKey(e, tc));
        tally.value[0] += ov.length;
        tally.value[1] += tv.length;
        tally.value[2] += common(ov, tv);
        const oo = o.entities.map(byOffsetKey);
        const to = t.entities.map(byOffsetKey);
        tally.offsets[0] += oo.length;
        tally.offsets[1] += to.length;
        tally.offsets[2] += common(oo, to);
      }
    }
    const pairs = [...tallies.values()]
      .sort((x, y) => x.a.localeCompare(y.a) || x.b.localeCompare(y.b))
      .map((t): PairAgreement => {
        const words = corpusErrors(t.errors).words;
        return {
          a: t.a,
          b: t.b,
          segments: t.errors.length,
          refWords: words.refLength,
          wordErrors: words.substitutions + words.deletions + words.insertions,
          wer: werOf(words),
          byValue: spanScore(...t.value),
          byOffsets: spanScore(...t.offsets),
        };
      });
    return { project: project.paths.root, from: fromRoot, tier: tierName, pairs };
  } finally {
    other.close();
  }
}
