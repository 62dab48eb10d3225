/**
 * Timing two ways of doing the same work in one run: reps alternate which
 * goes first, so warm caches and load drift favour neither side.
 */

export const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1];

export async function timeIt(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

export async function timeAlternating(
  reps: number,
  a: () => Promise<unknown>,
  b: () => Promise<unknown>,
): Promise<{ aMs: number[]; bMs: number[] }> {
  const aMs: number[] = [];
  const bMs: number[] = [];
  for (let r = 0; r < reps; r++) {
    if (r % 2 === 0) {
      aMs.push(await timeIt(a));
      bMs.push(await timeIt(b));
    } else {
      bMs.push(await timeIt(b));
      aMs.push(await timeIt(a));
    }
  }
  return { aMs, bMs };
}

/** A raw baseline only means something if it decodes exactly what the engine decoded. */
export function assertSameTokens(raw: number[][], engine: number[][]): void {
  if (raw.length !== engine.length || raw.some((t, i) => t.join(' ') !== engine[i].join(' '))) {
    throw new Error(
      `raw greedy ids differ from the engine's: ${JSON.stringify(raw)} vs ${JSON.stringify(engine)}`,
    );
  }
}
