/** Comparing an output tensor with the stats `golden.json` holds (computed in PyTorch by the recipe). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';

export interface GoldenStats {
  dims: number[];
  sum: number;
  mean: number;
  absMax: number;
  first: number[];
  last: number[];
}

export interface GoldenCase {
  feeds: Record<string, unknown>;
  output: GoldenStats;
}

export interface Golden {
  tolerance: { abs: number };
  cases: GoldenCase[];
  framesPerId?: number;
  hop?: number;
}

export function readGolden(dir: string): Golden {
  return JSON.parse(readFileSync(join(dir, 'golden.json'), 'utf8')) as Golden;
}

export function expectGolden(data: Float32Array, dims: number[], want: GoldenStats, tol: number): void {
  expect(dims).toEqual(want.dims);
  let sum = 0;
  let absMax = 0;
  for (const v of data) {
    sum += v;
    absMax = Math.max(absMax, Math.abs(v));
  }
  const n = data.length;
  // The sum accumulates n rounding errors of float32 outputs: scale its tolerance.
  expect(Math.abs(sum - want.sum)).toBeLessThanOrEqual(tol * Math.max(1, Math.sqrt(n)));
  expect(Math.abs(sum / n - want.mean)).toBeLessThanOrEqual(tol);
  expect(Math.abs(absMax - want.absMax)).toBeLessThanOrEqual(tol);
  want.first.forEach((v, i) => expect(Math.abs(data[i] - v)).toBeLessThanOrEqual(tol));
  want.last.forEach((v, i) =>
    expect(Math.abs(data[n - want.last.length + i] - v)).toBeLessThanOrEqual(tol),
  );
}
