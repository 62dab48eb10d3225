/**
 * One self-contained HTML file for a score report: inline CSS, SVG and a few
 * lines of JS, nothing fetched (it is opened offline, mailed, archived).
 * Shows the figures, EHR per type with its interval, outcome classes per
 * type, the SFR distribution and a searchable per-entity table.
 */
import type { GroupFigures, PerEntity, ScoreReport } from './report-schema.js';

export interface HtmlSources {
  ref: string;
  hyp: string;
  field: string;
  /** Per-utterance SFR values, for the distribution. */
  sfrValues?: readonly number[];
}

const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const f3 = (x: number | null | undefined): string =>
  x === null || x === undefined ? '—' : x.toFixed(3);

const OUTCOME_COLOURS: Record<PerEntity['outcome'], string> = {
  hit: '#2e7d32',
  partial: '#f9a825',
  wrong_script: '#6a1b9a',
  miss: '#c62828',
};

function ehrBars(groups: Record<string, GroupFigures> | null): string {
  if (!groups || Object.keys(groups).length === 0) return '<p>No entities scored.</p>';
  const entries = Object.entries(groups);
  const rowH = 26;
  const left = 150;
  const width = 420;
  const h = entries.length * rowH + 24;
  const x = (v: number) => left + v * width;
  const parts: string[] = [];
  entries.forEach(([k, g], i) => {
    const y = i * rowH + 6;
    parts.push(
      `<text x="${left - 8}" y="${y + 14}" text-anchor="end">${esc(k)} (n=${g.entities})</text>`,
    );
    parts.push(
      `<rect x="${left}" y="${y + 3}" width="${(g.ehr ?? 0) * width}" height="14" fill="#90caf9"/>`,
    );
    if (g.ci95) {
      const [lo, hi] = g.ci95;
      parts.push(
        `<line x1="${x(lo)}" x2="${x(hi)}" y1="${y + 10}" y2="${y + 10}" stroke="#0d47a1" stroke-width="2"/>`,
        `<line x1="${x(lo)}" x2="${x(lo)}" y1="${y + 5}" y2="${y + 15}" stroke="#0d47a1"/>`,
        `<line x1="${x(hi)}" x2="${x(hi)}" y1="${y + 5}" y2="${y + 15}" stroke="#0d47a1"/>`,
      );
    }
    parts.push(`<text x="${left + width + 8}" y="${y + 14}">${f3(g.ehr)}</text>`);
  });
  for (const t of [0, 0.25, 0.5, 0.75, 1]) {
    parts.push(
      `<line x1="${x(t)}" x2="${x(t)}" y1="0" y2="${h - 18}" stroke="#ddd"/>`,
      `<text x="${x(t)}" y="${h - 4}" text-anchor="middle" class="axis">${t}</text>`,
    );
  }
  return `<svg width="${left + width + 60}" height="${h}" role="img">${parts.join('')}</svg>`;
}

function outcomeBars(entities: readonly PerEntity[]): string {
  const byType = new Map<string, Record<PerEntity['outcome'], number>>();
  for (const e of entities) {
    const c = byType.get(e.type) ?? { hit: 0, partial: 0, wrong_script: 0, miss: 0 };
    c[e.outcome]++;
    byType.set(e.type, c);
  }
  if (byType.size === 0) return '<p>No entities scored.</p>';
  const rowH = 26;
  const left = 150;
  const width = 420;
  const parts: string[] = [];
  [...byType.entries()].sort().forEach(([type, c], i) => {
    const y = i * rowH + 4;
    const total = c.hit + c.partial + c.wrong_script + c.miss;
    parts.push(`<text x="${left - 8}" y="${y + 14}" text-anchor="end">${esc(type)}</text>`);
    let x = left;
    for (const o of ['hit', 'partial', 'wrong_script', 'miss'] as const) {
      const w = (c[o] / total) * width;
      if (w > 0) {
        parts.push(
          `<rect x="${x}" y="${y + 3}" width="${w}" height="16" fill="${OUTCOME_COLOURS[o]}"><title>${o}: ${c[o]}</title></rect>`,
        );
      }
      x += w;
    }
  });
  const legend = (['hit', 'partial', 'wrong_script', 'miss'] as const)
    .map((o) => `<span class="key" style="background:${OUTCOME_COLOURS[o]}"></span>${o}`)
    .join(' ');
  return `<svg width="${left + width + 20}" height="${byType.size * rowH + 8}" role="img">${parts.join('')}</svg><p>${legend}</p>`;
}

function sfrHistogram(values: readonly number[]): string {
  if (values.length === 0) return '<p>No SFR values.</p>';
  const bins = new Array<number>(10).fill(0);
  for (const v of values) bins[Math.min(9, Math.floor(v * 10))]++;
  const max = Math.max(...bins);
  const bw = 40;
  const hgt = 120;
  const parts = bins.map((b, i) => {
    const bh = max ? (b / max) * hgt : 0;
    return (
      `<rect x="${i * bw + 30}" y="${hgt - bh + 10}" width="${bw - 4}" height="${bh}" fill="${i < 5 ? '#c62828' : '#2e7d32'}"><title>${(i / 10).toFixed(1)}–${((i + 1) / 10).toFixed(1)}: ${b}</title></rect>` +
      `<text x="${i * bw + 30 + (bw - 4) / 2}" y="${hgt + 24}" text-anchor="middle" class="axis">${(i / 10).toFixed(1)}</text>`
    );
  });
  return `<svg width="${10 * bw + 40}" height="${hgt + 30}" role="img">${parts.join('')}</svg>`;
}

