/**
 * Cross-check of Charkha's BLEU and chrF++ against sacrebleu itself on
 * sentence pairs from the shared EDSA corpus, perturbed the way translations
 * go wrong (dropped, swapped and replaced words, digits in another script,
 * punctuation moved, odd whitespace).
 *
 *   npx tsx scripts/check-mt-score.ts [--data DIR] [--n 600]
 *
 * Needs a Python with sacrebleu 2.x: $SACREBLEU_PYTHON (default
 * /tmp/sbvenv/bin/python). Debian ships no sacrebleu package; a virtual
 * environment made with `/usr/bin/python3 -m venv --system-site-packages
 * /tmp/sbvenv && /tmp/sbvenv/bin/pip install --no-index --find-links <wheels>
 * sacrebleu` from local wheels serves. Writes
 * bench/results/mt-score-sacrebleu.json; exits 1 when any figure differs by
 * more than 1e-9.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus, hostname } from 'node:os';
import { join } from 'node:path';
import { mulberry32 } from '../native/metrics/bootstrap.js';
import { Bleu } from '../native/metrics/mt/bleu.js';
import { chrfPlusPlus } from '../native/metrics/mt/chrf.js';
import { sumStats } from '../native/metrics/mt/ngrams.js';
import { sharedDataDir } from './shared-data.js';

const argv = process.argv.slice(2);
const nArg = argv.indexOf('--n');
const N = nArg >= 0 ? Number(argv[nArg + 1]) : 600;
const python = process.env.SACREBLEU_PYTHON ?? '/tmp/sbvenv/bin/python';
const textDir = join(sharedDataDir(argv), 'text');

const sentences: string[] = [];
for (const f of readdirSync(textDir)
  .filter((x) => x.endsWith('.jsonl'))
  .sort()) {
  for (const line of readFileSync(join(textDir, f), 'utf8').split('\n')) {
    if (line.trim()) sentences.push((JSON.parse(line) as { text: string }).text);
  }
}

const rng = mulberry32(20261126);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)];
const NATIVE_ZERO = [0x966, 0xc66, 0xbe6, 0x9e6];
const ODD_SPACE = ['\t', '  ', '\u0085', '\u00a0', '\u2009', '\u001f'];
const PUNCT = ['.', ',', '!', '?', '(', ')', '"', "'", '-', '।', ':', '&amp;', '&quot;'];

function perturb(s: string): string {
  let words = s.split(' ');
  const edits = 1 + Math.floor(rng() * 4);
  for (let e = 0; e < edits; e++) {
    const k = Math.floor(rng() * words.length);
    switch (Math.floor(rng() * 8)) {
      case 0:
        if (words.length > 1) words.splice(k, 1);
        break;
      case 1:
        if (k + 1 < words.length) [words[k], words[k + 1]] = [words[k + 1], words[k]];
        break;
      case 2:
        words[k] = pick(pick(sentences).split(' '));
        break;
      case 3: {
        const zero = pick(NATIVE_ZERO);
        words[k] = words[k].replace(/[0-9]/g, (d) => String.fromCodePoint(zero + Number(d)));
        break;
      }
      case 4:
        words[k] = rng() < 0.5 ? pick(PUNCT) + words[k] : words[k] + pick(PUNCT);
        break;
      case 5:
        words[k] = words[k].replace(/(\d)(\d)/, '$1,$2').replace(/(\d)$/, '$1.5');
        break;
      case 6:
        words = words.join(pick(ODD_SPACE)).split(' ');
        break;
      default:
        words.splice(k, 0, rng() < 0.3 ? '\u{1F600}' : pick(words));
    }
  }
  return words.join(' ') + (rng() < 0.2 ? ' \n' : '');
}

const refs: string[] = [];
const hyps: string[] = [];
const refs2: string[] = [];
for (let i = 0; i < N; i++) {
  const ref = pick(sentences);
  refs.push(ref);
  hyps.push(rng() < 0.1 ? ref : perturb(ref));
  refs2.push(perturb(ref));
}

const PY = `
import json, sys
from sacrebleu.metrics import BLEU, CHRF
d = json.load(open(sys.argv[1], encoding='utf-8'))
h, r, r2 = d['hyps'], d['refs'], d['refs2']
bleu, sbleu, chrf = BLEU(), BLEU(effective_order=True), CHRF(word_order=2)
out = {
  'sentence_bleu': [sbleu.sentence_score(x, [y]).score for x, y in zip(h, r)],
  'sentence_chrf': [chrf.sentence_score(x, [y]).score for x, y in zip(h, r)],
  'tokens_13a': [bleu._preprocess_segment(x) for x in h],
  'corpus_bleu': bleu.corpus_score(h, [r]).score,
  'corpus_chrf': chrf.corpus_score(h, [r]).score,
  'corpus_bleu_2refs': bleu.corpus_score(h, [r, r2]).score,
  'corpus_chrf_2refs': chrf.corpus_score(h, [r, r2]).score,
  'version': __import__('sacrebleu').__version__,
}
json.dump(out, sys.stdout)
`;
const tmp = join(process.env.TMPDIR ?? '/tmp', `check-mt-score-${process.pid}.json`);
writeFileSync(tmp, JSON.stringify({ hyps, refs, refs2 }));
const py = JSON.parse(
  execFileSync(python, ['-c', PY, tmp], { encoding: 'utf8', maxBuffer: 1 << 28 }),
) as {
  sentence_bleu: number[];
  sentence_chrf: number[];
  tokens_13a: string[];
  corpus_bleu: number;
  corpus_chrf: number;
  corpus_bleu_2refs: number;
  corpus_chrf_2refs: number;
  version: string;
};

const bleu = new Bleu();
const sbleu = new Bleu({ effectiveOrder: true });
const chrf = chrfPlusPlus();
const ours = {
  sentence_bleu: hyps.map((h, i) => sbleu.sentenceScore(h, [refs[i]]).score),
  sentence_chrf: hyps.map((h, i) => chrf.sentenceScore(h, [refs[i]]).score),
  tokens_13a: hyps.map((h) => bleu.preprocess(h).join(' ')),
  corpus_bleu: bleu.scoreFromStats(sumStats(bleu.corpusStats(hyps, [refs]))).score,
  corpus_chrf: chrf.corpusScore(hyps, [refs]).score,
  corpus_bleu_2refs: bleu.corpusScore(hyps, [refs, refs2]).score,
  corpus_chrf_2refs: chrf.corpusScore(hyps, [refs, refs2]).score,
};

function compare(a: number[], b: number[]): { n: number; identical: number; maxAbsDiff: number } {
  let identical = 0;
  let maxAbsDiff = 0;
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) identical++;
    maxAbsDiff = Math.max(maxAbsDiff, Math.abs(a[i] - b[i]));
  }
  return { n: a.length, identical, maxAbsDiff };
}
const tokenMismatches = hyps.filter((_, i) => ours.tokens_13a[i] !== py.tokens_13a[i]).length;
const corpus = (k: 'corpus_bleu' | 'corpus_chrf' | 'corpus_bleu_2refs' | 'corpus_chrf_2refs') => ({
  charkha: ours[k],
  sacrebleu: py[k],
  absDiff: Math.abs(ours[k] - py[k]),
});
const result = {
  check: 'mt-score vs sacrebleu',
  date: new Date().toISOString(),
  machine: { host: hostname(), cpus: cpus().length, node: process.version },
  sacrebleu: py.version,
  command: `npx tsx scripts/check-mt-score.ts --n ${N}`,
  pairs: N,
  tokens13aMismatches: tokenMismatches,
  sentenceBleu: compare(ours.sentence_bleu, py.sentence_bleu),
  sentenceChrfPlusPlus: compare(ours.sentence_chrf, py.sentence_chrf),
  corpusBleu: corpus('corpus_bleu'),
  corpusChrfPlusPlus: corpus('corpus_chrf'),
  corpusBleuTwoRefs: corpus('corpus_bleu_2refs'),
  corpusChrfPlusPlusTwoRefs: corpus('corpus_chrf_2refs'),
};
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/mt-score-sacrebleu.json', `${JSON.stringify(result, null, 2)}\n`);
process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
const worst = Math.max(
  result.sentenceBleu.maxAbsDiff,
  result.sentenceChrfPlusPlus.maxAbsDiff,
  result.corpusBleu.absDiff,
  result.corpusChrfPlusPlus.absDiff,
  result.corpusBleuTwoRefs.absDiff,
  result.corpusChrfPlusPlusTwoRefs.absDiff,
);
if (tokenMismatches > 0 || !(worst <= 1e-9)) process.exit(1);
