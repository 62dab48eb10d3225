import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type {
  AnnotationSegment,
  AnnotationWorkspace,
  SegmentEntity,
  SegmentState,
  TierKind,
} from '../../../native/contract/annotations.js';
import type { Bridge } from '../../bridge/bridge.js';
import { toEngineError, type EngineError } from '../../bridge/engine-error.js';
import { useBridge } from '../../app/bridge-context.js';
import { sortSegments } from './segment-ops.js';
import { restoreSteps, UndoStack, type UndoEntry } from './undo-stack.js';

/** Typing is saved this long after the last key: well inside the one second the issue allows. */
export const SAVE_DELAY_MS = 400;

type TextPatch = { text?: string; note?: string | null };

interface Pending {
  patch: TextPatch;
  /** The segment as saved before this burst of typing (the undo entry's "before"). */
  before: AnnotationSegment;
}

export type SaveStatus = 'saved' | 'saving' | 'failed';

export interface AnnotationStore {
  workspace: AnnotationWorkspace | null;
  loadError: EngineError | null;
  /** The last edit the engine refused (an overlap, a bad time), shown until the next one succeeds. */
  editError: EngineError | null;
  clearEditError(): void;
  /** Reads a tier again from the project (after the engine wrote to it, as pre-annotation does). */
  reloadTier(tierId: number): Promise<void>;
  tierId: number | null;
  selectTier(id: number): void;
  /** The active tier's segments, sorted by start; a new array after every change. */
  segments: AnnotationSegment[];
  tierLoading: boolean;
  status: SaveStatus;
  add(start: number, end: number): Promise<AnnotationSegment | null>;
  /** Debounced: the screen shows the text at once, the engine has it within SAVE_DELAY_MS. */
  editText(id: number, patch: TextPatch): void;
  update(
    id: number,
    patch: { start?: number; end?: number; state?: SegmentState },
    label: string,
  ): Promise<void>;
  setEntities(id: number, entities: SegmentEntity[], label: string): Promise<void>;
  split(id: number, at: number): Promise<AnnotationSegment[] | null>;
  mergeWithNext(id: number): Promise<void>;
  remove(id: number): Promise<void>;
  createTier(name: string, kind: TierKind, vocabulary: string[] | null): Promise<void>;
  undo(): Promise<void>;
  redo(): Promise<void>;
  undoLabel: string | null;
  redoLabel: string | null;
  flush(): Promise<void>;
}

/**
 * The open recording's tiers and segments, kept in step with the project:
 * every change goes to the engine at once (text after a short debounce),
 * one request at a time and in order, and the engine's answer is what the
 * screen then shows. Undo and redo cover the whole session.
 */
