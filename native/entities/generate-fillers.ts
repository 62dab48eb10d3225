import {
  verbalizeCardinal,
  verbalizeCurrency,
  verbalizeDate,
  verbalizeDigits,
  verbalizeTime,
} from '../text/numbers/index.js';
import type { Rng } from './generate-rng.js';
import { RowRejected } from './generate-rejected.js';
import type { PlacePick, Pools } from './generate-pools.js';
import type { FilledSlot } from './generate-types.js';
import type { SlotName } from './lexicon-schema.js';

/**
 * Slot fillers: one entity each, its written form (what an annotator types)
 * and its spoken form (what the TTS reads, words only). Only forms that the
 * EHR engine reads back to the same canonical value are generated; the
 * consistency test (`scoreRows` of spoken against written) holds them to it.
 */

export interface FillContext {
  lang: string;
  rng: Rng;
  pools: Pools;
  /** Code-mixed row: numbers are said in English. */
  english: boolean;
  /** The place filled earlier in the row, so a PIN code belongs to it. */
  place?: PlacePick;
  /** Brand categories the template's sentence fits (undefined: any brand). */
  brandCategories?: readonly string[];
  /** Value partition: a filler redraws until the value is in the row's split. */
  accept: (value: string) => boolean;
}

/** Slots whose spoken form the EHR engine cannot read back (reported, never generated). */
export const UNSUPPORTED_SLOTS: readonly SlotName[] = ['vehicle_reg'];

const RUPEE_WORD: Record<string, string> = { hi: 'रुपये', te: 'రూపాయలు', ta: 'ரூபாய்' };
const SLASH_WORD: Record<string, string> = { hi: 'बटा', te: 'బై', ta: 'ஸ்லாஷ்' };

/** 500000 → "5,00,000" (Indian grouping: the last three digits, then pairs). */
export function indianGrouping(n: number): string {
  const s = String(n);
  if (s.length <= 3) return s;
  const head = s.slice(0, -3);
  const pairs = head.replace(/\B(?=(\d{2})+(?!\d))/g, ',');
  return `${pairs},${s.slice(-3)}`;
}

function numLang(ctx: FillContext): string {
  return ctx.english ? 'en' : ctx.lang;
}

function spokenDigits(ctx: FillContext, d: string): string {
  return verbalizeDigits(d, numLang(ctx));
}

function draw(ctx: FillContext, make: () => FilledSlot): FilledSlot {
  for (let i = 0; i < 200; i++) {
    const f = make();
    if (ctx.accept(f.value)) return f;
  }
  throw new RowRejected(`no value in the row's split after 200 draws (${ctx.lang})`);
}

function phone(ctx: FillContext): FilledSlot {
  const { rng } = ctx;
  const d = String(rng.int(6, 9)) + rng.digits(9);
  const style = rng.int(0, 2);
  const text =
    style === 0
      ? d
      : style === 1
        ? `${d.slice(0, 5)} ${d.slice(5)}`
        : `${d.slice(0, 3)} ${d.slice(3, 6)} ${d.slice(6)}`;
  return { text, spoken: spokenDigits(ctx, d), type: 'phone', value: d, latinOk: ctx.english };
}

function digitRun(ctx: FillContext, subtype: 'otp' | 'account'): FilledSlot {
  const { rng } = ctx;
  let d: string;
  let text: string;
  if (subtype === 'otp') {
    d = rng.digits(rng.chance(0.5) ? 4 : 6);
    text = d;
  } else {
    d = String(rng.int(1, 9)) + rng.digits(rng.pick([9, 10, 11, 13]));
    text = d.length === 12 && rng.chance(0.5) ? d.replace(/(\d{4})(?=\d)/g, '$1 ') : d;
  }
  return {
    text,
    spoken: spokenDigits(ctx, d),
    type: 'digit_run',
    subtype,
    value: d,
    latinOk: ctx.english,
  };
}

function pincode(ctx: FillContext): FilledSlot {
  const { rng } = ctx;
  // The PIN of the address's place; a one-PIN place whose PIN is in the other split falls back to any place.
  const p = ctx.place && rng.chance(0.9) ? ctx.place : rng.pick(ctx.pools.places);
  const d = String(rng.int(p.pinFrom, p.pinTo)).padStart(6, '0');
  const text = rng.chance(0.2) ? `${d.slice(0, 3)} ${d.slice(3)}` : d;
  return { text, spoken: spokenDigits(ctx, d), type: 'pincode', value: d, latinOk: ctx.english };
}

function amountValue(rng: Rng): number {
  // Everyday amounts are most common; crores are rare (a loan, a flat).
  const r = rng.next();
  if (r < 0.35) return rng.int(5, 99) * 10;
  if (r < 0.75) return rng.int(10, 999) * 100;
  if (r < 0.95) return rng.int(2, 99) * 50000;
  return rng.int(1, 20) * 10000000 + rng.int(0, 1) * 5000000;
}

function amount(ctx: FillContext): FilledSlot {
  const { rng, lang } = ctx;
  const v = amountValue(rng);
  const styles = ['₹G', 'Rs. G'];
  // Ungrouped digits are how people type small amounts only (₹2500, not ₹50000000).
  if (v < 100000) styles.push('₹N');
  // Telugu and Tamil templates may put a case word after {amount}: the
  // README asks for the numeric form there, so the rupee word is Hindi-only.
  if (lang === 'hi') styles.push('G W');
  const style = rng.pick(styles);
  const g = indianGrouping(v);
  const text = style
    .replace('G', g)
    .replace('N', String(v))
    .replace('W', RUPEE_WORD[lang] ?? 'rupees');
  const spoken = ctx.english
    ? verbalizeCurrency(v, 'en', { style: rng.chance(0.5) ? 'indian' : 'international' })
    : verbalizeCurrency(v, lang);
  return {
    text,
    spoken,
    type: 'currency_amount',
    value: `${v} INR`,
    latinOk: ctx.english || style.startsWith('Rs'),
  };
}

