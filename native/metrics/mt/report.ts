/**
 * The MT score report: corpus BLEU and chrF++ with sacrebleu's default
 * settings, the entity survival rate, 95% bootstrap intervals for all three
 * (spec §3's resampling: the same seed, so every figure is drawn from the
 * same resamples of segments), and per-sentence figures.
 */
import { entitySurvival, rowEntities } from '../../mt/survival.js';
import {
  BOOTSTRAP_RESAMPLES,
  BOOTSTRAP_SEED,
  bootstrapRatio,
  bootstrapSamples,
  percentileInterval,
  type BootstrapOptions,
  type Interval,
} from '../bootstrap.js';
import { Bleu } from './bleu.js';
import { chrfPlusPlus } from './chrf.js';
import type { MtSegment } from './inputs.js';
import { sumStats } from './ngrams.js';
import { MT_METRIC_VERSION, type MtScoreReport } from './report-schema.js';

function corpusInterval(
  stats: readonly (readonly number[])[],
  score: (summed: number[]) => number,
  opts: BootstrapOptions,
): Interval | null {
  if (stats.length === 0) return null;
  return percentileInterval(
    bootstrapSamples(stats.length, (idx) => score(sumStats(stats, idx)), opts),
  );
}

export interface MtScoreInput {
  refPaths: readonly string[];
  hypPath: string;
  segments: readonly MtSegment[];
  bootstrap?: BootstrapOptions;
}

export function mtScore(input: MtScoreInput): MtScoreReport {
  const { segments } = input;
  const boot = input.bootstrap ?? {};
  const hyps = segments.map((s) => s.hyp);
  const nStreams = input.refPaths.length;
  const streams = Array.from({ length: nStreams }, (_, k) => segments.map((s) => s.refs[k]));

  const bleu = new Bleu();
  const bleuStats = bleu.corpusStats(hyps, streams);
  const b = bleu.scoreFromStats(sumStats(bleuStats));
  const sentBleu = new Bleu({ effectiveOrder: true });

  const chrf = chrfPlusPlus();
  const chrfStats = chrf.corpusStats(hyps, streams);

  const survivedPer: number[] = [];
  const entitiesPer: number[] = [];
  const byType: Record<string, { survived: number; entities: number; rate: number | null }> = {};
  const sentences = segments.map((s, i) => {
    const entities = rowEntities({
      text: s.ref.text,
      lang: s.ref.lang,
      entity_tokens: s.ref.entityTokens,
    });
    const results = entitySurvival(entities, s.hyp, s.ref.lang);
    let survived = 0;
    for (const r of results) {
      const t = (byType[r.type] ??= { survived: 0, entities: 0, rate: null });
      t.entities++;
      if (r.survived) {
        t.survived++;
        survived++;
      }
    }
    survivedPer.push(survived);
    entitiesPer.push(results.length);
    return {
      id: s.id,
      bleu: sentBleu.scoreFromStats(bleuStats[i]).score,
      chrf: chrf.scoreFromStats(chrfStats[i]).score,
      entities: results.length,
      survived,
      lost: results.filter((r) => !r.survived).map((r) => ({ type: r.type, value: r.value })),
    };
  });
  for (const t of Object.values(byType)) t.rate = t.entities > 0 ? t.survived / t.entities : null;
  const totalSurvived = survivedPer.reduce((a, x) => a + x, 0);
  const totalEntities = entitiesPer.reduce((a, x) => a + x, 0);

  const refsSig = nStreams === 1 ? '1' : String(nStreams);
  return {
    metric_version: MT_METRIC_VERSION,
    ref: [...input.refPaths],
    hyp: input.hypPath,
    segments: segments.length,
    bleu: {
      score: b.score,
      ci95: corpusInterval(bleuStats, (st) => bleu.scoreFromStats(st).score, boot),
      counts: b.counts,
      totals: b.totals,
      precisions: b.precisions,
      bp: b.bp,
      sys_len: b.sysLen,
      ref_len: b.refLen,
      signature: `nrefs:${refsSig}|case:mixed|eff:no|tok:13a|smooth:exp`,
    },
    chrf: {
      score: chrf.scoreFromStats(sumStats(chrfStats)).score,
      ci95: corpusInterval(chrfStats, (st) => chrf.scoreFromStats(st).score, boot),
      signature: `nrefs:${refsSig}|case:mixed|eff:yes|nc:6|nw:2|space:no`,
    },
    survival: {
      survived: totalSurvived,
      entities: totalEntities,
      rate: totalEntities > 0 ? totalSurvived / totalEntities : null,
      ci95: bootstrapRatio(survivedPer, entitiesPer, boot),
      by_type: byType,
    },
    bootstrap: {
      resamples: boot.resamples ?? BOOTSTRAP_RESAMPLES,
      seed: boot.seed ?? BOOTSTRAP_SEED,
    },
    sentences,
  };
}
