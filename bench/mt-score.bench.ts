/**
 * MT metrics benchmark: corpus BLEU and chrF++ over synthetic Hindi sentence
 * pairs (~14 words with digits, amounts and punctuation), Charkha's
 * sacrebleu-exact implementation against a bare reference loop in the same
 * run. The bare loops count the same n-grams with none of sacrebleu's
 * semantics (space-split words, no 13a tokenisation, no Python whitespace,
 * no per-reference bookkeeping) and give the floor; the gate is on the
 * ratio: each metric within 3× of its bare loop. The scores must agree
 * where the semantics coincide (BLEU on pre-tokenised ASCII-space text,
 * chrF++ character orders), which the bench checks before timing.
 * `mtScore` end to end (entity survival and bootstrap intervals included)
 * is reported beside them.
 *
 * Run: npx tsx bench/mt-score.bench.ts [--n 10000]
 */
import { loadavg } from 'node:os';
import { mulberry32 } from '../native/metrics/bootstrap.js';
import type { RefRow } from '../native/metrics/files.js';
import { Bleu } from '../native/metrics/mt/bleu.js';
import { chrfPlusPlus } from '../native/metrics/mt/chrf.js';
import { sumStats } from '../native/metrics/mt/ngrams.js';
import { mtScore } from '../native/metrics/mt/report.js';
import { recordBench } from './record.js';

const argN = process.argv.indexOf('--n');
const N = argN > 0 ? Number(process.argv[argN + 1]) : 10_000;
const E2E_N = Math.min(N, 2000);
const rng = mulberry32(11);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)];

const CONS = Array.from('कखगघचजटडतदनपबमयरलवशसह');
const SIGNS = ['', 'ा', 'ि', 'ी', 'ु', 'ू', 'े', 'ै', 'ो', 'ं'];
const word = (): string => {
  let w = '';
  for (let i = 0, k = 2 + Math.floor(rng() * 3); i < k; i++) w += pick(CONS) + pick(SIGNS);
  return w;
};
const VOCAB = Array.from({ length: 4000 }, word);
const digits = (k: number): string => {
  let s = '';
  while (s.length < k) s += String(Math.floor(rng() * 10));
  return s;
};

function sentence(): string[] {
  const w: string[] = [];
  for (let k = 0; k < 12; k++) w.push(pick(VOCAB));
  w.splice(3, 0, `₹${digits(2)},${digits(3)}`);
  w.splice(8, 0, digits(6));
  w.push('।');
  return w;
}

function perturb(words: string[]): string[] {
  const out: string[] = [];
  for (const w of words) {
    const r = rng();
    if (r < 0.08) out.push(pick(VOCAB));
    else if (r < 0.12) continue;
    else out.push(w);
    if (rng() < 0.04) out.push(pick(VOCAB));
  }
  return out;
}

const refWords = Array.from({ length: N }, sentence);
const hypWords = refWords.map(perturb);
const refs = refWords.map((w) => w.join(' '));
const hyps = hypWords.map((w) => w.join(' '));

function counts(items: readonly string[], n: number): Map<string, number> {
  const m = new Map<string, number>();
  for (let i = 0; i + n <= items.length; i++) {
    const k = items.slice(i, i + n).join(' ');
    m.set(k, (m.get(k) ?? 0) + 1);
  }
  return m;
}
function matches(h: Map<string, number>, r: Map<string, number>): number {
  let m = 0;
  for (const [k, v] of h) m += Math.min(v, r.get(k) ?? 0);
  return m;
}

// The floor: BLEU statistics over space-split words, one reference.
function bareBleu(): number {
  const c = [0, 0, 0, 0];
  const t = [0, 0, 0, 0];
  let hl = 0;
  let rl = 0;
  for (let i = 0; i < N; i++) {
    const h = hyps[i].split(' ');
    const r = refs[i].split(' ');
    hl += h.length;
    rl += r.length;
    for (let n = 1; n <= 4; n++) {
      const hc = counts(h, n);
      c[n - 1] += matches(hc, counts(r, n));
      t[n - 1] += Math.max(0, h.length - n + 1);
    }
  }
  let logs = 0;
  for (let n = 0; n < 4; n++) logs += Math.log((100 * c[n]) / t[n]);
  return (hl < rl ? Math.exp(1 - rl / hl) : 1) * Math.exp(logs / 4);
}

