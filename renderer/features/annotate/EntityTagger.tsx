import { useEffect, useState, type CSSProperties } from 'react';
import type {
  AnnotationSegment,
  EntityType,
  Lang,
  SegmentEntity,
} from '../../../native/contract/index.js';
import { useBridge } from '../../app/bridge-context.js';
import { ENTITY_COLORS, entityColor } from '../../components/entity-colors.js';
import { toCodePoint } from './segment-ops.js';

export interface EntityTaggerProps {
  seg: AnnotationSegment;
  lang: Lang;
  /** The text field's selection, UTF-16 offsets. */
  selection: [number, number];
  onChange: (entities: SegmentEntity[], label: string) => void;
}

function surfaceOf(text: string, e: SegmentEntity): string {
  return Array.from(text).slice(e.start, e.end).join('');
}

/** The project's entity vocabulary: the types the scorer knows, each with its colour. */
const TYPES = Object.keys(ENTITY_COLORS) as EntityType[];

/**
 * Tags the selected text with an entity type; the canonical value is
 * suggested by the scorer's own readings ("పాతిక వేలు" → 25000) and stays
 * editable. Spans are stored in code points, as everywhere in Charkha.
 */
export function EntityTagger({ seg, lang, selection, onChange }: EntityTaggerProps) {
  const bridge = useBridge();
  const [type, setType] = useState<EntityType>('currency_amount');
  const [values, setValues] = useState<Record<number, string>>({});
  const [busy, setBusy] = useState(false);
  const start = toCodePoint(seg.text, Math.min(...selection));
  const end = toCodePoint(seg.text, Math.max(...selection));
  const selected = Array.from(seg.text).slice(start, end).join('');
  const canTag = end > start && selected.trim() !== '';

  // The value fields show what is saved until the user edits them.
  useEffect(() => setValues({}), [seg.id, seg.entities]);

  const tag = async () => {
    if (!canTag) return;
    setBusy(true);
    let value: string | null = null;
    try {
      value = (
        await bridge.call('annotations.suggestValue', { text: seg.text, lang, start, end, type })
      ).value;
    } catch {
      // No suggestion: the value stays empty for the annotator to fill in.
    }
    setBusy(false);
    const rest = seg.entities.filter((e) => e.end <= start || e.start >= end);
    onChange(
      [...rest, { type, start, end, value }].sort((a, b) => a.start - b.start),
      `tag ${entityColor(type).label}`,
    );
  };

  const setValue = (i: number) => {
    const v = values[i];
    if (v === undefined || v === (seg.entities[i].value ?? '')) return;
    onChange(
      seg.entities.map((e, j) => (j === i ? { ...e, value: v.trim() || null } : e)),
      'entity value',
    );
  };

  return (
    <div className="tagger">
      <div className="tagger-bar">
        <span className="field-label">Entity</span>
        <select
          aria-label="Entity type"
          value={type}
          onChange={(e) => setType(e.target.value as EntityType)}
        >
          {TYPES.map((t) => (
            <option key={t} value={t}>
              {entityColor(t).label}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="btn btn-small"
          disabled={!canTag || busy}
          onClick={() => void tag()}
          title="Select text in the transcript first"
        >
          Tag selection
        </button>
        <span className="muted small tagger-sel" lang={lang}>
          {canTag ? `“${selected}”` : 'select text to tag'}
        </span>
      </div>
      {seg.entities.length > 0 && (
        <ul className="entity-list" aria-label="Entities in this segment">
          {seg.entities.map((e, i) => {
            const c = entityColor(e.type);
            return (
              <li key={`${e.start}:${e.end}:${e.type}`} data-entity-type={e.type}>
                <mark
                  className="entity"
                  style={{ '--ent-bg': c.bg, '--ent-line': c.line } as CSSProperties}
                  lang={lang}
                >
                  {surfaceOf(seg.text, e)}
                </mark>
                <span className="entity-type small">{c.label}</span>
                <label className="entity-value">
                  <span className="sr-only">Canonical value</span>
                  <input
                    type="text"
                    value={values[i] ?? e.value ?? ''}
                    placeholder="value"
                    aria-label={`Canonical value of ${surfaceOf(seg.text, e)}`}
                    onChange={(ev) => setValues((v) => ({ ...v, [i]: ev.target.value }))}
                    onBlur={() => setValue(i)}
                    onKeyDown={(ev) => ev.key === 'Enter' && setValue(i)}
                  />
                </label>
                <button
                  type="button"
                  className="btn btn-quiet btn-small"
                  aria-label={`Remove the ${c.label} tag`}
                  onClick={() =>
                    onChange(
                      seg.entities.filter((_, j) => j !== i),
                      'remove tag',
                    )
                  }
                >
                  ×
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
