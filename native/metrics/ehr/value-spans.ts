/**
 * Reference entities with their value spans and canonical values (spec §3
 * "Value spans"). Published data tags fragments ("50" of "50 हजार रुपये", a
 * phone number as ten one-digit spans): a tag of a reading type is widened
 * to the maximal readings it touches, and adjacent same-type fragments
 * joined only by a space, `-` or `/` become one entity. The canonical value
 * is read from the widened span, with the same reading extractor that reads
 * hypotheses, so that a reference scored against itself is all hits.
 */

import { cpSlice } from '../../text/code-points.js';
import { defaultAliasIndex, isKnownPlace } from './aliases.js';
import type { AliasIndex, IndexedAlias } from './aliases.js';
import { isReadingType, mapPublishedType, valueKindOf } from './entity-types.js';
import type { EntityType } from './entity-types.js';
import type { Reading } from './readings.js';
import { analyzeText, formOf } from './text-analysis.js';
import { cachedTranslitKey } from './translit-cache.js';
import type { TextAnalysis } from './text-analysis.js';

/** An entity tag as published data and Charkha's reference sets write it (spec §6). */
export interface EntityToken {
  surface: string;
  start: number;
  end: number;
  type: string;
  value?: string | null;
  subtype?: string | null;
}

export type CanonicalValue =
  | { kind: 'digits'; digits: string }
  | { kind: 'amount'; value: number; currency?: string }
  | { kind: 'code'; code: string }
  | { kind: 'date'; date: string }
  | { kind: 'time'; time: string }
  | { kind: 'name'; id: string; forms: readonly string[]; words: readonly string[] }
  | { kind: 'loanword'; latin: string; key: string }
  /** A reading type whose span has no (single) reading: its written form is the value. */
  | { kind: 'literal' };

export interface ReferenceEntity {
  type: EntityType;
  /** The published type name, kept for export and compat mode. */
  originalType: string;
  subtype?: string;
  /** Surface of the widened span, as written in the reference. */
  surface: string;
  /** Original tag offsets (first fragment's start, last fragment's end). */
  start: number;
  end: number;
  /** Widened value span, code-point offsets into the reference text. */
  valueStart: number;
  valueEnd: number;
  /** How many published tags this entity was merged from. */
  fragments: number;
  value: CanonicalValue;
  /** The value as one string for reports: digits, "50000 INR", an id, ISO date… */
  display: string;
  /** `standard` form of the span the value was read from (exact-surface test). */
  form: string;
  /**
   * `standard` form of the whole words the value span touches: a tag inside
   * a word ("pm" of "3pm", "Tata" glued to the word before) is found in the
   * hypothesis as that same word.
   */
  wordForm: string;
  /**
   * The entity is some digit groups of a sequence the reference tags as
   * several entities ("17 160017": house number, PIN): it may take the same
   * groups of a hypothesis sequence.
   */
  split: boolean;
}

export interface PrepareOptions {
  aliases?: AliasIndex;
}

/** Phone numbers compare without their country code or trunk prefix. */
export function phoneDigits(d: string): string {
  if (d.length === 12 && d.startsWith('91')) return d.slice(2);
  if (d.length === 11 && d.startsWith('0')) return d.slice(1);
  return d;
}

function overlapping(a: TextAnalysis, start: number, end: number): Reading[] {
  return a.readings.filter((r) => r.start < end && r.end > start);
}

