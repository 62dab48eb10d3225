import type { EvalMetric } from '../../../native/contract/index.js';

/** How each compared metric reads: its name, what it measures, and which direction is better. */
export const METRIC_INFO: Record<
  EvalMetric,
  { label: string; help: string; higherIsBetter: boolean }
> = {
  wer: { label: 'WER', help: 'word error rate', higherIsBetter: false },
  cer: { label: 'CER', help: 'character error rate', higherIsBetter: false },
  aer: { label: 'AER', help: 'akshara (syllable) error rate', higherIsBetter: false },
  ehr: { label: 'EHR micro', help: 'entities hit / entities', higherIsBetter: true },
  ehr_macro: { label: 'EHR macro', help: 'mean of the per-type hit rates', higherIsBetter: true },
  sfr: { label: 'SFR', help: 'script fidelity (mean per utterance)', higherIsBetter: true },
};

/** Series colours for runs side by side (distinct in hue and lightness). */
export const RUN_COLORS = [
  '#2f5d8a',
  '#c2410c',
  '#15803d',
  '#7e22ce',
  '#b45309',
  '#0e7490',
  '#be185d',
  '#4a5361',
];

export function runColor(i: number): string {
  return RUN_COLORS[i % RUN_COLORS.length];
}

/** A signed difference in percentage points: "+12.5 pp". */
export function formatPoints(x: number): string {
  const v = x * 100;
  return `${v > 0 ? '+' : v < 0 ? '−' : '±'}${Math.abs(v).toFixed(1)} pp`;
}

export function formatSeconds(s: number | null): string {
  return s === null ? '—' : `${s.toFixed(1)} s`;
}
