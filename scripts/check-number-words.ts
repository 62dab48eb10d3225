/**
 * Coverage of Charkha's number-word tables on the shared EDSA corpus text.
 *
 *   npx tsx scripts/check-number-words.ts [--data ../shared/corpora/stt-flywheel]
 *
 * For every row of text/*.jsonl it finds number readings, counts the number
 * words the tables know, lists words that look like number words but are
 * unknown (they sit next to a number and share a stem with a known number
 * word: the gaps to fill), and cross-checks each numeric entity token of the
 * row (its digits) against the reading found over it. Writes
 * bench/results/number-words.json. A missing data folder is an error, never
 * a skip.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { NUMBER_DATA, isNumberLang } from '../native/text/numbers/langs.js';
import { findNumberReadings } from '../native/text/numbers/parse.js';
import { classifyWord } from '../native/text/numbers/tokens.js';
import type { NumberLang, NumberReading, Tok } from '../native/text/numbers/types.js';

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const dataDir = resolve(argValue('--data') ?? '../shared/corpora/stt-flywheel');
const textDir = join(dataDir, 'text');
if (!existsSync(textDir)) {
  console.error(`check-number-words: no corpus text at ${textDir} (pass --data DIR)`);
  process.exit(1);
}
const files = readdirSync(textDir).filter((f) => f.endsWith('.jsonl'));
if (!files.length) {
  console.error(`check-number-words: ${textDir} holds no .jsonl files`);
  process.exit(1);
}

interface EntityToken {
  surface: string;
  start: number;
  end: number;
  type: string;
}
interface Row {
  id: string;
  lang: string;
  text: string;
  entity_tokens?: EntityToken[];
}

const NUMERIC_TYPES = new Set(['amount', 'digit_run', 'pincode', 'house_or_plot']);
const MULTIPLIERS = new Set([100, 1000, 100000, 1000000, 10000000, 1000000000]);
const isWordNumber = (ts: readonly Tok[] | null): boolean =>
  !!ts && ts.some((t) => (t.t === 'num' && !t.weak) || t.t === 'scale' || t.t === 'frac');
const isNumberish = (ts: readonly Tok[] | null): boolean =>
  !!ts && ts.some((t) => t.t === 'num' || t.t === 'scale' || t.t === 'ascii' || t.t === 'cur');
const hasLetters = (w: string): boolean =>
  /\p{L}/u.test(w) && !/^[\p{Script=Latin}\p{P}]+$/u.test(w);

/** Code-point prefixes (3 long) of the language's own number words. */
function stems(lang: NumberLang): Set<string> {
  const out = new Set<string>();
  const d = NUMBER_DATA[lang];
  const words = [
    ...d.words.flatMap(([, f]) => f),
    ...d.scales.flatMap(([, f]) => f),
    ...(d.combiningTens ?? []).flatMap(([, f]) => f),
  ];
  for (const w of words) {
    const cps = Array.from(w);
    if (cps.length >= 4) out.add(cps.slice(0, 3).join(''));
  }
  return out;
}

interface LangStats {
  rows: number;
  words: number;
  numberWordTokens: number;
  numberWordTypes: Map<string, number>;
  unknownCandidates: Map<string, number>;
  readings: Record<string, number>;
  entities: {
    checked: number;
    exact: number;
    scaled: number;
    widened: number;
    joined: number;
    other: number;
    none: number;
  };
  otherExamples: Array<{ id: string; surface: string; reading: NumberReading; text: string }>;
  noneExamples: Array<{ id: string; surface: string; text: string }>;
}

const stats = new Map<string, LangStats>();
const stemCache = new Map<NumberLang, Set<string>>();

