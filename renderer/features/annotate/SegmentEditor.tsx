import { useState, type KeyboardEvent, type Ref } from 'react';
import type {
  AnnotationSegment,
  AnnotationTier,
  Lang,
  SegmentEntity,
  SegmentState,
} from '../../../native/contract/index.js';
import { formatTime } from '../player/peaks.js';
import { EntityTagger } from './EntityTagger.js';
import { STATE_NAMES } from './SegmentList.js';
import { TranslitField } from './TranslitField.js';
import type { RomanScheme } from './translit-typing.js';

export interface SegmentEditorProps {
  seg: AnnotationSegment;
  n: number;
  tier: AnnotationTier;
  lang: Lang;
  scheme: RomanScheme | null;
  textRef: Ref<HTMLTextAreaElement>;
  onText: (text: string) => void;
  onNote: (note: string | null) => void;
  onState: (state: SegmentState) => void;
  onEntities: (entities: SegmentEntity[], label: string) => void;
  onNudge: (side: 'start' | 'end', delta: number) => void;
  onTextKeyDown: (e: KeyboardEvent<HTMLTextAreaElement>) => void;
}

/** Tiers whose text is the recording's language (and so carry entities). */
function isSpeechText(tier: AnnotationTier): boolean {
  return tier.kind === 'transcript' || tier.kind === 'normalised';
}

function Nudge({
  side,
  onNudge,
}: {
  side: 'start' | 'end';
  onNudge: SegmentEditorProps['onNudge'];
}) {
  const keys = side === 'start' ? ['[', ']'] : [';', "'"];
  return (
    <span className="nudge" role="group" aria-label={`Move the ${side}`}>
      {[-0.1, -0.01, 0.01, 0.1].map((d) => (
        <button
          key={d}
          type="button"
          className="btn btn-small btn-quiet"
          onClick={() => onNudge(side, d)}
          title={`${side} ${d > 0 ? '+' : '−'}${Math.abs(d * 1000)} ms (${Math.abs(d) > 0.05 ? 'Shift+' : ''}${d < 0 ? keys[0] : keys[1]})`}
        >
          {d > 0 ? '+' : '−'}
          {Math.abs(d * 1000)}
        </button>
      ))}
    </span>
  );
}

/** The selected segment: its text through transliteration, entities, review state and note. */
export function SegmentEditor(props: SegmentEditorProps) {
  const { seg, n, tier, lang, scheme } = props;
  const [selection, setSelection] = useState<[number, number]>([0, 0]);
  const speech = isSpeechText(tier);
  const fieldLang = tier.kind === 'translation' ? 'en' : lang;

  return (
    <section className="seg-editor card" aria-label={`Segment ${n}`} data-testid="segment-editor">
      <header className="seg-editor-head">
        <h2>
          Segment {n}{' '}
          <span className="mono muted small">
            {formatTime(seg.start)}–{formatTime(seg.end)} ({(seg.end - seg.start).toFixed(3)} s)
          </span>
        </h2>
        {seg.author && <span className="muted small">last edit: {seg.author}</span>}
      </header>
      <div className="nudges">
        <span className="field-label">Start</span>
        <Nudge side="start" onNudge={props.onNudge} />
        <span className="field-label">End</span>
        <Nudge side="end" onNudge={props.onNudge} />
      </div>

      <label className="field-label" htmlFor={`seg-text-${seg.id}`}>
        {tier.name}
        {seg.machine && <span className="machine-tag">machine output</span>}
      </label>
      {tier.vocabulary ? (
        <select
          id={`seg-text-${seg.id}`}
          value={seg.text}
          onChange={(e) => props.onText(e.target.value)}
          aria-label={`${tier.name} value`}
        >
          <option value="">—</option>
          {tier.vocabulary.map((v) => (
            <option key={v} value={v}>
              {v}
            </option>
          ))}
        </select>
      ) : (
        <TranslitField
          key={seg.id}
          ref={props.textRef}
          value={seg.text}
          onChange={props.onText}
          lang={fieldLang}
          scheme={tier.kind === 'translation' || tier.kind === 'speaker' ? null : scheme}
          label={`${tier.name} of segment ${n}`}
          rows={2}
          testId="segment-text"
          placeholder={scheme && speech ? 'Type in Latin: it becomes native script' : ''}
          onSelect={(s, e) => setSelection([s, e])}
          onKeyDown={props.onTextKeyDown}
        />
      )}

      {speech && (
        <EntityTagger seg={seg} lang={lang} selection={selection} onChange={props.onEntities} />
      )}

      <div className="review">
        <span className="field-label">State</span>
        <div className="state-buttons" role="radiogroup" aria-label="Review state">
          {(Object.keys(STATE_NAMES) as SegmentState[]).map((s) => (
            <button
              key={s}
              type="button"
              role="radio"
              aria-checked={seg.state === s}
              className={`btn btn-small state-btn state-${s}`}
              onClick={() => props.onState(s)}
            >
              {STATE_NAMES[s]}
            </button>
          ))}
        </div>
      </div>
      <label className="field note-field">
        <span className="field-label">Reviewer note</span>
        <textarea
          rows={2}
          value={seg.note ?? ''}
          onChange={(e) => props.onNote(e.target.value === '' ? null : e.target.value)}
          aria-label="Reviewer note"
        />
      </label>
    </section>
  );
}
