import type { AlignedToken, EvalUtteranceDetail } from '../../../native/contract/index.js';
import { entityColor } from '../../components/entity-colors.js';

const OP_LABEL: Record<AlignedToken['op'], string> = {
  match: 'match',
  sub: 'substitution',
  del: 'deletion',
  ins: 'insertion',
};

/**
 * Reference over hypothesis, word by word as the scorer aligned them:
 * matches quiet, substitutions amber, deletions red, insertions blue, and
 * the words of an entity underlined in its type's colour.
 */
export function AlignmentView({
  tokens,
  entities,
  lang,
}: {
  tokens: AlignedToken[];
  entities: EvalUtteranceDetail['entities'];
  lang: string;
}) {
  const typeOf = (id: number) => entities.find((e) => e.spanId === id)?.type ?? 'entity';
  return (
    <div className="alignment" lang={lang} data-testid="eval-alignment">
      {tokens.map((t, i) => {
        const span = t.spanIds[0];
        const c = span !== undefined ? entityColor(typeOf(span)) : null;
        return (
          <span
            key={i}
            className={`al-tok al-${t.op}${c ? ' al-entity' : ''}`}
            title={`${OP_LABEL[t.op]}${c ? ` · in ${c.label}` : ''}${t.hypStart !== null ? ` · heard at ${t.hypStart.toFixed(2)} s` : ''}`}
            data-op={t.op}
            style={c ? { borderBottomColor: c.line, background: c.bg } : undefined}
          >
            <span className="al-ref">{t.ref ?? '·'}</span>
            <span className="al-hyp">{t.hyp ?? '·'}</span>
          </span>
        );
      })}
    </div>
  );
}

export function AlignmentLegend() {
  return (
    <p className="al-legend muted small">
      <span className="al-key al-match">match</span>
      <span className="al-key al-sub">substitution</span>
      <span className="al-key al-del">deletion</span>
      <span className="al-key al-ins">insertion</span>
      <span className="al-key al-entity-key">entity (type colour)</span> · top: reference, bottom:
      hypothesis
    </p>
  );
}
