/**
 * Precision and recall of the entity tagger against the hand tags of
 * assets/tags/edsa-sample-{hi,te,ta}.jsonl, per language and type group;
 * writes bench/results/tagger.json and exits 1 below a floor
 * (native/entities/tagger-eval.ts). The rows' text is read from the shared
 * corpus, which this repository does not copy.
 *
 * Run: npx tsx scripts/check-tagger.ts [--data ../shared/corpora/stt-flywheel]
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { recordBench } from '../bench/record.js';
import { edsaSample } from '../native/entities/tag-sample.js';
import { tagText } from '../native/entities/tagger.js';
import {
  compareRow,
  FLOORS,
  precisionRecall,
  type GoldSpan,
  type PrCounts,
} from '../native/entities/tagger-eval.js';

const root = join(import.meta.dirname, '..');
const argData = process.argv.indexOf('--data');
const data =
  argData > 0 ? process.argv[argData + 1] : join(root, '..', 'shared', 'corpora', 'stt-flywheel');
if (!existsSync(join(data, 'text'))) {
  console.error(`check-tagger: ${join(data, 'text')} not found; give --data <stt-flywheel folder>`);
  process.exit(1);
}

const results: Record<
  string,
  Record<string, PrCounts & { precision: number; recall: number }>
> = {};
const failures: string[] = [];
for (const lang of ['hi', 'te', 'ta']) {
  const tagFile = join(root, 'assets', 'tags', `edsa-sample-${lang}.jsonl`);
  if (!existsSync(tagFile)) {
    console.error(`check-tagger: ${tagFile} is missing`);
    process.exit(1);
  }
  const gold = new Map<string, GoldSpan[]>();
  for (const line of readFileSync(tagFile, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    const r = JSON.parse(line) as { id: string; spans: GoldSpan[] };
    gold.set(r.id, r.spans);
  }
  const rows = edsaSample(data, lang);
  const acc: Record<string, PrCounts> = {};
  let missing = 0;
  for (const row of rows) {
    const g = gold.get(row.id);
    if (!g) {
      missing++;
      continue;
    }
    compareRow(g, tagText(row.text, lang), acc);
  }
  if (missing > 0) failures.push(`${lang}: ${missing} sampled rows have no hand tags`);
  results[lang] = {};
  for (const [group, c] of Object.entries(acc)) {
    const pr = precisionRecall(c);
    results[lang][group] = { ...c, ...pr };
    const floor = FLOORS[group];
    const mark =
      floor && c.gold > 0 && (pr.precision < floor.precision || pr.recall < floor.recall)
        ? '  BELOW FLOOR'
        : '';
    if (mark)
      failures.push(`${lang} ${group}: P ${pr.precision.toFixed(3)} R ${pr.recall.toFixed(3)}`);
    console.log(
      `${lang} ${group.padEnd(9)} P ${pr.precision.toFixed(3)} (${c.predictedMatched}/${c.predicted})  R ${pr.recall.toFixed(3)} (${c.goldMatched}/${c.gold})${mark}`,
    );
  }
}
recordBench('tagger', { floors: FLOORS, byLanguage: results, failures });
if (failures.length > 0) {
  console.error(`check-tagger: ${failures.length} below floor:\n  ${failures.join('\n  ')}`);
  process.exitCode = 1;
}
