import type { CSSProperties } from 'react';
import { entityColor } from './entity-colors.js';

/** The colour key for the entity types on screen. */
export function EntityLegend({ types }: { types: readonly string[] }) {
  if (types.length === 0) return null;
  return (
    <ul className="entity-legend" aria-label="Entity colours">
      {types.map((t) => {
        const c = entityColor(t);
        const style = { '--ent-bg': c.bg, '--ent-line': c.line } as CSSProperties;
        return (
          <li key={t}>
            <mark className="entity" style={style}>
              {c.label}
            </mark>
          </li>
        );
      })}
    </ul>
  );
}
