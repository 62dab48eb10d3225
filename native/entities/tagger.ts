import { cpSlice } from '../text/code-points.js';
import { analyzeText } from '../metrics/ehr/index.js';
import { aliasKey, nameIndex, nativeLoanword, placeByKey, type NameHit } from './tagger-names.js';
import { ROMANIZED_WORDS } from './tagger-romanized.js';

/**
 * Tags entities in rows that arrive without spans (docs/tagging-guideline.md):
 * numbers through the EHR engine's own reading extractor (so a tagged value
 * is the value the scorer reads), names through the lexicon aliases,
 * English words of code-mix as loanwords.
 */

export interface TaggedSpan {
  surface: string;
  start: number;
  end: number;
  type: string;
  subtype?: string;
  value: string;
}

interface Word {
  text: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{M}\u200c\u200d]+(?:[.'&][\p{L}\p{M}]+)*/gu;

function wordsOf(text: string): Word[] {
  const out: Word[] = [];
  // Offsets in code points: walk the string once, mapping UTF-16 indices.
  const cpAt: number[] = [];
  let cp = 0;
  for (let i = 0; i < text.length; i++) {
    cpAt.push(cp);
    const c = text.charCodeAt(i);
    if (c < 0xd800 || c > 0xdbff) cp++;
  }
  cpAt.push(cp);
  for (const m of text.matchAll(WORD)) {
    out.push({ text: m[0], start: cpAt[m.index], end: cpAt[m.index + m[0].length] });
  }
  return out;
}

const CONTEXT = {
  pin: /(pin|पिन|పిన్|பின்|postal|पोस्टल)/iu,
  otp: /(otp|ओटीपी|ఓటీపీ|ஓடிபி|ஓ\.டி\.பி|code|कोड|కోడ్|கோட்)/iu,
  house:
    /(house|flat|plot|door|h\.?\s?no|मकान|फ्लैट|फ़्लैट|प्लॉट|हाउस|घर|ఇంటి|ఇల్లు|ఫ్లాట్|ప్లాట్|డోర్|హౌస్|வீட்டு|வீடு|பிளாட்|ப்ளாட்|கதவு|டோர்|ஹவுஸ்|#)/iu,
  number:
    /(number|no\.?|नंबर|संख्या|నంబర్|నెంబర్|సంఖ్య|எண்|நம்பர்|id|आईडी|ఐడీ|ஐடி|account|खाता|ఖాతా|கணக்கு|pnr|पीएनआर)/iu,
};

function phoneLike(d: string): boolean {
  return (
    (d.length === 10 && /^[6-9]/.test(d)) ||
    (d.length === 12 && /^91[6-9]/.test(d)) ||
    (d.length === 11 && /^0/.test(d))
  );
}

/** The numeric entity a reading is, judged by its shape and the words just before it. */
function numericSpan(
  r: ReturnType<typeof analyzeText>['readings'][number],
  before: string,
  surface: string,
): Omit<TaggedSpan, 'surface' | 'start' | 'end'> | undefined {
  if (r.date !== undefined) return { type: 'date', value: r.date };
  if (r.time !== undefined) return { type: 'time', value: r.time };
  if (r.currency !== undefined && r.value !== undefined) {
    return { type: 'currency_amount', value: `${r.value} ${r.currency}` };
  }
  const d = r.digits;
  // A number with a scale word (60 लाख, 3 కోట్ల) or in grouped figures (15,000) is an amount of money here.
  if (
    r.value !== undefined &&
    (/[0-9],[0-9]{2,3}\b/.test(surface) ||
      (r.value >= 1000 &&
        /\p{L}/u.test(surface) &&
        !(d !== undefined && d.length === surface.split(/\s+/).length)))
  ) {
    return { type: 'currency_amount', value: String(r.value) };
  }
  const wordCount = surface.split(/\s+/).filter((w) => w !== '').length;
  // Said digit by digit (one digit per word): a number read out, typed by its context.
  if (d !== undefined && !/[0-9]/.test(surface) && d.length >= 4 && wordCount === d.length) {
    if (phoneLike(d) || /(phone|फोन|फ़ोन|मोबाइल|ఫోన్|మొబైల్|தொலைபேசி|போன்|மொபைல்)/iu.test(before))
      return { type: 'phone', value: d };
    if (CONTEXT.pin.test(before) && !CONTEXT.otp.test(before)) return { type: 'pincode', value: d };
    return { type: 'digit_run', value: d };
  }
  if (d !== undefined && /[0-9]/.test(surface)) {
    if (phoneLike(d))
      return {
        type: 'phone',
        value: d.length === 12 ? d.slice(2) : d.length === 11 ? d.slice(1) : d,
      };
    if (d.length === 6 && /^[1-8]/.test(d) && !CONTEXT.otp.test(before))
      return { type: 'pincode', value: d };
    if (CONTEXT.house.test(before) && d.length <= 5)
      return { type: 'house_number', value: r.code ?? d };
    if (CONTEXT.otp.test(before) && d.length >= 4 && d.length <= 8) {
      return { type: 'digit_run', subtype: 'otp', value: d };
    }
    if (
      d.length >= 4 &&
      (d.length !== 4 || !/^(19|20)\d\d$/.test(d) || CONTEXT.number.test(before))
    ) {
      return { type: 'digit_run', subtype: d.length >= 9 ? 'account' : undefined, value: d };
    }
    return undefined;
  }
  // Spoken digit strings (words only) count when long enough to be a number someone reads out.
  if (d !== undefined && d.length >= 6) {
    if (phoneLike(d)) return { type: 'phone', value: d };
    if (d.length === 6 && CONTEXT.pin.test(before)) return { type: 'pincode', value: d };
    return { type: 'digit_run', value: d };
  }
  if (r.code !== undefined && /[0-9]/.test(surface) && CONTEXT.house.test(before)) {
    return { type: 'house_number', value: r.code };
  }
  return undefined;
}

/** Case endings fused to a name in Telugu and Tamil text (హైదరాబాద్‌లో, சென்னையில). */
const FUSED_TAIL_MAX = 7;

function lookupName(
  words: readonly Word[],
  i: number,
  n: number,
  text: string,
  lang: string,
): NameHit | undefined {
  const idx = nameIndex();
  const first = words[i];
  const last = words[i + n - 1];
  // Words of one name are joined by a single space, nothing else.
  for (let k = i; k < i + n - 1; k++) if (words[k + 1].start !== words[k].end + 1) return undefined;
  const phrase = cpSlice(text, first.start, last.end);
  const hit = idx.aliases.get(aliasKey(phrase));
  if (hit) return hit;
  if (n === 1) {
    const byKey = placeByKey(phrase, lang);
    if (byKey) return byKey;
  }
  if (n === 1 && (lang === 'te' || lang === 'ta') && !/[A-Za-z]/.test(phrase)) {
    const cps = [...phrase];
    for (let cut = 1; cut <= FUSED_TAIL_MAX && cps.length - cut >= 3; cut++) {
      const stem = cps.slice(0, cps.length - cut).join('');
      const h =
        idx.aliases.get(aliasKey(stem)) ??
        idx.aliases.get(aliasKey(lang === 'ta' ? `${stem}்` : `${stem}ం`));
      if (h && h.type !== 'person') return h;
    }
  }
  return undefined;
}

/** Words that end a locality name ("राजीव नगर", "Anna Nagar", "విజయ్ కాలనీ"). */
const LOCALITY_TAIL =
  /^(nagar|colony|puram|pet|pally|palli|guda|bagh|vihar|enclave|layout|garden|lane|road|street|circus|scheme|society|apartments?|heights|नगर|कॉलोनी|पुरम|विहार|बाग़|बाग|गार्डन|लेन|रोड|मार्ग|सर्कस|स्कीम|सोसायटी|अपार्टमेंट|हाइट्स|నగర్|కాలనీ|పురం|పేట|పల్లి|గూడ|విహార్|గార్డెన్|లేన్‌?|రోడ్|చౌరస్తా|సొసైటీ|అపార్ట్‌మెంట్|லேஅவுட்|நகர்|காலனி|புரம்|பேட்டை|பாளையம்|சாலை|தெரு|கார்டன்|அபார்ட்மெண்ட்)$/iu;

/** Postpositions and case words, which never start a locality name ("में अपार्टमेंट"). */
const POSTPOSITION = /^(में|की|के|का|से|पर|को|ने|లో|కి|కు|నుండి|నుంచి|ల|இல்|ல|க்கு)$/u;

/** One word that is itself a locality name with its tail fused (ஜயநகர், రాజీవ్‌నగర్). */
const FUSED_LOCALITY = /^[\p{L}\p{M}\u200c]{2,}(नगर|నగర్|நகர்|పురం|புரம்|పేట|பேட்டை)$/u;

export function tagText(text: string, lang: string): TaggedSpan[] {
  const spans: TaggedSpan[] = [];
  const a = analyzeText(text, lang);
  const taken: [number, number][] = [];
  const free = (s: number, e: number): boolean => taken.every(([x, y]) => e <= x || s >= y);
  for (const r of a.readings) {
    const surface = cpSlice(text, r.start, r.end);
    const before = cpSlice(text, Math.max(0, r.start - 30), r.start);
    let n = numericSpan(r, before, surface);
    // A short number in an address (a PIN code comes later) is the house or plot number.
    if (
      (n === undefined || n.type === 'house_number') &&
      /^[0-9]{1,5}(?:[-/]?[0-9A-Za-z]{1,3})?$/.test(surface) &&
      /(?<![0-9])[1-8][0-9]{2} ?[0-9]{3}(?![0-9])/.test(cpSlice(text, r.end))
    ) {
      n = { type: 'house_number', value: r.code ?? r.digits ?? surface };
    }
    if (!n) continue;
    const s: TaggedSpan = { surface, start: r.start, end: r.end, type: n.type, value: n.value };
    if (n.subtype) s.subtype = n.subtype;
    spans.push(s);
    taken.push([r.start, r.end]);
  }
  const words = wordsOf(text);
  const max = nameIndex().maxWords;
  for (let i = 0; i < words.length;) {
    let matched = 0;
    for (let n = Math.min(max, words.length - i); n >= 1 && matched === 0; n--) {
      const start = words[i].start;
      const end = words[i + n - 1].end;
      if (!free(start, end)) continue;
      const hit = lookupName(words, i, n, text, lang);
      if (hit) {
        // A capitalised Latin word after a Latin brand names its product or company (Tata Nano, Amazon Prime).
        let m = n;
        let stop = end;
        while (
          hit.type === 'brand' &&
          /^[A-Z]/.test(words[i].text) &&
          i + m < words.length &&
          /^[A-Z][a-z]+$/.test(words[i + m].text) &&
          words[i + m].start === stop + 1
        ) {
          stop = words[i + m].end;
          m++;
        }
        spans.push({
          surface: cpSlice(text, start, stop),
          start,
          end: stop,
          type: hit.type,
          value: hit.value,
        });
        taken.push([start, stop]);
        matched = m;
      }
    }
    // A name followed by a locality word is the locality ("राजीव नगर"), not a person.
    const tail = words[i + Math.max(matched, 1)];
    if (
      tail &&
      LOCALITY_TAIL.test(tail.text) &&
      tail.start === words[i + Math.max(matched, 1) - 1].end + 1 &&
      !POSTPOSITION.test(words[i].text)
    ) {
      if (matched > 0) {
        // The name matched just before is the locality's first word: replace it.
        spans.pop();
        taken.pop();
      }
      const start = words[i].start;
      if (free(start, tail.end)) {
        spans.push({
          surface: cpSlice(text, start, tail.end),
          start,
          end: tail.end,
          type: 'place',
          value: cpSlice(text, start, tail.end),
        });
        taken.push([start, tail.end]);
      }
      i += Math.max(matched, 1) + 1;
      continue;
    }
    if (matched > 0) {
      i += matched;
      continue;
    }
    const w = words[i];
    if (free(w.start, w.end) && FUSED_LOCALITY.test(w.text)) {
      spans.push({ surface: w.text, start: w.start, end: w.end, type: 'place', value: w.text });
      taken.push([w.start, w.end]);
      i++;
      continue;
    }
    if (free(w.start, w.end)) {
      const latin = /^[A-Za-z][A-Za-z.'&]*$/.test(w.text);
      const lower = w.text.toLowerCase();
      // Romanised Hindi/Telugu/Tamil is the sentence's own language; one Latin letter is a code's part.
      const english = latin && w.text.length >= 2 && !ROMANIZED_WORDS.has(lower);
      const loan = latin ? (english ? lower : undefined) : nativeLoanword(w.text, lang);
      if (loan !== undefined && (latin || [...w.text].length >= 2)) {
        spans.push({ surface: w.text, start: w.start, end: w.end, type: 'loanword', value: loan });
        taken.push([w.start, w.end]);
      }
    }
    i++;
  }
  spans.sort((x, y) => x.start - y.start || x.end - y.end);
  return spans;
}
