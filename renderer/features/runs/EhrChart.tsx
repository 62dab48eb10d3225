import type { TypeFigure } from '../../../native/contract/index.js';
import { entityColor } from '../../components/entity-colors.js';
import { formatPct } from '../../app/format.js';

const ROW = 34;
const LABEL_W = 170;
const VALUE_W = 150;
const PLOT_W = 420;
const PAD_TOP = 26;

/**
 * Entity hit rate per type: one horizontal bar each, with the 95% interval
 * drawn as a whisker, on a fixed 0–100% axis so runs compare at a glance.
 */
export function EhrChart({ figures }: { figures: readonly TypeFigure[] }) {
  const rows = [...figures].sort((a, b) => b.entities - a.entities || a.key.localeCompare(b.key));
  const height = PAD_TOP + rows.length * ROW + 8;
  const width = LABEL_W + PLOT_W + VALUE_W;
  const x = (v: number) => LABEL_W + Math.max(0, Math.min(1, v)) * PLOT_W;
  return (
    <svg
      className="ehr-chart"
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
      role="img"
      aria-label="Entity hit rate by entity type, with 95% intervals"
    >
      {[0, 0.25, 0.5, 0.75, 1].map((t) => (
        <g key={t}>
          <line x1={x(t)} x2={x(t)} y1={PAD_TOP - 6} y2={height - 8} className="grid" />
          <text x={x(t)} y={PAD_TOP - 10} className="axis" textAnchor="middle">
            {t * 100}%
          </text>
        </g>
      ))}
      {rows.map((f, i) => {
        const y = PAD_TOP + i * ROW;
        const c = entityColor(f.key);
        return (
          <g key={f.key} data-type={f.key}>
            <title>{`${c.label}: ${f.hits} of ${f.entities} hit (${formatPct(f.ehr)})`}</title>
            <text x={LABEL_W - 10} y={y + ROW / 2 + 5} className="label" textAnchor="end">
              {c.label}
            </text>
            <rect x={x(0)} y={y + 8} width={PLOT_W} height={ROW - 16} className="track" rx={3} />
            {f.ehr !== null && (
              <rect
                x={x(0)}
                y={y + 8}
                width={x(f.ehr) - x(0)}
                height={ROW - 16}
                fill={c.line}
                opacity={0.8}
                rx={3}
              />
            )}
            {f.ci95 && (
              <g className="whisker">
                <line x1={x(f.ci95[0])} x2={x(f.ci95[1])} y1={y + ROW / 2} y2={y + ROW / 2} />
                <line x1={x(f.ci95[0])} x2={x(f.ci95[0])} y1={y + 10} y2={y + ROW - 10} />
                <line x1={x(f.ci95[1])} x2={x(f.ci95[1])} y1={y + 10} y2={y + ROW - 10} />
              </g>
            )}
            <text x={LABEL_W + PLOT_W + 12} y={y + ROW / 2 + 5} className="value">
              {formatPct(f.ehr)}{' '}
              <tspan className="axis">
                {f.hits}/{f.entities}
              </tspan>
            </text>
          </g>
        );
      })}
    </svg>
  );
}