for (const file of files.sort()) {
  for (const line of readFileSync(join(textDir, file), 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const row = JSON.parse(line) as Row;
    if (!isNumberLang(row.lang)) continue;
    const lang = row.lang;
    let s = stats.get(lang);
    if (!s) {
      s = {
        rows: 0,
        words: 0,
        numberWordTokens: 0,
        numberWordTypes: new Map(),
        unknownCandidates: new Map(),
        readings: {},
        entities: { checked: 0, exact: 0, scaled: 0, widened: 0, joined: 0, other: 0, none: 0 },
        otherExamples: [],
        noneExamples: [],
      };
      stats.set(lang, s);
      stemCache.set(lang, stems(lang));
    }
    const stemSet = stemCache.get(lang)!;
    s.rows++;
    // Words with their code-point offsets, to place entity tokens.
    const cps = Array.from(row.text);
    const words: string[] = [];
    const starts: number[] = [];
    for (let i = 0; i < cps.length;) {
      while (i < cps.length && /\s/u.test(cps[i])) i++;
      if (i >= cps.length) break;
      const a = i;
      while (i < cps.length && !/\s/u.test(cps[i])) i++;
      words.push(cps.slice(a, i).join(''));
      starts.push(a);
    }
    s.words += words.length;
    const toks = words.map((w) => classifyWord(w, lang));
    words.forEach((w, i) => {
      if (!hasLetters(w)) return;
      if (isWordNumber(toks[i])) {
        s.numberWordTokens++;
        s.numberWordTypes.set(w, (s.numberWordTypes.get(w) ?? 0) + 1);
      } else if (!toks[i]) {
        const near = isNumberish(toks[i - 1] ?? null) || isNumberish(toks[i + 1] ?? null);
        const stem = Array.from(w).slice(0, 3).join('');
        if (near && stemSet.has(stem)) {
          s.unknownCandidates.set(w, (s.unknownCandidates.get(w) ?? 0) + 1);
        }
      }
    });
    const readings = findNumberReadings(words, lang);
    for (const r of readings) s.readings[r.kind] = (s.readings[r.kind] ?? 0) + 1;

    const wordSpan = (e: EntityToken): [number, number] => {
      const a = starts.findIndex((st, i) => st + Array.from(words[i]).length > e.start);
      const b = starts.findIndex((st) => st >= e.end);
      return [a, b < 0 ? words.length : b];
    };
    const numericTokens = (row.entity_tokens ?? []).filter(
      (e) => NUMERIC_TYPES.has(e.type) && /[0-9]/.test(e.surface),
    );
    for (const e of numericTokens) {
      const digits = e.surface.replace(/[^0-9]/g, '');
      if (!digits) continue;
      s.entities.checked++;
      const [wStart, last] = wordSpan(e);
      const r = readings.find((x) => x.startWord < last && x.endWord > wStart);
      if (!r) {
        s.entities.none++;
        if (s.noneExamples.length < 20)
          s.noneExamples.push({ id: row.id, surface: e.surface, text: row.text });
        continue;
      }
      const n = Number(e.surface.replace(/,/g, ''));
      const rd = r.digitString ?? r.slashText?.replace(/\D/g, '') ?? '';
      if (rd === digits || r.value === n) s.entities.exact++;
      else if (Number.isFinite(n) && n > 0 && MULTIPLIERS.has(Math.round(r.value / n)))
        s.entities.scaled++;
      else if (rd.includes(digits)) s.entities.widened++;
      else if (
        // Fragments of one amount ("1 करोड़ 20 लाख" tagged as 1 and 20): one reading.
        numericTokens.filter((o) => {
          const [a, b] = wordSpan(o);
          return r.startWord < b && r.endWord > a;
        }).length > 1
      ) {
        s.entities.joined++;
      } else {
        s.entities.other++;
        if (s.otherExamples.length < 20) {
          s.otherExamples.push({ id: row.id, surface: e.surface, reading: r, text: row.text });
        }
      }
    }
  }
}

const top = (m: Map<string, number>, k: number): Array<[string, number]> =>
  [...m].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, k);

const report = {
  data: dataDir,
  files: files.length,
  langs: Object.fromEntries(
    [...stats].map(([lang, s]) => [
      lang,
      {
        rows: s.rows,
        words: s.words,
        number_word_tokens: s.numberWordTokens,
        number_word_types: s.numberWordTypes.size,
        unknown_candidate_tokens: [...s.unknownCandidates.values()].reduce((a, b) => a + b, 0),
        unknown_candidate_types: s.unknownCandidates.size,
        top_unknown: top(s.unknownCandidates, 40),
        top_known: top(s.numberWordTypes, 40),
        readings: s.readings,
        entity_cross_check: s.entities,
        other_examples: s.otherExamples,
        none_examples: s.noneExamples,
      },
    ]),
  ),
};

mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/number-words.json', JSON.stringify(report, null, 2) + '\n');
for (const [lang, r] of Object.entries(report.langs)) {
  const e = r.entity_cross_check;
  console.log(
    `${lang}: ${r.rows} rows, ${r.number_word_tokens} number-word tokens (${r.number_word_types} types), ` +
      `${r.unknown_candidate_tokens} unknown look-alikes (${r.unknown_candidate_types} types); ` +
      `entities ${e.checked}: exact ${e.exact}, scaled ${e.scaled}, widened ${e.widened}, ` +
      `joined ${e.joined}, other ${e.other}, none ${e.none}`,
  );
  if (r.top_unknown.length) {
    console.log(
      `  top unknown: ${r.top_unknown
        .slice(0, 15)
        .map(([w, c]) => `${w}×${c}`)
        .join(' ')}`,
    );
  }
}
console.log('wrote bench/results/number-words.json');
