/** A 95% interval on a rate, as "[71.2–88.0]" in percent; empty when the run has none. */
export function formatInterval(ci: readonly [number, number] | null | undefined): string {
  if (!ci) return '';
  return `[${(ci[0] * 100).toFixed(1)}–${(ci[1] * 100).toFixed(1)}]`;
}
