import { useCallback, useEffect, useRef, useState } from 'react';
import type { Utterance, UtteranceQuery } from '../../../native/contract/index.js';
import { useBridge } from '../../app/bridge-context.js';
import { toEngineError, type EngineError } from '../../bridge/engine-error.js';

export const PAGE_SIZE = 100;

export type UtteranceFilters = Omit<UtteranceQuery, 'offset' | 'limit'>;

export interface UtterancePages {
  total: number | null;
  /** Stable for the lifetime of the list; `version` says when what it returns has changed. */
  row(index: number): Utterance | undefined;
  /** Goes up whenever a page arrives or the filters change. */
  version: number;
  /** Loads the pages that cover rows first..last (the list calls this as it scrolls). */
  ensure(first: number, last: number): void;
  error: EngineError | null;
}

/**
 * Utterances fetched page by page (offset/limit) as the list scrolls, kept
 * in a cache that is dropped when the filters change. A generation counter
 * discards answers to an older filter that arrive late.
 */
export function useUtterancePages(filters: UtteranceFilters): UtterancePages {
  const bridge = useBridge();
  const pages = useRef(new Map<number, Utterance[]>());
  const pending = useRef(new Set<number>());
  const generation = useRef(0);
  const [total, setTotal] = useState<number | null>(null);
  const [version, setVersion] = useState(0);
  const [error, setError] = useState<EngineError | null>(null);
  const key = JSON.stringify(filters);

  const load = useCallback(
    (page: number) => {
      if (pages.current.has(page) || pending.current.has(page)) return;
      pending.current.add(page);
      const gen = generation.current;
      bridge
        .call('utterances.query', {
          ...(JSON.parse(key) as UtteranceFilters),
          offset: page * PAGE_SIZE,
          limit: PAGE_SIZE,
        })
        .then((r) => {
          if (gen !== generation.current) return;
          pending.current.delete(page);
          pages.current.set(page, r.rows);
          setTotal(r.total);
          setVersion((v) => v + 1);
        })
        .catch((e: unknown) => {
          if (gen !== generation.current) return;
          pending.current.delete(page);
          setError(toEngineError(e));
        });
    },
    [bridge, key],
  );

  useEffect(() => {
    generation.current++;
    pages.current = new Map();
    pending.current = new Set();
    setTotal(null);
    setError(null);
    setVersion((v) => v + 1);
    load(0);
  }, [load]);

  const ensure = useCallback(
    (first: number, last: number) => {
      for (let p = Math.floor(first / PAGE_SIZE); p <= Math.floor(last / PAGE_SIZE); p++) load(p);
    },
    [load],
  );

  const row = useCallback(
    (i: number) => pages.current.get(Math.floor(i / PAGE_SIZE))?.[i % PAGE_SIZE],
    [],
  );
  return { total, row, version, ensure, error };
}