export function useAnnotationStore(audioId: number): AnnotationStore {
  const bridge = useBridge();
  const [workspace, setWorkspace] = useState<AnnotationWorkspace | null>(null);
  const [loadError, setLoadError] = useState<EngineError | null>(null);
  const [editError, setEditError] = useState<EngineError | null>(null);
  const [tierId, setTierId] = useState<number | null>(null);
  const [version, setVersion] = useState(0);
  const [busy, setBusy] = useState(0);
  const [failed, setFailed] = useState(false);
  const [tierLoading, setTierLoading] = useState(false);

  const byTier = useRef(new Map<number, AnnotationSegment[]>());
  const pending = useRef(new Map<number, Pending>());
  const timer = useRef<number | undefined>(undefined);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const undoStack = useRef(new UndoStack());
  const bump = useCallback(() => setVersion((v) => v + 1), []);

  /** Every engine write, one after another, in the order they were asked for. */
  const run = useCallback(
    <T>(fn: (b: Bridge) => Promise<T>): Promise<T> => {
      setBusy((n) => n + 1);
      const p = queue.current.then(() => fn(bridge));
      queue.current = p.catch(() => undefined);
      return p.then(
        (v) => {
          setBusy((n) => n - 1);
          setFailed(false);
          return v;
        },
        (e: unknown) => {
          setBusy((n) => n - 1);
          setFailed(true);
          throw e;
        },
      );
    },
    [bridge],
  );

  const listOf = (tid: number): AnnotationSegment[] => byTier.current.get(tid) ?? [];
  const find = (id: number): AnnotationSegment | undefined => {
    for (const list of byTier.current.values()) {
      const s = list.find((x) => x.id === id);
      if (s) return s;
    }
    return undefined;
  };

  /** The engine's copy of a segment, with whatever is typed but not yet saved laid over it. */
  const apply = useCallback(
    (seg: AnnotationSegment) => {
      const local = pending.current.get(seg.id)?.patch;
      const shown = local ? { ...seg, ...local } : seg;
      const list = listOf(seg.tierId).filter((s) => s.id !== seg.id);
      list.push(shown);
      byTier.current.set(seg.tierId, sortSegments(list));
      bump();
    },
    [bump],
  );
  const drop = useCallback(
    (id: number) => {
      for (const [tid, list] of byTier.current)
        if (list.some((s) => s.id === id))
          byTier.current.set(
            tid,
            list.filter((s) => s.id !== id),
          );
      pending.current.delete(id);
      bump();
    },
    [bump],
  );

  const loadTier = useCallback(
    async (tid: number) => {
      setTierLoading(true);
      try {
        const segs = await bridge.call('annotations.segments', { tierId: tid });
        byTier.current.set(tid, sortSegments(segs));
        bump();
      } catch (e) {
        setLoadError(toEngineError(e));
      } finally {
        setTierLoading(false);
      }
    },
    [bridge, bump],
  );

  useEffect(() => {
    let live = true;
    byTier.current = new Map();
    bridge
      .call('annotations.tiers', { audioId })
      .then((ws) => {
        if (!live) return;
        setWorkspace(ws);
        setTierId(ws.tiers[0]?.id ?? null);
      })
      .catch((e: unknown) => live && setLoadError(toEngineError(e)));
    return () => {
      live = false;
    };
  }, [bridge, audioId]);

  useEffect(() => {
    if (tierId !== null && !byTier.current.has(tierId)) void loadTier(tierId);
  }, [tierId, loadTier]);

  const fail = useCallback(
    (e: unknown, tid: number | null) => {
      setEditError(toEngineError(e));
      // What the screen shows may now differ from the project: read the tier again.
      if (tid !== null) void loadTier(tid);
    },
    [loadTier],
  );

  const flush = useCallback(async (): Promise<void> => {
    window.clearTimeout(timer.current);
    const items = [...pending.current.entries()];
    pending.current.clear();
    await Promise.all(
      items.map(async ([id, { patch, before }]) => {
        try {
          const after = await run((b) => b.call('annotations.updateSegment', { id, ...patch }));
          apply(after);
          undoStack.current.push({
            label: patch.text !== undefined ? 'typing' : 'note',
            before: new Map([[id, before]]),
            after: new Map([[id, after]]),
            textOf: id,
            at: Date.now(),
          });
        } catch (e) {
          fail(e, before.tierId);
        }
      }),
    );
  }, [run, apply, fail]);

  // Leaving the page or hiding it (closing the laptop) saves what is typed at once.
  useEffect(() => {
    const now = () => void flush();
    const onVisibility = () => document.visibilityState === 'hidden' && now();
    window.addEventListener('pagehide', now);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', now);
      document.removeEventListener('visibilitychange', onVisibility);
      now();
    };
  }, [flush]);

  const editText = useCallback(
    (id: number, patch: TextPatch) => {
      const seg = find(id);
      if (!seg) return;
      const p = pending.current.get(id);
      if (p) p.patch = { ...p.patch, ...patch };
      else pending.current.set(id, { patch, before: seg });
      byTier.current.set(
        seg.tierId,
        listOf(seg.tierId).map((s) => (s.id === id ? { ...s, ...patch } : s)),
      );
      bump();
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => void flush(), SAVE_DELAY_MS);
    },
    [bump, flush],
  );

  const record = (label: string, before: UndoEntry['before'], after: UndoEntry['after']) =>
    undoStack.current.push({ label, before, after, at: Date.now() });

  const add = useCallback(
    async (start: number, end: number) => {
      if (tierId === null) return null;
      try {
        const seg = await run((b) => b.call('annotations.addSegment', { tierId, start, end }));
        apply(seg);
        record('new segment', new Map([[seg.id, null]]), new Map([[seg.id, seg]]));
        setEditError(null);
        return seg;
      } catch (e) {
        fail(e, tierId);
        return null;
      }
    },
    [tierId, run, apply, fail],
  );

  const update = useCallback<AnnotationStore['update']>(
    async (id, patch, label) => {
      const before = find(id);
      if (!before) return;
      await flush();
      try {
        const after = await run((b) => b.call('annotations.updateSegment', { id, ...patch }));
        apply(after);
        record(label, new Map([[id, before]]), new Map([[id, after]]));
        setEditError(null);
      } catch (e) {
        fail(e, before.tierId);
      }
    },
    [flush, run, apply, fail],
  );

  const setEntities = useCallback<AnnotationStore['setEntities']>(
    async (id, entities, label) => {
      await flush();
      const before = find(id);
      if (!before) return;
      try {
        const after = await run((b) => b.call('annotations.updateSegment', { id, entities }));
        apply(after);
        record(label, new Map([[id, before]]), new Map([[id, after]]));
        setEditError(null);
      } catch (e) {
        fail(e, before.tierId);
      }
    },
    [flush, run, apply, fail],
  );

  const split = useCallback(
    async (id: number, at: number) => {
      await flush();
      const before = find(id);
      if (!before) return null;
      try {
        const [a, b] = await run((br) => br.call('annotations.splitSegment', { id, at }));
        apply(a);
        apply(b);
        record(
          'split',
          new Map([
            [a.id, before],
            [b.id, null],
          ]),
          new Map([
            [a.id, a],
            [b.id, b],
          ]),
        );
        setEditError(null);
        return [a, b];
      } catch (e) {
        fail(e, before.tierId);
        return null;
      }
    },
    [flush, run, apply, fail],
  );

  const mergeWithNext = useCallback(
    async (id: number) => {
      await flush();
      const a = find(id);
      if (!a) return;
      const list = listOf(a.tierId);
      const next = list[list.findIndex((s) => s.id === id) + 1];
      try {
        const merged = await run((b) => b.call('annotations.mergeWithNext', { id }));
        if (next) drop(next.id);
        apply(merged);
        const before = new Map<number, AnnotationSegment | null>([[id, a]]);
        const after = new Map<number, AnnotationSegment | null>([[id, merged]]);
        if (next) {
          before.set(next.id, next);
          after.set(next.id, null);
        }
        record('merge', before, after);
        setEditError(null);
      } catch (e) {
        fail(e, a.tierId);
      }
    },
    [flush, run, apply, drop, fail],
  );

  const remove = useCallback(
    async (id: number) => {
      await flush();
      const before = find(id);
      if (!before) return;
      try {
        await run((b) => b.call('annotations.deleteSegment', { id }));
        drop(id);
        record('delete', new Map([[id, before]]), new Map([[id, null]]));
        setEditError(null);
      } catch (e) {
        fail(e, before.tierId);
      }
    },
    [flush, run, drop, fail],
  );

  const replay = useCallback(
    async (entry: UndoEntry | undefined, side: 'before' | 'after') => {
      if (!entry) return;
      const target = entry[side];
      const tid = [
        ...target.values(),
        ...entry[side === 'before' ? 'after' : 'before'].values(),
      ].find((s) => s)?.tierId;
      try {
        for (const step of restoreSteps(target, find)) {
          if (step.kind === 'delete') {
            await run((b) => b.call('annotations.deleteSegment', { id: step.id }));
            drop(step.id);
          } else {
            apply(await run((b) => b.call('annotations.restoreSegment', step.segment)));
          }
        }
        setEditError(null);
      } catch (e) {
        fail(e, tid ?? null);
      }
    },
    [run, apply, drop, fail],
  );

  const undo = useCallback(async () => {
    await flush();
    await replay(undoStack.current.takeUndo(), 'before');
  }, [flush, replay]);

  const redo = useCallback(async () => {
    await flush();
    await replay(undoStack.current.takeRedo(), 'after');
  }, [flush, replay]);

  const createTier = useCallback(
    async (name: string, kind: TierKind, vocabulary: string[] | null) => {
      try {
        const tier = await run((b) =>
          b.call('annotations.createTier', { audioId, name, kind, vocabulary }),
        );
        setWorkspace((w) => (w ? { ...w, tiers: [...w.tiers, tier] } : w));
        setTierId(tier.id);
        setEditError(null);
      } catch (e) {
        setEditError(toEngineError(e));
      }
    },
    [audioId, run],
  );

  const segments = useMemo(
    () => (tierId === null ? [] : [...listOf(tierId)]),
    // `version` changes whenever a tier's list does.
    [tierId, version],
  );

  return {
    workspace,
    loadError,
    editError,
    clearEditError: () => setEditError(null),
    reloadTier: loadTier,
    tierId,
    selectTier: setTierId,
    segments,
    tierLoading,
    status: failed ? 'failed' : busy > 0 || pending.current.size > 0 ? 'saving' : 'saved',
    add,
    editText,
    update,
    setEntities,
    split,
    mergeWithNext,
    remove,
    createTier,
    undo,
    redo,
    undoLabel: undoStack.current.peekUndo(),
    redoLabel: undoStack.current.peekRedo(),
    flush,
  };
}
