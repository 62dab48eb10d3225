import { afterEach, describe, expect, it } from 'vitest';
import {
  annotationAgreement,
  sharedFraction,
  sharedSegments,
} from '../../../native/service/annotation-agreement.js';
import type { Segment } from '../../../native/store/annotation-repo.js';
import type { Project } from '../../../native/store/project.js';
import { charkha } from '../../helpers/cli.js';
import { tempDir } from '../../helpers/temp.js';
import { annotatorCopy, recordings } from './annotation-copies.js';

const open: Project[] = [];
afterEach(() => {
  for (const p of open.splice(0)) p.close();
});

function seg(id: number, start: number, end: number): Segment {
  return {
    id,
    tierId: 1,
    start,
    end,
    text: '',
    state: 'todo',
    note: null,
    machine: false,
    author: null,
    updatedAt: '',
    entities: [],
  };
}

describe('shared segments', () => {
  it('share at least half of the shorter segment, each paired once, best overlap first', () => {
    expect(sharedFraction(seg(1, 1, 2), seg(2, 1.6, 2.6))).toBeCloseTo(0.4, 9);
    expect(sharedFraction(seg(1, 1, 3), seg(2, 2, 2.5))).toBe(1);
    expect(sharedFraction(seg(1, 1, 1), seg(2, 1, 1))).toBe(1);
    expect(sharedFraction(seg(1, 1, 1), seg(2, 0, 2))).toBe(0);
    const ours = [seg(1, 0, 1), seg(2, 1, 2)];
    const theirs = [seg(3, 0.4, 1.5), seg(4, 1.5, 2)];
    // 3 shares 0.6 of itself with 1 and 0.5 with 2; 4 lies wholly in 2.
    expect(sharedSegments(ours, theirs).map(([o, t]) => [o.id, t.id])).toEqual([
      [1, 3],
      [2, 4],
    ]);
    expect(sharedSegments([seg(1, 0, 1)], [seg(2, 0.6, 1.6)])).toEqual([]);
  });
});

async function twoCopies() {
  const files = recordings(tempDir());
  const ours = await annotatorCopy(files, false);
  const theirs = await annotatorCopy(files, true);
  open.push(ours.project);
  const add = (
    p: Project,
    tier: number,
    author: string,
    start: number,
    end: number,
    text: string,
    spans: { type: string; start: number; end: number; value: string | null }[],
  ) => {
    const s = p.annotations.addSegment(tier, { start, end, text }, author);
    if (spans.length > 0) p.annotations.setSegmentEntities(s.id, spans, author);
  };
  const A = ours.project;
  const B = theirs.project;
  add(A, ours.tierId, 'asha', 0, 1, 'पाँच लाख रुपये दो', [
    { type: 'NUM', start: 0, end: 8, value: '500000' },
  ]);
  add(B, theirs.tierId, 'ravi', 0.1, 1, 'पाँच लाख रुपए दो', [
    { type: 'NUM', start: 0, end: 8, value: '500000' },
  ]);
  // Overlaps by 0.4 of the shorter: not shared.
  add(A, ours.tierId, 'asha', 1, 2, 'तीन बजे', [{ type: 'TIME', start: 0, end: 7, value: '15:00' }]);
  add(B, theirs.tierId, 'ravi', 1.6, 2.6, 'तीन बजे', []);
  // Same value, different offsets.
  add(A, ours.tierId, 'asha', 3, 4, 'सात', [{ type: 'NUM', start: 0, end: 3, value: '7' }]);
  add(B, theirs.tierId, 'ravi', 3, 3.4, 'सात आठ', [{ type: 'NUM', start: 4, end: 6, value: '7' }]);
  // No canonical value: the covered text stands in for it.
  add(A, ours.tierId, 'asha', 5, 6, 'नौ', [{ type: 'PLACE', start: 0, end: 2, value: null }]);
  add(B, theirs.tierId, 'meera', 5, 6, 'नौ', [{ type: 'PLACE', start: 0, end: 2, value: null }]);
  theirs.project.close();
  return { ours, theirs };
}

describe('agreement between two annotators’ copies', () => {
  it('gives WER and entity F1 (by value and by offsets) per pair of annotators, with counts', async () => {
    const { ours, theirs } = await twoCopies();
    const r = annotationAgreement(ours.project, theirs.dir);
    expect(r.tier).toBe('transcript');
    expect(r.pairs.map((p) => [p.a, p.b])).toEqual([
      ['asha', 'meera'],
      ['asha', 'ravi'],
    ]);
    const [meera, ravi] = r.pairs;
    // रुपये → रुपए is one substitution, आठ one insertion, over 4 + 1 reference words.
    expect(ravi).toMatchObject({ segments: 2, refWords: 5, wordErrors: 2 });
    expect(ravi.wer).toBeCloseTo(0.4, 12);
    expect(ravi.byValue).toEqual({ a: 2, b: 2, both: 2, precision: 1, recall: 1, f1: 1 });
    expect(ravi.byOffsets).toEqual({ a: 2, b: 2, both: 1, precision: 0.5, recall: 0.5, f1: 0.5 });
    expect(meera).toMatchObject({ segments: 1, refWords: 1, wordErrors: 0, wer: 0 });
    expect(meera.byValue.both).toBe(1);
    expect(meera.byOffsets.f1).toBe(1);
  });

  it('compares another tier when asked and refuses the project itself', async () => {
    const { ours, theirs } = await twoCopies();
    expect(annotationAgreement(ours.project, theirs.dir, 'normalised').pairs).toEqual([]);
    expect(() => annotationAgreement(ours.project, ours.dir)).toThrow(/is this project/);
  });

  it('the CLI prints the table and JSON', async () => {
    const { ours, theirs } = await twoCopies();
    ours.project.close();
    open.splice(0);
    const table = charkha(['annotations', 'agreement', '-p', ours.dir, '--from', theirs.dir]);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain(
      'asha vs ravi: 2 segments, WER 40.0% (2/5 words), entity F1 by value 100.0% (2 of 2/2), by offsets 50.0% (1 of 2/2)',
    );
    const json = charkha([
      'annotations',
      'agreement',
      '-p',
      ours.dir,
      '--from',
      theirs.dir,
      '--tier',
      'transcript',
      '--json',
    ]);
    expect(json.code).toBe(0);
    expect((JSON.parse(json.stdout) as { pairs: unknown[] }).pairs).toHaveLength(2);
  });
});
