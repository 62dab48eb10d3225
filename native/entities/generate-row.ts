import { cpLength, cpSlice } from '../text/code-points.js';
import { fillSlot, type FillContext } from './generate-fillers.js';
import type { Pools } from './generate-pools.js';
import type { Rng } from './generate-rng.js';
import { RowRejected } from './generate-rejected.js';
import { brandCategories } from './generate-brand-fit.js';
import { joinSpokenTime } from './generate-spoken-join.js';
import { valueSplit } from './generate-splits.js';
import type { FilledSlot, GeneratedSpan, Split } from './generate-types.js';
import { loadBrands, loadLanguage, type TemplateEntry } from './lexicon.js';
import type { SlotName } from './lexicon-schema.js';

/**
 * Assembles one row from a template: fills its slots, tags the literal
 * English words of code-mix, builds `text` and `spoken` side by side with
 * code-point offsets, and checks what a corpus must never contain.
 */

export interface AssembledRow {
  text: string;
  spoken: string;
  entity_tokens: GeneratedSpan[];
  spoken_tokens: GeneratedSpan[];
  /** Values drawn for slots (literal template words excluded): the split's values. */
  slotValues: string[];
  /** Spoken form of each slot, in template order. */
  slotSpoken: string[];
}

export const MAX_TEXT_CP = 240;
export const MAX_SPOKEN_CP = 640;

let brandByAlias: Map<string, string> | undefined;

function brandIdOf(latinWord: string): string | undefined {
  if (!brandByAlias) {
    brandByAlias = new Map();
    for (const b of loadBrands())
      for (const a of b.aliases) brandByAlias.set(a.toLowerCase(), b.id);
  }
  return brandByAlias.get(latinWord.toLowerCase());
}

const rangesCache = new Map<string, [number, number][]>();

function nativeRanges(lang: string): [number, number][] {
  let r = rangesCache.get(lang);
  if (!r) {
    r = loadLanguage(lang).script_ranges.map((s) => {
      const [a, b] = s.split('-');
      return [parseInt(a, 16), parseInt(b, 16)] as [number, number];
    });
    rangesCache.set(lang, r);
  }
  return r;
}

/**
 * Script purity: every letter is of the language's script, or Latin where
 * Latin is intended (`latinAt`: template literals, Latin brand, loanword,
 * UPI id, English numerals of code-mix).
 */
function checkScript(s: string, lang: string, latinAt: (cp: number) => boolean): void {
  const ranges = nativeRanges(lang);
  let i = 0;
  for (const ch of s) {
    if (/[\p{L}\p{M}]/u.test(ch)) {
      const cp = ch.codePointAt(0)!;
      const native = ranges.some(([a, b]) => cp >= a && cp <= b);
      if (!native && !(/[A-Za-z]/.test(ch) && latinAt(i))) {
        throw new RowRejected(`letter ${ch} (U+${cp.toString(16)}) outside ${lang} script at ${i}`);
      }
    }
    i++;
  }
}

interface Builder {
  s: string;
  cp: number;
  latin: [number, number][];
  spans: GeneratedSpan[];
}

function append(b: Builder, piece: string, latinOk: boolean): [number, number] {
  const start = b.cp;
  b.s += piece;
  b.cp += cpLength(piece);
  if (latinOk) b.latin.push([start, b.cp]);
  return [start, b.cp];
}

function span(
  b: Builder,
  range: [number, number],
  f: Pick<FilledSlot, 'type' | 'subtype' | 'value'>,
  surface: string,
): void {
  const s: GeneratedSpan = {
    surface,
    start: range[0],
    end: range[1],
    type: f.type,
    value: f.value,
  };
  if (f.subtype !== undefined) s.subtype = f.subtype;
  b.spans.push(s);
}

/**
 * Appends a template literal to both forms, tagging its English words as
 * loanwords (or brands the lexicon knows). A loanword the lexicon spells in
 * the language may be written in that script instead (people type both
 * "order" and "ऑर्डर"), which also multiplies the distinct sentences of the
 * slot-less code-mix templates.
 */