/** The canonical value of a reading type from the readings of its span. */
function readingValue(type: EntityType, readings: readonly Reading[]): CanonicalValue {
  const kind = valueKindOf(type);
  if (readings.length !== 1) {
    // Several readings (a tag over "12, 4") keep their written form; only
    // digits concatenate without changing what was said.
    if (kind === 'digits' && readings.length > 1 && readings.every((r) => r.digits)) {
      const digits = readings.map((r) => r.digits).join('');
      return { kind: 'digits', digits: type === 'phone' ? phoneDigits(digits) : digits };
    }
    return { kind: 'literal' };
  }
  const r = readings[0];
  switch (kind) {
    case 'digits':
      if (r.digits === undefined) return { kind: 'literal' };
      return { kind: 'digits', digits: type === 'phone' ? phoneDigits(r.digits) : r.digits };
    case 'amount':
      if (r.value === undefined) return { kind: 'literal' };
      return r.currency === undefined
        ? { kind: 'amount', value: r.value }
        : { kind: 'amount', value: r.value, currency: r.currency };
    case 'code':
      if (r.code === undefined) return { kind: 'literal' };
      return { kind: 'code', code: type === 'vehicle_reg' ? stripSeparators(r.code) : r.code };
    case 'date':
      return r.date === undefined ? { kind: 'literal' } : { kind: 'date', date: r.date };
    case 'time':
      return r.time === undefined ? { kind: 'literal' } : { kind: 'time', time: r.time };
    default:
      return { kind: 'literal' };
  }
}

export function stripSeparators(code: string): string {
  return code.replace(/[^\p{L}\p{M}\p{N}]/gu, '');
}

function nameValue(type: EntityType, form: string, aliases: AliasIndex): CanonicalValue {
  if (type === 'loanword') return { kind: 'loanword', latin: form, key: cachedTranslitKey(form) };
  const wanted = type === 'brand' ? 'brand' : type;
  const entries = aliases.lookup(form);
  const entry: IndexedAlias | undefined =
    entries.find((e) => e.kind === wanted) ?? (type === 'brand' ? undefined : entries[0]);
  const forms = new Set<string>([form]);
  for (const f of entry?.forms ?? []) forms.add(f);
  return {
    kind: 'name',
    id: entry?.id ?? form,
    forms: [...forms],
    words: form.split(' ').filter((w) => w !== ''),
  };
}

function display(v: CanonicalValue, form: string): string {
  switch (v.kind) {
    case 'digits':
      return v.digits;
    case 'amount':
      return v.currency === undefined ? String(v.value) : `${v.value} ${v.currency}`;
    case 'code':
      return v.code;
    case 'date':
      return v.date;
    case 'time':
      return v.time;
    case 'name':
      return v.id;
    case 'loanword':
      return `${v.latin} (${v.key})`;
    case 'literal':
      return form;
  }
}

/** Only these separate fragments of one entity (spec §3). */
function joinedByFragmentGap(text: string): boolean {
  return /^[\s\-/]*$/u.test(text);
}

interface Draft {
  type: EntityType;
  originalType: string;
  subtype?: string;
  start: number;
  end: number;
  valueStart: number;
  valueEnd: number;
  fragments: number;
  /** Digits of the groups of a shared sequence this entity owns (see `split`). */
  splitDigits?: string;
}

function widen(a: TextAnalysis, d: Draft): void {
  if (!isReadingType(d.type)) return;
  for (const r of overlapping(a, d.valueStart, d.valueEnd)) {
    d.valueStart = Math.min(d.valueStart, r.start);
    d.valueEnd = Math.max(d.valueEnd, r.end);
  }
}

/**
 * The reference entities of `text`: published types mapped (unknown types
 * are left out), spans widened and fragments merged, in text order.
 */
export function prepareEntities(
  a: TextAnalysis,
  entityTokens: readonly EntityToken[],
  opts: PrepareOptions = {},
): ReferenceEntity[] {
  const aliases = opts.aliases ?? defaultAliasIndex();
  const drafts: Draft[] = [];
  for (const t of entityTokens) {
    const type = mapPublishedType(t.type, t.surface, (s) => isKnownPlace(aliases, s));
    if (type === null || t.end <= t.start || t.start < 0 || t.end > a.length) continue;
    const d: Draft = {
      type,
      originalType: t.type,
      start: t.start,
      end: t.end,
      valueStart: t.start,
      valueEnd: t.end,
      fragments: 1,
    };
    if (t.subtype) d.subtype = t.subtype;
    widen(a, d);
    drafts.push(d);
  }
  drafts.sort((x, y) => x.valueStart - y.valueStart || x.valueEnd - y.valueEnd);
  const merged: Draft[] = [];
  for (const d of drafts) {
    const prev = merged[merged.length - 1];
    // Loanwords are tagged word by word on purpose: each English word of a
    // code-mixed sentence is its own entity, never a fragment of the next.
    if (
      prev !== undefined &&
      prev.type === d.type &&
      d.type !== 'loanword' &&
      (d.valueStart <= prev.valueEnd ||
        joinedByFragmentGap(cpSlice(a.text, prev.valueEnd, d.valueStart)))
    ) {
      prev.start = Math.min(prev.start, d.start);
      prev.end = Math.max(prev.end, d.end);
      prev.valueEnd = Math.max(prev.valueEnd, d.valueEnd);
      prev.fragments += d.fragments;
      widen(a, prev);
      continue;
    }
    merged.push(d);
  }
  splitSharedSequences(a, merged);
  return merged.map((d) => finishEntity(a, d, aliases));
}

