import { foldWord } from './fold.js';
import { EN_NUMBERS } from './lang-en.js';
import { NUMBER_DATA } from './langs.js';
import { readingLang, parseNumberPhrase } from './parse.js';
import { asciiDigits } from './tokens.js';
import type { NumberLang } from './types.js';

type Role = 'hour' | 'hourThen' | 'minute' | { part: readonly number[] };
const roleMaps = new Map<NumberLang, Map<string, Role>>();

function roleOf(word: string, lang: NumberLang): Role | undefined {
  let m = roleMaps.get(lang);
  if (!m) {
    m = new Map();
    for (const d of [EN_NUMBERS, NUMBER_DATA[lang]]) {
      const t = d.time;
      for (const w of t.hour) m.set(foldWord(w), 'hour');
      for (const w of t.hourThen ?? []) m.set(foldWord(w), 'hourThen');
      for (const w of t.minute) m.set(foldWord(w), 'minute');
      for (const [ws, hours] of t.parts) for (const w of ws) m.set(foldWord(w), { part: hours });
    }
    roleMaps.set(lang, m);
  }
  return m.get(foldWord(word.replace(/[.,]+$/, '')));
}

const pad = (n: number): string => String(n).padStart(2, '0');

function fmt(minutes: number): string {
  const t = ((minutes % 1440) + 1440) % 1440;
  return `${pad(Math.floor(t / 60))}:${pad(t % 60)}`;
}

/** A spoken hour (1–12, or 0–23) placed in the day part, if one was said. */
function inPart(h: number, part: readonly number[] | null): number {
  if (!part || h > 12) return h % 24;
  return part.find((x) => x % 12 === h % 12) ?? h;
}

const CLOCK = /^([0-9]{1,2})[:.]([0-9]{2})$/;

/**
 * A time phrase → 'HH:MM' (24-hour), or null. Reads "साढ़े तीन बजे"
 * (03:30), "शाम पौने पाँच बजे" (16:45), "तीन बजकर बीस मिनट", "3:30 pm",
 * "మూడున్నర గంటలకు", "மூன்று மணி முப்பது நிமிடம்", "half past three",
 * "quarter to five", "three thirty pm".
 */
export function parseTimePhrase(words: readonly string[], lang: string): string | null {
  const l = readingLang(lang);
  let part: readonly number[] | null = null;
  const rest: string[] = [];
  const roles: Array<Role | undefined> = [];
  for (const w of words) {
    const r = roleOf(w, l);
    if (r && typeof r === 'object') part = r.part;
    else {
      rest.push(w);
      roles.push(r);
    }
  }
  for (const w of rest) {
    const m = CLOCK.exec(asciiDigits(w));
    if (m && +m[1] < 24 && +m[2] < 60) return fmt(inPart(+m[1], part) * 60 + +m[2]);
  }
  const lower = rest.map((w) => w.toLowerCase());
  // English "half past three", "quarter to five", "ten past six".
  const rel = lower.findIndex((w) => w === 'past' || w === 'to');
  if (rel > 0) {
    const left = lower.slice(0, rel).filter((w) => roleOf(w, l) !== 'minute');
    const mins =
      left.join(' ') === 'half'
        ? 30
        : /^(a )?quarter$/.test(left.join(' '))
          ? 15
          : parseNumberPhrase(left, l);
    const hour = parseNumberPhrase(rest.slice(rel + 1), l);
    if (mins === null || hour === null || !Number.isInteger(hour) || hour < 1 || hour > 12)
      return null;
    const base = inPart(hour, part) * 60;
    return fmt(lower[rel] === 'past' ? base + mins : base - mins);
  }
  const k = roles.findIndex((r) => r === 'hour' || r === 'hourThen');
  let hourWords: string[];
  let minuteWords: string[];
  if (k >= 0) {
    hourWords = rest.slice(0, k);
    minuteWords = rest.slice(k + 1).filter((_, i) => roles[k + 1 + i] !== 'minute');
  } else if (l === 'en' || part) {
    // "three thirty pm", "seven oh five": hour word, then minutes.
    hourWords = rest.slice(0, 1);
    minuteWords = rest.slice(1).filter((_, i) => roles[1 + i] !== 'minute');
  } else return null;
  if (!hourWords.length) return null;
  const hv = parseNumberPhrase(hourWords, l);
  if (hv === null || hv < 0 || hv >= 24) return null;
  let spoken = Math.floor(hv);
  let minutes = Math.round((hv - spoken) * 60);
  if (minutes === 45) {
    // पौने पाँच: a quarter before five; the day part belongs to five.
    spoken += 1;
    minutes = -15;
  }
  if (minuteWords.length) {
    if (minutes !== 0) return null;
    const oh = minuteWords[0].toLowerCase() === 'oh' ? minuteWords.slice(1) : minuteWords;
    const mv = parseNumberPhrase(oh, l);
    if (mv === null || !Number.isInteger(mv) || mv < 0 || mv > 59) return null;
    minutes = mv;
  }
  return fmt(inPart(spoken, part) * 60 + minutes);
}
