/** The plain-text table `charkha mt-score` prints without --json. */
import type { MtScoreReport } from './report-schema.js';

const MAX_LOST = 10;

function interval(ci: [number, number] | null, fmt = (x: number) => x.toFixed(2)): string {
  return ci ? `[${fmt(ci[0])}, ${fmt(ci[1])}]` : '';
}

function pct(x: number | null): string {
  return x === null ? 'n/a' : `${(100 * x).toFixed(1)}%`;
}

export function mtScoreTable(r: MtScoreReport): string[] {
  const refs = r.ref.length === 1 ? '1 reference' : `${r.ref.length} references`;
  const b = r.bleu;
  const ratio = b.ref_len > 0 ? b.sys_len / b.ref_len : 0;
  const lines = [
    `${r.hyp}: ${r.segments} segments, ${refs}`,
    `  metric    score   95% interval`,
    `  BLEU    ${b.score.toFixed(2).padStart(7)}   ${interval(b.ci95)}`,
    `  chrF++  ${r.chrf.score.toFixed(2).padStart(7)}   ${interval(r.chrf.ci95)}`,
    `  survival ${pct(r.survival.rate).padStart(6)}   ${interval(r.survival.ci95, pct)}  (${r.survival.survived}/${r.survival.entities} entities)`,
    `  BLEU ${b.precisions.map((p) => p.toFixed(1)).join('/')} (BP = ${b.bp.toFixed(3)} ratio = ${ratio.toFixed(3)} hyp_len = ${b.sys_len} ref_len = ${b.ref_len})`,
    `  BLEU|${b.signature}`,
    `  chrF2++|${r.chrf.signature}`,
  ];
  const types = Object.entries(r.survival.by_type).sort(([a], [b2]) => a.localeCompare(b2));
  if (types.length > 0) {
    lines.push('  survival by type:');
    for (const [t, c] of types) {
      lines.push(
        `    ${t.padEnd(16)} ${String(c.survived).padStart(5)}/${c.entities}  ${pct(c.rate)}`,
      );
    }
  }
  const lost = r.sentences.flatMap((s) => s.lost.map((l) => ({ id: s.id, ...l })));
  if (lost.length > 0) {
    lines.push(
      `  lost entities${lost.length > MAX_LOST ? ` (first ${MAX_LOST} of ${lost.length}; all in --json)` : ''}:`,
    );
    const shown = lost.slice(0, MAX_LOST);
    const w = Math.max(...shown.map((l) => l.id.length));
    for (const l of shown) lines.push(`    ${l.id.padEnd(w)}  ${l.type.padEnd(16)} ${l.value}`);
  }
  return lines;
}