/**
 * A grouped digit sequence whose groups the reference tags as different
 * entities: each entity keeps only the groups its tag covers, instead of
 * all of them being widened to the whole sequence.
 */
function splitSharedSequences(a: TextAnalysis, drafts: Draft[]): void {
  for (const r of a.readings) {
    if (r.parts === undefined) continue;
    const owners = drafts.filter(
      (d) => isReadingType(d.type) && d.valueStart < r.end && d.valueEnd > r.start,
    );
    if (owners.length < 2) continue;
    for (const d of owners) {
      const parts = r.parts.filter((p) => p.start < d.end && p.end > d.start);
      if (parts.length === 0) continue;
      d.valueStart = parts[0].start;
      d.valueEnd = parts[parts.length - 1].end;
      d.splitDigits = parts.map((p) => p.digits).join('');
    }
  }
}

function splitValue(type: EntityType, digits: string): CanonicalValue {
  switch (valueKindOf(type)) {
    case 'digits':
      return { kind: 'digits', digits: type === 'phone' ? phoneDigits(digits) : digits };
    case 'code':
      return { kind: 'code', code: digits };
    case 'amount':
      return { kind: 'amount', value: Number(digits) };
    default:
      return { kind: 'literal' };
  }
}

function finishEntity(a: TextAnalysis, d: Draft, aliases: AliasIndex): ReferenceEntity {
  const surface = cpSlice(a.text, d.valueStart, d.valueEnd);
  let value: CanonicalValue;
  let form: string;
  if (d.splitDigits !== undefined) {
    value = splitValue(d.type, d.splitDigits);
    form = formOf(a, d.valueStart, d.valueEnd);
  } else if (isReadingType(d.type)) {
    const readings = overlapping(a, d.valueStart, d.valueEnd);
    value = readingValue(d.type, readings);
    // The written form of the readings themselves: "Plot 456" reads as 456.
    form =
      value.kind === 'literal' || readings.length === 0
        ? formOf(a, d.valueStart, d.valueEnd)
        : formOf(a, readings[0].start, readings[readings.length - 1].end);
  } else {
    form = formOf(a, d.valueStart, d.valueEnd);
    value = nameValue(d.type, form, aliases);
  }
  const e: ReferenceEntity = {
    type: d.type,
    originalType: d.originalType,
    surface,
    start: d.start,
    end: d.end,
    valueStart: d.valueStart,
    valueEnd: d.valueEnd,
    fragments: d.fragments,
    value,
    display: display(value, form),
    form,
    wordForm: a.words
      .filter((w) => w.start < d.valueEnd && w.end > d.valueStart)
      .map((w) => w.text)
      .join(' '),
    split: d.splitDigits !== undefined,
  };
  if (d.subtype !== undefined) e.subtype = d.subtype;
  return e;
}

/** Spec §3 value spans for a reference text (import and scoring use the same). */
export function prepareReferenceEntities(
  text: string,
  lang: string,
  entityTokens: readonly EntityToken[],
  opts: PrepareOptions = {},
): ReferenceEntity[] {
  return prepareEntities(analyzeText(text, lang), entityTokens, opts);
}
