/**
 * The round-trip filter: a training clip is kept when the filter model
 * recovered every one of its entities (Charkha EHR outcome `hit`) and its
 * CER is at most the threshold. Every rejection carries its reason, so a
 * person can listen and overrule it.
 */

export interface ClipOutcome {
  type: string;
  surface: string;
  outcome: 'hit' | 'partial' | 'wrong_script' | 'miss';
}

export interface FilterRule {
  cerMax: number;
  requireEntityHit: boolean;
}

export interface FilterDecision {
  decision: 'kept' | 'rejected';
  reason: string | null;
}

export function decideClip(
  clip: { cer: number | null; outcomes: readonly ClipOutcome[] },
  rule: FilterRule,
): FilterDecision {
  const reasons: string[] = [];
  if (rule.requireEntityHit) {
    for (const o of clip.outcomes) {
      if (o.outcome !== 'hit') reasons.push(`${o.type} "${o.surface}" ${o.outcome}`);
    }
  }
  if (clip.cer === null) reasons.push('no CER (empty reference)');
  else if (clip.cer > rule.cerMax) reasons.push(`CER ${clip.cer.toFixed(3)} > ${rule.cerMax}`);
  return reasons.length === 0
    ? { decision: 'kept', reason: null }
    : { decision: 'rejected', reason: reasons.join('; ') };
}
