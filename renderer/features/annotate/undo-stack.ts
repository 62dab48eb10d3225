import type { AnnotationSegment } from '../../../native/contract/annotations.js';

/**
 * One user action as the segments it touched looked before and after it
 * (null: not there). Undo puts the "before" side back, redo the "after"
 * side; both go through the store's restore, which keeps segment ids, so
 * entries further down the stack still name the right segments.
 */
export interface UndoEntry {
  label: string;
  before: Map<number, AnnotationSegment | null>;
  after: Map<number, AnnotationSegment | null>;
  /** Text typed into one segment joins the previous entry while it is still that segment's. */
  textOf?: number;
  at: number;
}

export type RestoreStep =
  { kind: 'delete'; id: number } | { kind: 'restore'; segment: AnnotationSegment };

/**
 * The writes that take the segments from `current` to `target`, in an
 * order the overlap rule accepts: deletions first, then segments that
 * shrink or stay, then those that grow or come back.
 */
export function restoreSteps(
  target: ReadonlyMap<number, AnnotationSegment | null>,
  current: (id: number) => AnnotationSegment | undefined,
): RestoreStep[] {
  const deletes: RestoreStep[] = [];
  const shrink: RestoreStep[] = [];
  const grow: RestoreStep[] = [];
  for (const [id, want] of target) {
    const now = current(id);
    if (want === null) {
      if (now) deletes.push({ kind: 'delete', id });
      continue;
    }
    const step: RestoreStep = { kind: 'restore', segment: want };
    if (now && want.start >= now.start && want.end <= now.end) shrink.push(step);
    else grow.push(step);
  }
  return [...deletes, ...shrink, ...grow];
}

const COALESCE_MS = 3000;

/** Undo and redo over the whole session. */
export class UndoStack {
  private done: UndoEntry[] = [];
  private undone: UndoEntry[] = [];

  push(e: UndoEntry): void {
    const last = this.done[this.done.length - 1];
    if (
      e.textOf !== undefined &&
      last?.textOf === e.textOf &&
      e.at - last.at < COALESCE_MS &&
      sameKeys(last.after, e.before)
    ) {
      last.after = e.after;
      last.at = e.at;
    } else this.done.push(e);
    this.undone = [];
  }

  takeUndo(): UndoEntry | undefined {
    const e = this.done.pop();
    if (e) this.undone.push(e);
    return e;
  }

  takeRedo(): UndoEntry | undefined {
    const e = this.undone.pop();
    if (e) this.done.push(e);
    return e;
  }

  get canUndo(): boolean {
    return this.done.length > 0;
  }

  get canRedo(): boolean {
    return this.undone.length > 0;
  }

  peekUndo(): string | null {
    return this.done[this.done.length - 1]?.label ?? null;
  }

  peekRedo(): string | null {
    return this.undone[this.undone.length - 1]?.label ?? null;
  }
}

function sameKeys(a: ReadonlyMap<number, unknown>, b: ReadonlyMap<number, unknown>): boolean {
  if (a.size !== b.size) return false;
  for (const k of a.keys()) if (!b.has(k)) return false;
  return true;
}
