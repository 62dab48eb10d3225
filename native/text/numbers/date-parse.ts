import { EN_ORDINAL_WORDS } from './calendar-words.js';
import { foldWord } from './fold.js';
import { EN_NUMBERS } from './lang-en.js';
import { NUMBER_DATA } from './langs.js';
import { readingLang, findNumberReadings, parseNumberPhrase } from './parse.js';
import { asciiDigits } from './tokens.js';
import type { NumberLang } from './types.js';

const monthMaps = new Map<NumberLang, Map<string, number>>();

/** Month names of `lang` and English (folded) → 1..12. */
export function monthOf(word: string, lang: NumberLang): number | undefined {
  let m = monthMaps.get(lang);
  if (!m) {
    m = new Map();
    for (const d of [EN_NUMBERS, NUMBER_DATA[lang]]) {
      d.months.forEach((forms, i) => forms.forEach((f) => m!.set(foldWord(f), i + 1)));
    }
    monthMaps.set(lang, m);
  }
  return m.get(foldWord(word.replace(/[.,]+$/, '')));
}

function iso(y: number, m: number, d: number): string | null {
  if (!Number.isInteger(y) || !Number.isInteger(d) || y < 1 || y > 9999 || d < 1 || d > 31) {
    return null;
  }
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCMonth() !== m - 1) return null; // 31 June
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const NUMERIC_DATE = /^([0-9]{1,4})[/.-]([0-9]{1,2})[/.-]([0-9]{1,4})$/;

/** An English ordinal day ("fifteenth", "twenty first") ending at word `end`. */
function ordinalDay(words: readonly string[], end: number): { day: number; start: number } | null {
  const last = EN_ORDINAL_WORDS.get(words[end - 1]?.toLowerCase() ?? '');
  if (last === undefined) return null;
  const prev = words[end - 2]?.toLowerCase();
  if (last < 10 && (prev === 'twenty' || prev === 'thirty')) {
    return { day: last + (prev === 'twenty' ? 20 : 30), start: end - 2 };
  }
  return { day: last, start: end - 1 };
}

/**
 * A date phrase → ISO 'YYYY-MM-DD', or null. Reads "15/08/2024" (day
 * first, the Indian order), "2024-08-15", "15 अगस्त 2024", "August 15,
 * 2024", "fifteenth of August twenty twenty four", "పదిహేను ఆగస్టు రెండు వేల
 * ఇరవై నాలుగు".
 */
export function parseDatePhrase(words: readonly string[], lang: string): string | null {
  const l = readingLang(lang);
  for (const w of words) {
    const m = NUMERIC_DATE.exec(asciiDigits(w.replace(/[.,]+$/, '')));
    if (m) {
      if (m[1].length === 4) return iso(+m[1], +m[2], +m[3]);
      if (m[3].length === 4 || m[3].length === 2) {
        const y = m[3].length === 2 ? 2000 + +m[3] : +m[3];
        return iso(y, +m[2], +m[1]);
      }
    }
  }
  const k = words.findIndex((w) => monthOf(w, l) !== undefined);
  if (k < 0) return null;
  const month = monthOf(words[k], l)!;
  const after = words.slice(k + 1).map((w) => w.replace(/,$/, ''));
  const readAfter = findNumberReadings(after, l);

  // Day before the month: "15 अगस्त", "fifteenth of August".
  let beforeEnd = k;
  if (beforeEnd > 0 && words[beforeEnd - 1].toLowerCase() === 'of') beforeEnd--;
  let day: number | null = null;
  const ord = ordinalDay(words, beforeEnd);
  if (ord) day = ord.day;
  else {
    const before = findNumberReadings(words.slice(0, beforeEnd), l);
    const last = before[before.length - 1];
    if (last && last.endWord === beforeEnd) day = last.value;
  }
  const yearReading = readAfter[0]?.startWord === 0 ? readAfter[0] : undefined;
  if (day === null) {
    // Month first: "August 15, 2024". The day is read on its own: "15 2024"
    // would otherwise join as one digit sequence.
    for (let len = 1; len <= 3 && len < after.length; len++) {
      const d = parseNumberPhrase(after.slice(0, len), l);
      if (d === null || !Number.isInteger(d) || d < 1 || d > 31) continue;
      const year = findNumberReadings(after.slice(len), l)[0];
      if (year && year.startWord === 0) return iso(year.value, month, d);
    }
    return null;
  }
  if (!yearReading) return null;
  return iso(yearReading.value, month, day);
}