// The floor: chrF++ statistics over UTF-16 slices (the synthetic text is
// all in the BMP) and a space split.
function charCounts(s: string, n: number): Map<string, number> {
  const m = new Map<string, number>();
  for (let k = 0; k + n <= s.length; k++) {
    const g = s.slice(k, k + n);
    m.set(g, (m.get(g) ?? 0) + 1);
  }
  return m;
}
function bareChrf(): number {
  const stats = new Array<number>(24).fill(0);
  for (let i = 0; i < N; i++) {
    const hc = hyps[i].replaceAll(' ', '');
    const rc = refs[i].replaceAll(' ', '');
    for (let n = 1; n <= 6; n++) {
      stats[3 * (n - 1)] += Math.max(0, hc.length - n + 1);
      stats[3 * (n - 1) + 1] += Math.max(0, rc.length - n + 1);
      stats[3 * (n - 1) + 2] += matches(charCounts(hc, n), charCounts(rc, n));
    }
    const hw = hyps[i].split(' ');
    const rw = refs[i].split(' ');
    for (let n = 1; n <= 2; n++) {
      stats[18 + 3 * (n - 1)] += Math.max(0, hw.length - n + 1);
      stats[18 + 3 * (n - 1) + 1] += Math.max(0, rw.length - n + 1);
      stats[18 + 3 * (n - 1) + 2] += matches(counts(hw, n), counts(rw, n));
    }
  }
  let p = 0;
  let r = 0;
  for (let o = 0; o < 8; o++) {
    p += stats[3 * o + 2] / stats[3 * o];
    r += stats[3 * o + 2] / stats[3 * o + 1];
  }
  p /= 8;
  r /= 8;
  return (100 * 5 * p * r) / (4 * p + r);
}

const bleu = new Bleu();
const chrf = chrfPlusPlus();
const oursBleu = (): number => bleu.scoreFromStats(sumStats(bleu.corpusStats(hyps, [refs]))).score;
const oursChrf = (): number => chrf.corpusScore(hyps, [refs]).score;

function time(f: () => number): [number, number] {
  const t0 = process.hrtime.bigint();
  const v = f();
  return [v, Number(process.hrtime.bigint() - t0) / 1e6];
}

// Agreement first: on this text 13a changes nothing (₹12,345 keeps its
// comma, । stays) and no word has edge punctuation, so both must agree.
const [b0] = time(oursBleu);
const [bb0] = time(bareBleu);
const [c0] = time(oursChrf);
const [cb0] = time(bareChrf);
if (Math.abs(b0 - bb0) > 1e-9) throw new Error(`BLEU differs from the bare loop: ${b0} vs ${bb0}`);
if (Math.abs(c0 - cb0) > 1e-9)
  throw new Error(`chrF++ differs from the bare loop: ${c0} vs ${cb0}`);

// Interleaved rounds, best of each, so that load changes hit both sides.
let [bleuMs, bareBleuMs, chrfMs, bareChrfMs] = [Infinity, Infinity, Infinity, Infinity];
for (let round = 0; round < 5; round++) {
  bleuMs = Math.min(bleuMs, time(oursBleu)[1]);
  bareBleuMs = Math.min(bareBleuMs, time(bareBleu)[1]);
  chrfMs = Math.min(chrfMs, time(oursChrf)[1]);
  bareChrfMs = Math.min(bareChrfMs, time(bareChrf)[1]);
}

const rows: RefRow[] = refs.slice(0, E2E_N).map((text, i) => {
  const pin = refWords[i][8];
  const start = Array.from(text.slice(0, text.indexOf(pin))).length;
  return {
    id: `s${i}`,
    lang: 'hi',
    text,
    entityTokens: [{ surface: pin, start, end: start + pin.length, type: 'pincode' }],
    line: i + 1,
    file: 'bench',
    raw: {},
  };
});
const [, e2eMs] = time(() => {
  const r = mtScore({
    refPaths: ['bench'],
    hypPath: 'bench',
    segments: rows.map((ref, i) => ({ id: ref.id, ref, refs: [ref.text], hyp: hyps[i] })),
  });
  return r.bleu.score;
});

const GATE = 3;
const results = {
  sentences: N,
  bleu: { score: b0, ms: bleuMs, sentencesPerSecond: Math.round((N / bleuMs) * 1000) },
  bareBleu: { ms: bareBleuMs, sentencesPerSecond: Math.round((N / bareBleuMs) * 1000) },
  chrfPlusPlus: { score: c0, ms: chrfMs, sentencesPerSecond: Math.round((N / chrfMs) * 1000) },
  bareChrfPlusPlus: { ms: bareChrfMs, sentencesPerSecond: Math.round((N / bareChrfMs) * 1000) },
  ratioBleu: bleuMs / bareBleuMs,
  ratioChrf: chrfMs / bareChrfMs,
  gate: `each ratio ≤ ${GATE}`,
  loadAverageAtEnd: loadavg().map((x) => Math.round(x * 10) / 10),
  mtScoreEndToEnd: {
    sentences: E2E_N,
    ms: e2eMs,
    note: 'BLEU, chrF++, entity survival (most of the time: the EHR readings of each translation), sentence scores and 3 × 1000 bootstrap resamples',
  },
};
const met = results.ratioBleu <= GATE && results.ratioChrf <= GATE;
recordBench('mt-score', { ...results, gateMet: met });
process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
if (!met) process.exit(1);
