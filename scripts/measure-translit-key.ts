/**
 * Measures the transliteration key (native/text/translit-key.ts) on real
 * data from the shared stt-flywheel corpus and writes
 * bench/results/translit-key.json.
 *
 *   npx tsx scripts/measure-translit-key.ts [--data ../shared/corpora/stt-flywheel] [--show]
 *
 * The EDSA code-mix rows (`text/<lang>_codemix.jsonl`) list their English
 * words as `english_loan` tokens, always in Latin script; the same rows, as
 * transcribed by the published systems (`predictions/`), often come back with
 * those words in native script. Pairs are labelled without the key:
 *
 * - positive: a Latin `english_loan` token of a code-mix row and the
 *   native-script word at the same position of a system's transcript, in rows
 *   whose transcript has as many words as the reference (labels are as good
 *   as the ASR: a misrecognised word is counted as a miss of the key);
 * - hard negative: that native word against another Latin word of the
 *   corpus's code-mix vocabulary sharing its true word's first two letters,
 *   or of its own row with a length within two letters.
 *
 * It also reports, per language, how often a native-script word of the
 * corpus text has a key equal to some code-mix Latin word (vocabulary
 * collisions: the key is meant for aligned words, not for lookup in a whole
 * vocabulary), and the hand-labelled fixture's figures for comparison.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { recordBench } from '../bench/record.js';
import { sharedDataDir } from './shared-data.js';
import { normalize, words } from '../native/text/normalize.js';
import { dominantScript } from '../native/text/scripts.js';
import { sameWordAcrossScripts, translitKeys } from '../native/text/translit-key.js';

const LANGS = ['hi', 'te', 'ta'] as const;
const LATIN_WORD = /^[a-z]+$/;

interface Token {
  surface: string;
  type: string;
}
interface Row {
  id: string;
  lang: string;
  text: string;
  entity_tokens?: Token[];
  [k: string]: unknown;
}
interface Pair {
  latin: string;
  native: string;
  same: boolean;
  source: string;
}
interface Counts {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

function readJsonl(path: string): Row[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Row);
}

function normWords(text: string, lang: string): string[] {
  return words(normalize(text, lang, 'standard').text).map((w) => w.text);
}

function loanWords(row: Row, lang: string): Set<string> {
  const out = new Set<string>();
  for (const t of row.entity_tokens ?? []) {
    if (t.type !== 'english_loan') continue;
    for (const w of normWords(t.surface, lang)) if (LATIN_WORD.test(w)) out.add(w);
  }
  return out;
}

function score(pairs: readonly Pair[], lang: string, show: boolean): Counts {
  const c: Counts = { tp: 0, fp: 0, fn: 0, tn: 0 };
  for (const p of pairs) {
    const got = sameWordAcrossScripts(p.latin, p.native, lang);
    if (got && p.same) c.tp++;
    else if (got) c.fp++;
    else if (p.same) c.fn++;
    else c.tn++;
    if (show && got !== p.same) {
      const what = got ? 'false match' : 'missed';
      process.stdout.write(`  ${lang} ${what}: ${p.latin} / ${p.native} (${p.source})\n`);
    }
  }
  return c;
}

function rates(c: Counts): { precision: number | null; recall: number | null } & Counts {
  const precision = c.tp + c.fp > 0 ? c.tp / (c.tp + c.fp) : null;
  const recall = c.tp + c.fn > 0 ? c.tp / (c.tp + c.fn) : null;
  return { ...c, precision, recall };
}

function fmt(x: number | null): string {
  return x === null ? 'n/a' : x.toFixed(3);
}

function main(): void {
  const argv = process.argv.slice(2);
  const data = sharedDataDir(argv);
  const show = argv.includes('--show');
  const textDir = join(data, 'text');
  const predDir = join(data, 'predictions');
  for (const d of [textDir, predDir]) {
    if (!existsSync(d)) {
      process.stderr.write(`error: ${d} does not exist; is ${data} the stt-flywheel corpus?\n`);
      process.exit(1);
    }
  }
  const results: Record<string, unknown> = {};
  for (const lang of LANGS) {
    // The corpus's code-mix vocabulary (Latin) and its native-script words.
    const codemix = readJsonl(join(textDir, `${lang}_codemix.jsonl`));
    const vocab = new Set<string>();
    for (const r of codemix) for (const w of loanWords(r, lang)) vocab.add(w);
    const nativeWords = new Set<string>();
    for (const f of readdirSync(textDir).filter((f) => f.startsWith(`${lang}_`))) {
      for (const r of readJsonl(join(textDir, f))) {
        for (const w of normWords(r.text, lang))
          if (dominantScript(w) !== 'Latin' && /\p{L}/u.test(w)) nativeWords.add(w);
      }
    }

    // Aligned pairs from the systems' transcripts of the code-mix rows.
    const pairs: Pair[] = [];
    const seen = new Set<string>();
    const add = (p: Pair): void => {
      const k = `${p.latin}\u0000${p.native}`;
      if (seen.has(k)) return;
      seen.add(k);
      pairs.push(p);
    };
    const vocabList = [...vocab].sort();
    for (const f of readdirSync(predDir).filter(
      (f) => f.includes(`_${lang}_`) && f.endsWith('.jsonl'),
    )) {
      for (const r of readJsonl(join(predDir, f))) {
        const loans = loanWords(r, lang);
        if (loans.size === 0) continue;
        const ref = normWords(r.text, lang);
        for (const [field, hyp] of Object.entries(r)) {
          if (!field.endsWith('_hyp') || typeof hyp !== 'string') continue;
          const h = normWords(hyp, lang);
          if (h.length !== ref.length) continue;
          ref.forEach((latin, i) => {
            const native = h[i];
            if (!loans.has(latin) || dominantScript(native) === 'Latin' || !/\p{L}/u.test(native))
              return;
            add({ latin, native, same: true, source: `${r.id} ${field}` });
            let n = 0;
            for (const other of vocabList) {
              if (n >= 3) break;
              if (other !== latin && other.slice(0, 2) === latin.slice(0, 2)) {
                add({
                  latin: other,
                  native,
                  same: false,
                  source: `vocabulary, true word ${latin}`,
                });
                n++;
              }
            }
            for (const other of loans) {
              if (other !== latin && Math.abs(other.length - latin.length) <= 2) {
                add({ latin: other, native, same: false, source: `${r.id}, true word ${latin}` });
              }
            }
          });
        }
      }
    }
    // A Latin word can be a positive and, through another row, a negative of
    // the same native word; the positive label wins.
    const positives = new Set(
      pairs.filter((p) => p.same).map((p) => `${p.latin}\u0000${p.native}`),
    );
    const clean = pairs.filter((p) => p.same || !positives.has(`${p.latin}\u0000${p.native}`));
    const corpus = rates(score(clean, lang, show));

    // Vocabulary collisions: native words whose key equals some code-mix Latin word's.
    const index = new Set<string>();
    for (const w of vocab) for (const k of translitKeys(w, lang)) index.add(k);
    let colliding = 0;
    for (const w of nativeWords) if (translitKeys(w, lang).some((k) => index.has(k))) colliding++;

    results[lang] = {
      corpus: {
        positives: clean.filter((p) => p.same).length,
        negatives: clean.filter((p) => !p.same).length,
        ...corpus,
      },
      vocabulary: {
        latin_words: vocab.size,
        native_words: nativeWords.size,
        native_words_colliding: colliding,
        collision_share: nativeWords.size > 0 ? colliding / nativeWords.size : null,
      },
    };
    process.stdout.write(
      `${lang}: corpus pairs ${clean.filter((p) => p.same).length}+/${clean.filter((p) => !p.same).length}-  ` +
        `precision ${fmt(corpus.precision)}  recall ${fmt(corpus.recall)}  ` +
        `(vocabulary: ${colliding}/${nativeWords.size} native words collide with one of ${vocab.size} Latin words)\n`,
    );
  }

  // The hand-labelled fixture, for comparison with the unit test's floors.
  const here = dirname(fileURLToPath(import.meta.url));
  const fixture = JSON.parse(
    readFileSync(join(here, '..', 'tests', 'fixtures', 'text', 'loanword-pairs.json'), 'utf8'),
  ) as { pairs: { lang: string; latin: string; native: string; same: boolean }[] };
  const fx: Record<string, unknown> = {};
  for (const lang of LANGS) {
    const ps = fixture.pairs
      .filter((p) => p.lang === lang)
      .map((p) => ({ ...p, source: 'fixture' }));
    const r = rates(score(ps, lang, show));
    fx[lang] = r;
    process.stdout.write(
      `${lang}: fixture precision ${fmt(r.precision)}  recall ${fmt(r.recall)}\n`,
    );
  }
  results.fixture = fx;
  recordBench('translit-key', results);
  process.stdout.write('wrote bench/results/translit-key.json\n');
}

main();
