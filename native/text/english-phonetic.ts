/**
 * English (and romanised Indic) spelling to the phonetic alphabet of
 * `romanize.ts`: vowels a e i o u, consonants k g c j t d n p b m y r l v s
 * S h f z. Only what decides how an Indian speaker writes the word in a
 * native script matters here: silent letters, digraphs, soft c and g, -tion.
 */

const VOWEL = /[aeiou]/;

/** Word beginnings where g before e/i/y stays hard (English spelling gives no clue). */
const HARD_G_START = [
  'get',
  'give',
  'gift',
  'girl',
  'gear',
  'geek',
  'begin',
  'forget',
  'target',
  'together',
  'login',
  'tiger',
  'finger',
  'burger',
  'hunger',
  'eager',
];

/** Whole-pattern rewrites, in order; each `[pattern, replacement]`. */
const REWRITES: readonly (readonly [RegExp, string])[] = [
  // Word-initial silent letters and the "yu" of user, unit, union.
  [/^kn/, 'n'],
  [/^wr/, 'r'],
  [/^ps/, 's'],
  [/^pn/, 'n'],
  [/^u(?=[bcdfgklmnprstvz][aeiouy])/, 'yu'],
  [/^eu/, 'yu'],
  // Suffixes whose spelling hides the sound.
  [/(?:ss|s|t|c)i(?:o|a)n/g, 'San'],
  [/(?:c|t)ial/g, 'Sal'],
  [/ssue/g, 'Su'],
  [/ssure/g, 'Sar'],
  [/ture/g, 'Car'],
  [/ous$/, 'as'],
  [/que$/, 'k'],
  // Final ew and ue are a u (review → రివ్యూ, value).
  [/(?:ew|ue)$/, 'u'],
  // Digraphs.
  [/sch/g, 'sk'],
  [/tch/g, 'C'],
  // C holds ch until the c rules below have run.
  [/ch/g, 'C'],
  [/sh/g, 'S'],
  [/ph/g, 'f'],
  [/gh(?=t|$)/g, ''],
  [/gh/g, 'g'],
  [/th/g, 't'],
  [/wh/g, 'v'],
  [/ck/g, 'k'],
  [/qu/g, 'kv'],
  [/q/g, 'k'],
  [/dg(?=e|i|y)/g, 'j'],
  [/gn(?=$|[^aeiou])/g, 'n'],
  [/mb$/, 'm'],
  [/^x/, 'z'],
  [/x/g, 'ks'],
  // Soft c; soft g unless the word is known to keep it hard.
  [/c(?=[eiy])/g, 's'],
  [/c/g, 'k'],
];

/**
 * Readings English spelling leaves open. Each flag picks the less usual one:
 * s between vowels voiced (result → रिज़ल्ट), ch as k (tech), th voiced
 * (the → द), x as gz (exam → एग्ज़ाम), soft and hard g swapped.
 */
export interface SpellingChoice {
  sAsZ?: boolean;
  chAsK?: boolean;
  /** sch as sh (schedule → शेड्यूल). */
  schAsSh?: boolean;
  thAsD?: boolean;
  xAsGz?: boolean;
  flipG?: boolean;
  /** A final e after two consonants is heard (romanised Hindi karte, mujhe). */
  finalE?: boolean;
}

const CHOICES: readonly SpellingChoice[] = [
  {},
  { sAsZ: true },
  { chAsK: true },
  { schAsSh: true },
  { thAsD: true },
  { xAsGz: true },
  { flipG: true },
  { finalE: true },
];

function softG(s: string, original: string, flip: boolean): string {
  const hard = HARD_G_START.some((w) => original.startsWith(w));
  if (hard !== flip) return s;
  return s.replace(/(^|[^g])g(?=[eiy])/g, '$1j');
}

/** `word` (Latin letters) in the phonetic alphabet, read the usual way unless `choice` says otherwise. */
export function phoneticEnglish(word: string, choice: SpellingChoice = {}): string {
  const original = word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  let s = original.replace(/[^a-z]/g, '');
  if (choice.schAsSh) s = s.replace(/sch/g, 'sh');
  if (choice.chAsK) s = s.replace(/ch/g, 'k');
  if (choice.thAsD) s = s.replace(/th/g, 'd');
  if (choice.xAsGz) s = s.replace(/x/g, 'gz');
  if (choice.sAsZ) s = s.replace(/([aeiouy])s(?=[aeiouy]|$)/g, '$1z');
  for (const [re, to] of REWRITES) {
    s = s.replace(re, to);
    // Soft g is decided once c and the digraphs are settled, before silent e goes.
    if (re.source === 'c(?=[eiy])') s = softG(s, original, choice.flipG === true);
  }
  // Silent final e (date, file, mobile, page), also before a plural -s.
  const keepE = choice.finalE === true && /[^aeiouy]{2}e$/.test(s);
  if (s.length > 3 && !keepE) {
    s = s.replace(/([aeiouy][^aeiouy]{1,2})e(s?)$/, (_m, a: string, b: string) => a + b);
  }
  s = s.replace(/C/g, 'c');
  // y and w: consonants before a vowel, otherwise part of the vowel.
  let out = '';
  for (let k = 0; k < s.length; k++) {
    const c = s[k];
    const next = s[k + 1] ?? '';
    if (c === 'y') {
      out += VOWEL.test(next) && (k === 0 || !VOWEL.test(s[k - 1])) ? 'y' : 'i';
    } else if (c === 'w') {
      if (VOWEL.test(next)) out += 'v';
    } else if (c === 'h') {
      // h is heard only before a vowel (hello, vehicle) and not after a
      // consonant (romanised aspirates: bhai, mujhe); elsewhere it is silent.
      if (VOWEL.test(next) && (k === 0 || VOWEL.test(s[k - 1]))) out += 'h';
    } else {
      out += c;
    }
  }
  return out;
}

/** Every reading of `word` in the phonetic alphabet, the usual one first, without repeats. */
export function phoneticEnglishReadings(word: string): string[] {
  const out: string[] = [];
  for (const c of CHOICES) {
    const p = phoneticEnglish(word, c);
    if (!out.includes(p)) out.push(p);
  }
  return out;
}
