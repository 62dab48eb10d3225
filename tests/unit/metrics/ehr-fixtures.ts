/** Shared fixtures of the entity-scoring tests: the spec's worked cases and a brand alias index. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildAliasIndex } from '../../../native/metrics/ehr/aliases.js';
import type { AliasEntry, AliasIndex } from '../../../native/metrics/ehr/aliases.js';
import type { EntityToken } from '../../../native/metrics/ehr/value-spans.js';

const dir = fileURLToPath(new URL('../../fixtures/metrics/', import.meta.url));

export interface EhrCase {
  id: string;
  lang: string;
  text: string;
  entity_tokens: EntityToken[];
  hypothesis: string;
  expected: string;
  why: string;
}

export function loadEhrCases(): EhrCase[] {
  return readFileSync(`${dir}ehr-cases.jsonl`, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as EhrCase);
}

let index: AliasIndex | undefined;

/** The paper scorer's brand aliases (see the fixtures' README). */
export function testAliases(): AliasIndex {
  index ??= buildAliasIndex({
    brands: (
      JSON.parse(readFileSync(`${dir}brand-aliases.json`, 'utf8')) as { brands: AliasEntry[] }
    ).brands,
  });
  return index;
}
