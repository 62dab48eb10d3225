import type { OutcomeFilter } from '../../../native/contract/index.js';

export interface UtteranceFilters {
  lang: string;
  entityClass: string;
  entityType: string;
  outcome: OutcomeFilter | '';
  /** Percent, as typed. */
  werMin: string;
  werMax: string;
  /** Seconds, as typed. */
  durationMin: string;
  durationMax: string;
  system: string;
  sort: 'id' | 'wer' | 'cer' | 'duration' | 'errors';
  desc: boolean;
}

export const NO_FILTERS: UtteranceFilters = {
  lang: '',
  entityClass: '',
  entityType: '',
  outcome: '',
  werMin: '',
  werMax: '',
  durationMin: '',
  durationMax: '',
  system: '',
  sort: 'id',
  desc: false,
};

function num(s: string, scale = 1): number | undefined {
  const v = Number(s);
  return s.trim() === '' || !Number.isFinite(v) || v < 0 ? undefined : v * scale;
}

/** The engine's query for these filters (empty fields left out, WER from percent to a rate). */
export function filterRequest(f: UtteranceFilters) {
  return {
    ...(f.lang ? { lang: f.lang } : {}),
    ...(f.entityClass ? { entityClass: f.entityClass } : {}),
    ...(f.entityType ? { entityType: f.entityType } : {}),
    ...(f.outcome ? { outcome: f.outcome } : {}),
    ...(f.system ? { system: f.system } : {}),
    werMin: num(f.werMin, 0.01),
    werMax: num(f.werMax, 0.01),
    durationMin: num(f.durationMin),
    durationMax: num(f.durationMax),
    sort: f.sort,
    desc: f.desc,
  };
}
