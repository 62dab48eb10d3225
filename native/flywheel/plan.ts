/**
 * What a round makes, clip by clip: the generated row, its id, split, voice
 * and augmentation. Everything here is a pure function of the configuration
 * and the round's class mix, so a shard and a single process plan the same
 * clips with the same ids, and a resumed process re-plans what a killed one
 * had planned.
 */
import { UserError } from '../contract/errors.js';
import { generateCorpus } from '../entities/generate.js';
import type { GeneratedRow } from '../entities/generate-types.js';
import { templateClasses, type TemplateClass } from '../entities/lexicon-schema.js';
import type { AugmentChain } from '../tts/post/chain.js';
import { rowSeed } from '../tts/row-seed.js';
import { systemLabel, type FlywheelConfig, type FlywheelVoice } from './config.js';

/** Rows per class per language; null in round 1 (the generator's own even spread). */
export type ClassMix = Record<string, Partial<Record<TemplateClass, number>>> | null;

export interface Shard {
  index: number;
  count: number;
}

export interface PlannedClip {
  /** Position in the round's plan (all languages, in configuration order). */
  index: number;
  round: number;
  extId: string;
  lang: string;
  split: 'train' | 'test';
  row: GeneratedRow;
  voice: FlywheelVoice;
  system: string;
  chain: AugmentChain;
  /** Seed of the augmentation chain: from the job seed and the clip id, not its position. */
  augmentSeed: number;
}

export function classesOf(config: FlywheelConfig): readonly TemplateClass[] {
  return config.classes ?? templateClasses;
}

/** Seed of one (round, class) generation call in rounds after the first. */
function roundSeed(seed: number, round: number, classIndex: number): number {
  return seed * 1000 + round * 17 + classIndex;
}

function rowsOf(
  config: FlywheelConfig,
  lang: string,
  round: number,
  mix: ClassMix,
): GeneratedRow[] {
  const count = config.languages.find((l) => l.lang === lang)!.count;
  const base = { langs: [lang], testShare: config.test_share, split: 'both' as const };
  const perClass = mix?.[lang];
  if (!perClass) {
    return generateCorpus({ ...base, count, seed: config.seed, classes: classesOf(config) }).rows;
  }
  const rows: GeneratedRow[] = [];
  classesOf(config).forEach((cls, k) => {
    const n = perClass[cls] ?? 0;
    if (n > 0) {
      const seed = roundSeed(config.seed, round, k);
      rows.push(...generateCorpus({ ...base, count: n, seed, classes: [cls] }).rows);
    }
  });
  return rows;
}

/** The whole round, every shard's clips; `inShard` picks one shard's. */
export function planRound(config: FlywheelConfig, round: number, mix: ClassMix): PlannedClip[] {
  const clips: PlannedClip[] = [];
  for (const { lang } of config.languages) {
    const used = { train: 0, test: 0 };
    for (const row of rowsOf(config, lang, round, mix)) {
      const split = row.split;
      const voices = split === 'test' ? config.tts.test_voices : config.tts.train_voices;
      const voice = voices[used[split]++ % voices.length];
      const extId = `${config.name}-r${round}-${row.id}`;
      clips.push({
        index: clips.length,
        round,
        extId,
        lang,
        split,
        row,
        voice,
        system: systemLabel(voice, lang),
        chain: config.augment[split],
        augmentSeed: rowSeed(config.seed, extId),
      });
    }
  }
  return clips;
}

/** Shard i of n holds the clips whose plan index is i modulo n: disjoint, and together all of them. */
export function inShard(clip: { index: number }, shard: Shard | null): boolean {
  return shard === null || clip.index % shard.count === shard.index;
}

export function parseShard(spec: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(spec);
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || count < 1 || index >= count) {
    throw new UserError('bad_input', `--shard: expected i/n with 0 ≤ i < n, got "${spec}"`);
  }
  return { index, count };
}