function groupTable(title: string, g: Record<string, GroupFigures> | null): string {
  if (!g) return '';
  const rows = Object.entries(g)
    .map(
      ([k, v]) =>
        `<tr><td>${esc(k || '(none)')}</td><td>${v.hits}</td><td>${v.entities}</td><td>${f3(v.ehr)}</td><td>${v.ci95 ? `${f3(v.ci95[0])}–${f3(v.ci95[1])}` : ''}</td></tr>`,
    )
    .join('');
  return `<h3>By ${esc(title)}</h3><table><thead><tr><th>${esc(title)}</th><th>hits</th><th>entities</th><th>EHR</th><th>95% CI</th></tr></thead><tbody>${rows}</tbody></table>`;
}

export function renderReportHtml(report: ScoreReport, src: HtmlSources): string {
  const entities = report.per_entity ?? [];
  const figures: [string, string][] = [
    ['utterances', String(report.utterances)],
    ['missing', String(report.missing)],
    ['WER', f3(report.wer)],
    ['TWER', f3(report.twer)],
    ['CER', f3(report.cer)],
    ['AER', f3(report.aer)],
    ['MER', f3(report.mer)],
    ['WIL', f3(report.wil)],
    ['WIP', f3(report.wip)],
    [
      'EHR (micro)',
      `${f3(report.ehr.micro)}${report.ehr.ci95 ? ` [${f3(report.ehr.ci95[0])}, ${f3(report.ehr.ci95[1])}]` : ''}`,
    ],
    ['EHR (macro)', f3(report.ehr.macro)],
    ['SFR mean', f3(report.sfr.mean)],
    ['SFR ratio', f3(report.sfr.ratio)],
    ['SFR < 0.5', f3(report.sfr.collapse_share)],
  ];
  const rows = entities
    .map(
      (e) =>
        `<tr class="o-${e.outcome}"><td>${esc(e.id)}</td><td>${esc(e.type)}</td><td>${esc(e.surface)}</td><td>${esc(e.value ?? '')}</td><td>${e.outcome}</td><td>${e.exact_surface === null ? '' : e.exact_surface ? 'yes' : 'no'}</td><td>${esc(e.hyp_window ?? '')}</td></tr>`,
    )
    .join('\n');
  const mode = report.compat ? `compat ${report.compat}` : `profile ${report.profile}`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<title>Charkha score report</title>
<style>
body{font:14px/1.4 system-ui,sans-serif;margin:2em;color:#222}
table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ccc;padding:2px 8px;text-align:left}
th{background:#f3f3f3}svg text{font-size:12px}.axis{fill:#777;font-size:10px}
.key{display:inline-block;width:12px;height:12px;margin:0 4px 0 12px;vertical-align:middle}
tr.o-hit td:nth-child(5){color:#2e7d32}tr.o-miss td:nth-child(5){color:#c62828}
tr.o-partial td:nth-child(5){color:#b28704}tr.o-wrong_script td:nth-child(5){color:#6a1b9a}
input{font-size:14px;padding:4px;width:24em}
</style></head><body>
<h1>Score report</h1>
<p>${esc(report.metric_version)} · ${esc(mode)} · reference <code>${esc(src.ref)}</code> · hypotheses <code>${esc(src.hyp)}</code> (field <code>${esc(src.field)}</code>)</p>
<h2>Figures</h2>
<table><tbody>${figures.map(([k, v]) => `<tr><th>${k}</th><td>${v}</td></tr>`).join('')}</tbody></table>
<h2>Entity hit rate per type (95% interval)</h2>
${ehrBars(report.by_type)}
${groupTable('language', report.by_lang)}${groupTable('class', report.by_class)}${groupTable('system', report.by_system)}${groupTable('test set', report.by_test_set)}
<h2>Outcome classes per type</h2>
${outcomeBars(entities)}
<h2>Script fidelity (SFR) per utterance</h2>
${sfrHistogram(src.sfrValues ?? [])}
<h2>Entities</h2>
<p><input id="q" type="search" placeholder="filter: id, type, surface, outcome, window…"> <span id="n"></span></p>
<table id="ents"><thead><tr><th>utterance</th><th>type</th><th>surface</th><th>value</th><th>outcome</th><th>exact surface</th><th>hypothesis window</th></tr></thead>
<tbody>
${rows}
</tbody></table>
<script>
(function(){var q=document.getElementById('q'),n=document.getElementById('n'),rs=document.querySelectorAll('#ents tbody tr');
function f(){var t=q.value.toLowerCase(),k=0;for(var i=0;i<rs.length;i++){var s=rs[i].textContent.toLowerCase().indexOf(t)>=0;rs[i].style.display=s?'':'none';if(s)k++;}n.textContent=k+' of '+rs.length;}
q.addEventListener('input',f);f();})();
</script>
</body></html>
`;
}
