// Round trip native → romanisation → native on every native-script word of
// the shared EDSA corpus, per language and scheme, measured and recorded
// with examples of the words that do not come back (Sanscript's handling of
// nukta letters and of ō after a consonant in ISO 15919, and misspelt
// corpus words such as a vowel letter with a virama).
// Usage: npx tsx scripts/measure-translit-roundtrip.ts [--data DIR]
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { recordBench } from '../bench/record.js';
import { dominantScript, scriptOfLang } from '../native/text/scripts.js';
import {
  fromRoman,
  losslessByDesign,
  ROMAN_SCHEMES,
  toRoman,
} from '../native/text/transliterate.js';
import { sharedDataDir } from './shared-data.js';

const data = sharedDataDir();
const words = new Map<string, Set<string>>();
for (const f of readdirSync(join(data, 'text')).filter((x) => x.endsWith('.jsonl'))) {
  for (const line of readFileSync(join(data, 'text', f), 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const row = JSON.parse(line) as { lang: string; text: string };
    const set = words.get(row.lang) ?? new Set<string>();
    for (const w of row.text.split(/[\s\p{P}\p{S}\d]+/u))
      if (w && dominantScript(w) === scriptOfLang(row.lang)) set.add(w.normalize('NFC'));
    words.set(row.lang, set);
  }
}
const results: Record<string, Record<string, unknown>> = {};
for (const [lang, set] of [...words].sort()) {
  results[lang] = {};
  for (const scheme of ROMAN_SCHEMES) {
    let ok = 0;
    const lost: string[] = [];
    for (const w of set) {
      if (fromRoman(toRoman(w, lang, scheme), lang, scheme) === w) ok++;
      else if (lost.length < 8) lost.push(w);
    }
    const share = ok / set.size;
    const byDesign = losslessByDesign(lang, scheme);
    results[lang][scheme] = {
      words: set.size,
      lossless: ok,
      share: Number(share.toFixed(4)),
      losslessByDesign: byDesign,
      examples: lost,
    };
    console.log(
      `${lang} ${scheme.padEnd(7)} ${ok}/${set.size} (${(share * 100).toFixed(2)}%)${byDesign ? ' lossless by design' : ''}${lost.length ? `  e.g. ${lost.slice(0, 4).join(' ')}` : ''}`,
    );
  }
}
recordBench('translit-roundtrip', results);
