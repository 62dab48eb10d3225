/**
 * When an entity is spoken, from a run's aligned hypothesis words and their
 * times: the start of the first hypothesis word aligned to the entity's
 * reference words. For an entity the recogniser dropped, the start of the
 * next word it heard (or, at the end of the utterance, of the last one), so
 * that playing from there still lands where the entity fell.
 */
export interface TimedToken {
  hyp: string | null;
  spanIds: readonly number[];
  hypStart: number | null;
}

export function entityStartFromWords(tokens: readonly TimedToken[], spanId: number): number | null {
  const inSpan = tokens.flatMap((t, i) => (t.spanIds.includes(spanId) ? [i] : []));
  if (inSpan.length === 0) return null;
  const timed = (i: number) => tokens[i].hyp !== null && tokens[i].hypStart !== null;
  const aligned = inSpan.find(timed);
  if (aligned !== undefined) return tokens[aligned].hypStart;
  for (let i = inSpan[inSpan.length - 1] + 1; i < tokens.length; i++)
    if (timed(i)) return tokens[i].hypStart;
  for (let i = inSpan[0] - 1; i >= 0; i--) if (timed(i)) return tokens[i].hypStart;
  return null;
}
