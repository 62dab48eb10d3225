import { hash32 } from './generate-rng.js';
import type { Split } from './generate-types.js';

/**
 * Train/test partition without leakage: a deterministic hash decides, once
 * and for every corpus, which templates and which canonical values belong
 * to the test split. A train row never uses a test template or value, so a
 * model trained on train rows has never heard a test sentence shape or
 * entity value, whatever seed generated either.
 */

/** One bucket in five is held out. */
const TEST_BUCKETS = 5;

export function templateSplit(templateId: string): Split {
  return hash32(`template:${templateId}`) % TEST_BUCKETS === 0 ? 'test' : 'train';
}

export function valueSplit(value: string): Split {
  return hash32(`value:${value}`) % TEST_BUCKETS === 0 ? 'test' : 'train';
}

/** Row `index`'s split when a corpus holds both (every k-th row is a test row). */
export function rowSplit(index: number, testShare: number): Split {
  return Math.floor((index + 1) * testShare) > Math.floor(index * testShare) ? 'test' : 'train';
}
