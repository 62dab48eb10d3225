import { useRef } from 'react';
import type { EvalComparison } from '../../../native/contract/index.js';
import { formatPct } from '../../app/format.js';
import { entityColor } from '../../components/entity-colors.js';
import { exportPng, exportSvg } from './chart-export.js';
import { runColor } from './metrics.js';

const BAR = 16;
const GAP = 14;
const LABEL_W = 150;
const PLOT_W = 460;
const VALUE_W = 110;
const PAD_TOP = 30;

/** EHR per entity type, one bar per run in each group, 95% intervals as whiskers; exports as SVG or PNG. */
export function GroupedEhrChart({ data }: { data: EvalComparison }) {
  const ref = useRef<SVGSVGElement>(null);
  const n = data.runs.length;
  const groupH = n * BAR + GAP;
  const height = PAD_TOP + data.byType.length * groupH + 6;
  const width = LABEL_W + PLOT_W + VALUE_W;
  const x = (v: number) => LABEL_W + Math.max(0, Math.min(1, v)) * PLOT_W;
  return (
    <section className="card" aria-labelledby="ehr-type-title">
      <div className="card-head">
        <h2 id="ehr-type-title">Entity hit rate by type</h2>
        <ul className="run-legend">
          {data.runs.map((r, i) => (
            <li key={r.id}>
              <span className="run-swatch" style={{ background: runColor(i) }} aria-hidden />
              {r.name}
            </li>
          ))}
        </ul>
        <span className="card-action">
          <button
            type="button"
            className="btn btn-small"
            onClick={() => ref.current && exportSvg(ref.current, 'charkha-ehr-by-type.svg')}
          >
            SVG
          </button>{' '}
          <button
            type="button"
            className="btn btn-small"
            onClick={() => ref.current && void exportPng(ref.current, 'charkha-ehr-by-type.png')}
          >
            PNG
          </button>
        </span>
      </div>
      {data.byType.length === 0 ? (
        <p className="muted">These runs scored no entities.</p>
      ) : (
        <div className="chart-scroll">
          <svg
            ref={ref}
            className="ehr-chart grouped-chart"
            viewBox={`0 0 ${width} ${height}`}
            width={width}
            height={height}
            role="img"
            aria-label="Entity hit rate by entity type and run, with 95% intervals"
            data-testid="eval-ehr-chart"
          >
            {[0, 0.25, 0.5, 0.75, 1].map((t) => (
              <g key={t}>
                <line x1={x(t)} x2={x(t)} y1={PAD_TOP - 8} y2={height - 4} className="grid" />
                <text x={x(t)} y={PAD_TOP - 14} className="axis" textAnchor="middle">
                  {t * 100}%
                </text>
              </g>
            ))}
            {data.byType.map((g, gi) => {
              const y0 = PAD_TOP + gi * groupH;
              return (
                <g key={g.type} data-type={g.type}>
                  <text
                    x={LABEL_W - 10}
                    y={y0 + (n * BAR) / 2 + 5}
                    className="label"
                    textAnchor="end"
                  >
                    {entityColor(g.type).label}
                  </text>
                  {g.figures.map((f, i) => {
                    const y = y0 + i * BAR;
                    const run = data.runs[i];
                    return (
                      <g key={run.id}>
                        <title>{`${run.name}, ${entityColor(g.type).label}: ${
                          f ? `${f.hits} of ${f.entities} hit (${formatPct(f.ehr)})` : 'none'
                        }`}</title>
                        <rect
                          x={x(0)}
                          y={y + 2}
                          width={PLOT_W}
                          height={BAR - 4}
                          className="track"
                        />
                        {f?.ehr !== null && f?.ehr !== undefined && (
                          <rect
                            x={x(0)}
                            y={y + 2}
                            width={Math.max(1, x(f.ehr) - x(0))}
                            height={BAR - 4}
                            fill={runColor(i)}
                          />
                        )}
                        {f?.ci95 && (
                          <g className="whisker">
                            <line
                              x1={x(f.ci95[0])}
                              x2={x(f.ci95[1])}
                              y1={y + BAR / 2}
                              y2={y + BAR / 2}
                            />
                            <line x1={x(f.ci95[0])} x2={x(f.ci95[0])} y1={y + 4} y2={y + BAR - 4} />
                            <line x1={x(f.ci95[1])} x2={x(f.ci95[1])} y1={y + 4} y2={y + BAR - 4} />
                          </g>
                        )}
                        <text
                          x={LABEL_W + PLOT_W + 10}
                          y={y + BAR - 4}
                          className="value small-value"
                        >
                          {f ? `${formatPct(f.ehr)} (${f.hits}/${f.entities})` : '—'}
                        </text>
                      </g>
                    );
                  })}
                </g>
              );
            })}
          </svg>
        </div>
      )}
      <p className="muted small">
        Each run over all the utterances it scored. Bars: hit rate. Whiskers: 95% interval.
      </p>
    </section>
  );
}