function houseNumber(ctx: FillContext): FilledSlot {
  const { rng, lang } = ctx;
  const a = rng.int(1, 999);
  if (rng.chance(0.35)) {
    const b = rng.int(1, 20);
    const spoken = `${verbalizeCardinal(a, lang)} ${SLASH_WORD[lang] ?? 'slash'} ${verbalizeCardinal(b, lang)}`;
    return { text: `${a}/${b}`, spoken, type: 'house_number', value: `${a}/${b}`, latinOk: false };
  }
  return {
    text: String(a),
    spoken: verbalizeCardinal(a, numLang(ctx)),
    type: 'house_number',
    value: String(a),
    latinOk: ctx.english,
  };
}

function place(ctx: FillContext): FilledSlot {
  const p = ctx.rng.pick(ctx.pools.places);
  ctx.place = p;
  const w = p.native[0];
  return { text: w, spoken: w, type: 'place', value: p.id, latinOk: false };
}

function brand(ctx: FillContext): FilledSlot {
  const { rng } = ctx;
  const cats = ctx.brandCategories;
  const fitting = cats ? ctx.pools.brands.filter((x) => cats.includes(x.category ?? '')) : [];
  const b = rng.pick(fitting.length > 0 ? fitting : ctx.pools.brands);
  const native = b.native[0];
  // People write brands in Latin as often as in their own script; the TTS reads the native spelling.
  const latin = rng.chance(0.5) && b.latin !== undefined;
  return {
    text: latin ? b.latin! : native,
    spoken: native,
    type: 'brand',
    value: b.id,
    latinOk: latin,
  };
}

function person(ctx: FillContext): FilledSlot {
  const p = ctx.rng.pick(ctx.pools.persons);
  return { text: p.native[0], spoken: p.native[0], type: 'person', value: p.id, latinOk: false };
}

function loanword(ctx: FillContext): FilledSlot {
  const { rng } = ctx;
  const w = rng.pick(ctx.pools.loanwords);
  const latin = rng.chance(0.5);
  return {
    text: latin ? w.latin! : w.native[0],
    spoken: w.native[0],
    type: 'loanword',
    value: w.latin!,
    latinOk: latin,
  };
}

const pad = (n: number): string => String(n).padStart(2, '0');

function date(ctx: FillContext): FilledSlot {
  const { rng, lang } = ctx;
  const y = rng.int(2024, 2027);
  const m = rng.int(1, 12);
  const d = rng.int(1, 28);
  const iso = `${y}-${pad(m)}-${pad(d)}`;
  const month = ctx.pools.months[m - 1];
  const text = rng.chance(0.6) && month ? `${d} ${month} ${y}` : `${pad(d)}/${pad(m)}/${y}`;
  return { text, spoken: verbalizeDate(iso, lang), type: 'date', value: iso, latinOk: false };
}

function time(ctx: FillContext): FilledSlot {
  const { rng, lang } = ctx;
  const h24 = rng.int(6, 22);
  // Hindi says quarter hours (सवा, साढ़े, पौने); in Telugu and Tamil the
  // engine reads whole hours only (గంటలు / மணி with minutes is not read back).
  // पौने एक (12:45) is not read back by the engine: no quarter-to at noon or midnight.
  const min = lang === 'hi' ? rng.pick(h24 === 12 ? [0, 15, 30] : [0, 15, 30, 45]) : 0;
  const hhmm = `${pad(h24)}:${pad(min)}`;
  const spoken = verbalizeTime(hhmm, lang);
  const dayPart = spoken.split(' ')[0];
  const h12 = h24 % 12 === 0 ? 12 : h24 % 12;
  const clock = min === 0 && lang === 'hi' ? String(h12) : `${h12}:${pad(min)}`;
  const text = lang === 'hi' ? `${dayPart} ${clock} बजे` : `${dayPart} ${clock}`;
  // The engine's time value is the clock reading without the day part (12-hour).
  return { text, spoken, type: 'time', value: `${pad(h12)}:${pad(min)}`, latinOk: false };
}

function upiId(ctx: FillContext): FilledSlot {
  const { rng } = ctx;
  const name = rng.pick(ctx.pools.upiNames);
  const local = rng.chance(0.5) ? name : `${name}.${rng.pick(ctx.pools.upiNames)}`;
  const id = `${local}${rng.pick(ctx.pools.upiSuffixes)}`;
  return { text: id, spoken: id, type: 'upi_id', value: id, latinOk: true };
}

const FILLERS: Partial<Record<SlotName, (ctx: FillContext) => FilledSlot>> = {
  phone,
  otp: (c) => digitRun(c, 'otp'),
  account: (c) => digitRun(c, 'account'),
  pincode,
  amount,
  house_number: houseNumber,
  place,
  brand,
  person,
  loanword,
  date,
  time,
  upi_id: upiId,
};

export function fillSlot(slot: SlotName, ctx: FillContext): FilledSlot {
  const f = FILLERS[slot];
  if (!f) throw new Error(`generate: no filler for slot {${slot}}`);
  return draw(ctx, () => f(ctx));
}