function appendLiteral(
  piece: string,
  t: Builder,
  s: Builder,
  spokenPiece: string,
  nativeOf: (latinLower: string) => string | undefined,
  rng: Rng,
): void {
  if (spokenPiece !== piece) {
    // The spoken literal was fused with the slot before it: no words to tag in it.
    append(t, piece, true);
    append(s, spokenPiece, true);
    return;
  }
  for (const m of piece.matchAll(/[A-Za-z]+|[^A-Za-z]+/g)) {
    const chunk = m[0];
    const at = m.index;
    const before = at > 0 ? piece[at - 1] : '';
    const after = piece[at + chunk.length] ?? '';
    const isWord =
      /^[A-Za-z]/.test(chunk) && !/[\p{L}\p{M}]/u.test(before) && !/[\p{L}\p{M}]/u.test(after);
    if (!isWord) {
      append(t, chunk, true);
      append(s, chunk, true);
      continue;
    }
    const brand = brandIdOf(chunk);
    const f = brand
      ? { type: 'brand', value: brand }
      : { type: 'loanword', value: chunk.toLowerCase() };
    const native = brand ? undefined : nativeOf(f.value);
    const written = native !== undefined && rng.chance(0.3) ? native : chunk;
    span(t, append(t, written, true), f, written);
    span(s, append(s, written, true), f, written);
  }
}

export function assembleRow(
  tpl: TemplateEntry,
  lang: string,
  pools: Pools,
  rng: Rng,
  split: Split,
  english: boolean,
  /** Draw any brand, not only those the sentence fits (when the fitting ones are used up). */
  relaxFit = false,
): AssembledRow {
  const t: Builder = { s: '', cp: 0, latin: [], spans: [] };
  const s: Builder = { s: '', cp: 0, latin: [], spans: [] };
  const slotValues: string[] = [];
  const slotSpoken: string[] = [];
  const ctx: FillContext = {
    lang,
    rng,
    pools,
    english,
    brandCategories: relaxFit ? undefined : brandCategories(tpl.id),
    accept: () => true,
  };
  const parts = tpl.text.split(/(\{[a-z_]+\})/).filter((p) => p !== '');
  // The spoken text of the literal after a slot, when the slot's spoken form fused with it.
  let spokenNext: string | undefined;
  for (let k = 0; k < parts.length; k++) {
    const part = parts[k];
    const slot = /^\{([a-z_]+)\}$/.exec(part);
    if (!slot) {
      const spokenPart = spokenNext ?? part;
      spokenNext = undefined;
      appendLiteral(part, t, s, spokenPart, (w) => pools.loanwordNative.get(w), rng);
      continue;
    }
    const name = slot[1] as SlotName;
    const f = fillSlot(name, { ...ctx, accept: (v) => valueSplit(v) === split });
    slotValues.push(f.value);
    if (name === 'place') ctx.place = pools.places.find((p) => p.id === f.value);
    let spoken = f.spoken;
    const next = parts[k + 1];
    if (name === 'time' && next !== undefined && !next.startsWith('{')) {
      const j = joinSpokenTime(lang, spoken, next);
      spoken = j.fill;
      spokenNext = j.next;
    }
    slotSpoken.push(spoken);
    span(t, append(t, f.text, f.latinOk), f, f.text);
    span(s, append(s, spoken, true), f, spoken);
  }
  const inLatin = (b: Builder) => (cp: number) => b.latin.some(([a, z]) => cp >= a && cp < z);
  checkScript(t.s, lang, inLatin(t));
  checkScript(s.s, lang, inLatin(s));
  if (/\p{Nd}/u.test(s.s)) throw new Error(`generate: digits in spoken form of ${tpl.id}: ${s.s}`);
  if (t.cp > MAX_TEXT_CP || s.cp > MAX_SPOKEN_CP) throw new RowRejected('too long');
  for (const [b, what] of [
    [t, 'text'],
    [s, 'spoken'],
  ] as const) {
    for (const x of b.spans) {
      if (cpSlice(b.s, x.start, x.end) !== x.surface) {
        throw new Error(
          `generate: ${tpl.id}: ${what} span [${x.start},${x.end}) is not "${x.surface}"`,
        );
      }
    }
  }
  return {
    text: t.s,
    spoken: s.s,
    entity_tokens: t.spans,
    spoken_tokens: s.spans,
    slotValues,
    slotSpoken,
  };
}
