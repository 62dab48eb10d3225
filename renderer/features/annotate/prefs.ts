import { useCallback, useState } from 'react';
import { ROMAN_SCHEMES, type RomanScheme } from './translit-typing.js';

/** How the annotator likes to work; kept in this browser profile, not in the project. */
export interface AnnotatePrefs {
  /** Subtracted from the playhead when Enter marks a boundary (a listener's reaction time). */
  offsetMs: number;
  autoplay: boolean;
  loop: boolean;
  /** Typing scheme per language; 'off' uses the system keyboard. */
  schemes: Record<string, RomanScheme | 'off'>;
}

const KEY = 'charkha.annotate.prefs';
export const DEFAULT_PREFS: AnnotatePrefs = {
  offsetMs: 150,
  autoplay: true,
  loop: false,
  schemes: {},
};

function read(): AnnotatePrefs {
  try {
    const raw = JSON.parse(localStorage.getItem(KEY) ?? '{}') as Partial<AnnotatePrefs>;
    const offset = Number(raw.offsetMs);
    return {
      offsetMs: Number.isFinite(offset) ? Math.min(1000, Math.max(0, offset)) : 150,
      autoplay: raw.autoplay ?? DEFAULT_PREFS.autoplay,
      loop: raw.loop ?? DEFAULT_PREFS.loop,
      schemes: Object.fromEntries(
        Object.entries(raw.schemes ?? {}).filter(
          ([, v]) => v === 'off' || (ROMAN_SCHEMES as readonly string[]).includes(v),
        ),
      ),
    };
  } catch {
    return DEFAULT_PREFS;
  }
}

export function usePrefs(): [AnnotatePrefs, (patch: Partial<AnnotatePrefs>) => void] {
  const [prefs, setPrefs] = useState(read);
  const set = useCallback((patch: Partial<AnnotatePrefs>) => {
    setPrefs((p) => {
      const next = { ...p, ...patch };
      localStorage.setItem(KEY, JSON.stringify(next));
      return next;
    });
  }, []);
  return [prefs, set];
}
