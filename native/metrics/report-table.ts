/** The score report as a plain-text table for the terminal (`charkha score` without --json). */
import type { GroupFigures, ScoreReport } from './report-schema.js';

const f3 = (x: number | null): string => (x === null ? '—' : x.toFixed(3));
const ci = (c: [number, number] | null): string => (c ? `[${f3(c[0])}, ${f3(c[1])}]` : '');

function pad(rows: string[][]): string[] {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => [...(r[i] ?? '')].length)));
  return rows.map((r) =>
    r
      .map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i])))
      .join('  ')
      .trimEnd(),
  );
}

function groupRows(title: string, g: Record<string, GroupFigures> | null): string[] {
  if (!g) return [];
  const rows = [[title, 'hits', 'entities', 'EHR', '95% CI']];
  for (const [k, v] of Object.entries(g)) {
    rows.push([k || '(none)', String(v.hits), String(v.entities), f3(v.ehr), ci(v.ci95)]);
  }
  return ['', ...pad(rows)];
}

export function formatReportTable(r: ScoreReport): string {
  const mode = r.compat ? `compat ${r.compat}` : `profile ${r.profile}`;
  const out: string[] = [
    `${r.metric_version} · ${mode} · ${r.utterances} utterances scored, ${r.missing} missing`,
    '',
  ];
  const figs: string[][] = [['figure', 'value']];
  for (const k of ['wer', 'twer', 'cer', 'aer', 'mer', 'wil', 'wip'] as const) {
    if (r[k] !== null) figs.push([k.toUpperCase(), f3(r[k])]);
  }
  if (r.ehr.micro !== null) {
    figs.push(['EHR (micro)', `${f3(r.ehr.micro)} ${ci(r.ehr.ci95)}  ${r.hits}/${r.entities}`]);
  } else figs.push(['EHR', 'not computed']);
  if (r.ehr.macro !== null) figs.push(['EHR (macro)', f3(r.ehr.macro)]);
  if (r.sfr.mean !== null) figs.push(['SFR (mean)', f3(r.sfr.mean)]);
  if (r.sfr.ratio !== null) figs.push(['SFR (ratio)', f3(r.sfr.ratio)]);
  if (r.sfr.collapse_share !== null) figs.push(['SFR < 0.5 share', f3(r.sfr.collapse_share)]);
  out.push(...pad(figs));
  const oc = Object.entries(r.outcomes).filter(([, v]) => v !== null);
  if (oc.length && r.entities)
    out.push('', 'outcomes: ' + oc.map(([k, v]) => `${k} ${v}`).join(', '));
  out.push(...groupRows('type', r.by_type));
  out.push(...groupRows('language', r.by_lang));
  out.push(...groupRows('class', r.by_class));
  out.push(...groupRows('system', r.by_system));
  out.push(...groupRows('test set', r.by_test_set));
  return out.join('\n');
}
