/**
 * Re-targeting between rounds: the next round's class mix leans toward the
 * entity types the model recognised worst.
 *
 * The rule, per language:
 *  1. weakness of entity type t: w(t) = 1 − EHR(t) on the round's test split
 *     (unfiltered); a type with no scored entity gets the mean weakness of
 *     the scored ones (0.5 when none was scored);
 *  2. weakness of class c: the mean of w over the entities its rows carried
 *     in the round (a class that carried none gets the mean over classes);
 *  3. weight(c) = FLOOR + weakness(c), so no class ever drops out;
 *  4. rows per class: the language's count shared in proportion to the
 *     weights, rounded by largest remainder (ties: the earlier class).
 */

export const MIX_FLOOR = 0.1;

export function nextClassMix(
  classes: readonly string[],
  /** Entities of each type that each class's rows carried in the round. */
  typesByClass: Readonly<Record<string, Readonly<Record<string, number>>>>,
  /** EHR per entity type; null or absent: not scored. */
  ehrByType: Readonly<Record<string, number | null>>,
  count: number,
): Record<string, number> {
  const scored = Object.values(ehrByType).filter((v): v is number => v !== null);
  const meanWeak = scored.length ? scored.reduce((s, e) => s + (1 - e), 0) / scored.length : 0.5;
  const weakOf = (t: string): number => {
    const e = ehrByType[t];
    return e === null || e === undefined ? meanWeak : 1 - e;
  };
  const classWeak = new Map<string, number>();
  for (const c of classes) {
    const types = typesByClass[c] ?? {};
    let n = 0;
    let sum = 0;
    for (const [t, k] of Object.entries(types)) {
      n += k;
      sum += k * weakOf(t);
    }
    if (n > 0) classWeak.set(c, sum / n);
  }
  const known = [...classWeak.values()];
  const meanClass = known.length ? known.reduce((s, x) => s + x, 0) / known.length : meanWeak;
  const weights = classes.map((c) => MIX_FLOOR + (classWeak.get(c) ?? meanClass));
  return apportion(classes, weights, count);
}

/** Largest-remainder apportionment of `count` by `weights`; ties go to the earlier key. */
export function apportion(
  keys: readonly string[],
  weights: readonly number[],
  count: number,
): Record<string, number> {
  const total = weights.reduce((s, w) => s + w, 0);
  const exact = weights.map((w) => (total > 0 ? (count * w) / total : count / keys.length));
  const out = exact.map(Math.floor);
  let left = count - out.reduce((s, x) => s + x, 0);
  const order = exact
    .map((x, i) => ({ i, r: x - Math.floor(x) }))
    .sort((a, b) => b.r - a.r || a.i - b.i);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) out[order[k].i]++;
  return Object.fromEntries(keys.map((c, i) => [c, out[i]]));
}
