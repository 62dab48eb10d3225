/**
 * The data tables of the paper's scorer (praxelhq/stt-flywheel,
 * `paper/stt_flywheel/eval_ehr.py`, MIT), shipped in
 * `assets/compat/praxel-2026.json` in their scan order: order decides hits
 * (first spelled-digit word found, first multiplier found), so every table
 * stays a list, never a map that could reorder.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { assetsDir } from '../text/assets.js';

const TablesFile = z.object({
  format: z.literal('charkha-compat-tables/1'),
  mode: z.literal('praxel-2026'),
  source: z.object({ repository: z.string(), path: z.string(), licence: z.string() }).loose(),
  spelled_digits: z.array(z.object({ lang: z.string(), words: z.array(z.string()).length(10) })),
  multipliers: z.array(z.object({ word: z.string(), value: z.number() })),
  brand_aliases: z.array(z.object({ alias: z.string(), canonical: z.string() })),
  script_ranges: z.array(
    z.object({ lang: z.string(), ranges: z.array(z.tuple([z.number(), z.number()])) }),
  ),
});

export interface PraxelTables {
  /** Languages in the scorer's dict order, each with its ten digit words (index = value). */
  spelledDigits: { lang: string; words: string[] }[];
  multipliers: { word: string; value: number }[];
  /** Alias → canonical, in the scorer's dict order (a Map keeps insertion order). */
  brandAliases: Map<string, string>;
  scriptRanges: Map<string, [number, number][]>;
}

let cached: PraxelTables | undefined;

export function parsePraxelTables(json: unknown): PraxelTables {
  const t = TablesFile.parse(json);
  const brandAliases = new Map<string, string>();
  // Python dict semantics: a repeated key keeps its first position, last value.
  for (const { alias, canonical } of t.brand_aliases) brandAliases.set(alias, canonical);
  return {
    spelledDigits: t.spelled_digits,
    multipliers: t.multipliers,
    brandAliases,
    scriptRanges: new Map(t.script_ranges.map((r) => [r.lang, r.ranges])),
  };
}

/** The shipped tables, read once from `assets/compat/praxel-2026.json`. */
export function praxelTables(): PraxelTables {
  if (!cached) {
    const path = join(assetsDir(), 'compat', 'praxel-2026.json');
    cached = parsePraxelTables(JSON.parse(readFileSync(path, 'utf8')) as unknown);
  }
  return cached;
}
