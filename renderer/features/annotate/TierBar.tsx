import { useState } from 'react';
import type { AnnotationTier } from '../../../native/contract/annotations.js';

export interface TierBarProps {
  tiers: readonly AnnotationTier[];
  activeId: number | null;
  onSelect: (id: number) => void;
  onCreate: (name: string, vocabulary: string[] | null) => void;
}

/** The recording's tiers as tabs, and a form for a user-defined one with an optional vocabulary. */
export function TierBar({ tiers, activeId, onSelect, onCreate }: TierBarProps) {
  const [adding, setAdding] = useState(false);
  const [name, setName] = useState('');
  const [vocab, setVocab] = useState('');

  const submit = () => {
    const n = name.trim();
    if (!n) return;
    const words = vocab
      .split(',')
      .map((v) => v.trim())
      .filter(Boolean);
    onCreate(n, words.length ? words : null);
    setAdding(false);
    setName('');
    setVocab('');
  };

  return (
    <div className="tier-bar">
      <div role="tablist" aria-label="Tiers" className="tier-tabs">
        {tiers.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            aria-selected={t.id === activeId}
            className="tier-tab"
            onClick={() => onSelect(t.id)}
            title={t.vocabulary ? `Vocabulary: ${t.vocabulary.join(', ')}` : t.kind}
          >
            {t.name}
            {t.kind === 'user' && <span className="muted small"> · user</span>}
          </button>
        ))}
      </div>
      {adding ? (
        <form
          className="tier-form"
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <input
            type="text"
            value={name}
            onChange={(e) => setName(e.target.value)}
            placeholder="tier name"
            aria-label="New tier name"
            autoFocus
          />
          <input
            type="text"
            value={vocab}
            onChange={(e) => setVocab(e.target.value)}
            placeholder="vocabulary (optional, comma-separated)"
            aria-label="New tier vocabulary"
          />
          <button type="submit" className="btn btn-small btn-primary">
            Add
          </button>
          <button
            type="button"
            className="btn btn-small btn-quiet"
            onClick={() => setAdding(false)}
          >
            Cancel
          </button>
        </form>
      ) : (
        <button type="button" className="btn btn-small btn-quiet" onClick={() => setAdding(true)}>
          + Tier
        </button>
      )}
    </div>
  );
}
