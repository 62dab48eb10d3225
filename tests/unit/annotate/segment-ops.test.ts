import { describe, expect, it } from 'vitest';
import type { AnnotationSegment } from '../../../native/contract/annotations.js';
import {
  markBoundary,
  nudge,
  segmentAt,
  toCodePoint,
  toUtf16,
} from '../../../renderer/features/annotate/segment-ops.js';
import { restoreSteps, UndoStack } from '../../../renderer/features/annotate/undo-stack.js';

function seg(id: number, start: number, end: number, text = ''): AnnotationSegment {
  return {
    id,
    tierId: 1,
    start,
    end,
    text,
    state: 'todo',
    note: null,
    machine: false,
    author: 'a',
    updatedAt: '',
    entities: [],
  };
}

describe('segmentation by boundary keystrokes', () => {
  it('opens a mark, then closes adjacent segments at the playhead minus the reaction offset', () => {
    let r = markBoundary([], null, 1.2, 0.2);
    expect(r).toEqual({ mark: 1, segment: null });
    r = markBoundary([], r.mark, 3.25, 0.2);
    expect(r).toEqual({ mark: 3.05, segment: { start: 1, end: 3.05 } });
    r = markBoundary([seg(1, 1, 3.05)], r.mark, 5, 0.2);
    expect(r.segment).toEqual({ start: 3.05, end: 4.8 });
  });

  it('never makes a segment shorter than 50 ms (a key bounce) or one that overlaps the next', () => {
    expect(markBoundary([], 1, 1.22, 0.2)).toEqual({ mark: 1, segment: null });
    const r = markBoundary([seg(9, 2, 3)], 1, 2.6, 0);
    expect(r.segment).toEqual({ start: 1, end: 2 });
  });

  it('moves a mark that falls inside a segment to that segment’s end', () => {
    expect(markBoundary([seg(1, 0.5, 2)], null, 1.5, 0).mark).toBe(2);
  });
});

describe('segment lookups and nudges', () => {
  const segs = [seg(1, 0, 1), seg(2, 1, 2.5), seg(3, 3, 4)];

  it('finds the segment under a time (end exclusive)', () => {
    expect(segmentAt(segs, 0)).toBe(0);
    expect(segmentAt(segs, 1)).toBe(1);
    expect(segmentAt(segs, 2.7)).toBe(-1);
    expect(segmentAt(segs, 4)).toBe(-1);
  });

  it('moves a boundary by 10 or 100 ms, clear of neighbours and the recording’s ends', () => {
    expect(nudge(segs, 1, 'end', 0.1, 5)).toEqual({ start: 1, end: 2.6 });
    expect(nudge(segs, 1, 'end', 1, 5)).toEqual({ start: 1, end: 3 });
    expect(nudge(segs, 1, 'start', -0.01, 5)).toEqual({ start: 1, end: 2.5 });
    expect(nudge(segs, 2, 'start', -0.01, 5)).toEqual({ start: 2.99, end: 4 });
    expect(nudge(segs, 2, 'end', 5, 4.5)).toEqual({ start: 3, end: 4.5 });
    expect(nudge(segs, 0, 'start', 5, 5).start).toBeCloseTo(0.95, 6);
  });

  it('converts selections between UTF-16 and code points', () => {
    const text = 'a😀నా 5';
    expect(toCodePoint(text, 3)).toBe(2);
    expect(toUtf16(text, 2)).toBe(3);
    expect(toUtf16(text, toCodePoint(text, text.length))).toBe(text.length);
  });
});

describe('undo over the session', () => {
  it('restores deletions first, then shrinking segments, then growing or returning ones', () => {
    const now = new Map([
      [1, seg(1, 0, 2)],
      [3, seg(3, 2, 3)],
    ]);
    const target = new Map<number, AnnotationSegment | null>([
      [2, seg(2, 1, 2)],
      [1, seg(1, 0, 1)],
      [3, null],
    ]);
    const steps = restoreSteps(target, (id) => now.get(id));
    expect(steps.map((s) => (s.kind === 'delete' ? `-${s.id}` : `+${s.segment.id}`))).toEqual([
      '-3',
      '+1',
      '+2',
    ]);
  });

  it('joins a burst of typing in one segment into one entry, and redo is lost after a new edit', () => {
    const u = new UndoStack();
    const a = seg(1, 0, 1, '');
    const b = seg(1, 0, 1, 'న');
    const c = seg(1, 0, 1, 'నా');
    u.push({
      label: 'typing',
      before: new Map([[1, a]]),
      after: new Map([[1, b]]),
      textOf: 1,
      at: 0,
    });
    u.push({
      label: 'typing',
      before: new Map([[1, b]]),
      after: new Map([[1, c]]),
      textOf: 1,
      at: 500,
    });
    const e = u.takeUndo()!;
    expect(e.before.get(1)?.text).toBe('');
    expect(e.after.get(1)?.text).toBe('నా');
    expect(u.canUndo).toBe(false);
    expect(u.peekRedo()).toBe('typing');
    u.push({ label: 'delete', before: new Map([[1, a]]), after: new Map([[1, null]]), at: 900 });
    expect(u.canRedo).toBe(false);
  });
});
