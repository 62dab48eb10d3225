import { UserError } from '../contract/errors.js';
import { parseNumberPhrase } from '../text/numbers/index.js';
import { poolsFor } from './generate-pools.js';
import { UNSUPPORTED_SLOTS } from './generate-fillers.js';
import { hash32, makeRng, rowSeed } from './generate-rng.js';
import { RowRejected } from './generate-rejected.js';
import { assembleRow } from './generate-row.js';
import { rowSplit, templateSplit } from './generate-splits.js';
import type { GenerateConfig, GeneratedRow, GenerateSummary, Split } from './generate-types.js';
import { plainSentence } from './plain-words.js';
import { lexiconLanguages, loadTemplates, type TemplateEntry } from './lexicon.js';
import { templateClasses, type TemplateClass } from './lexicon-schema.js';

/**
 * The entity-dense corpus generator: rows balanced over languages and
 * classes, deterministic for a config and seed, deduplicated by text, with
 * train and test splits that share no template and no entity value.
 */

const MAX_ATTEMPTS = 200;
const RELAX_FIT_AFTER = 100;

interface LangTemplates {
  byClassSplit: Map<string, TemplateEntry[]>;
  skipped: string[];
}

const NUMERIC_SLOT = /\{(phone|otp|account|pincode|amount|house_number)\} (\S+)/gu;

/**
 * Template shapes whose entity the EHR engine cannot read back to its
 * value, so rows from them would be wrong references: a digit slot right
 * before a number word ("{otp} दस मिनट" widens to 20609810), a UPI id
 * followed by a Tamil hyphen case ("{upi_id}-க்கு" reads as part of the id).
 */
export function unreadableTemplate(text: string, lang: string): boolean {
  if (/\{upi_id\}-/u.test(text)) return true;
  for (const m of text.matchAll(NUMERIC_SLOT)) {
    const word = m[2].replace(/[\p{P}]+$/u, '');
    if (parseNumberPhrase([word], lang) !== null) return true;
  }
  return false;
}

const templateCache = new Map<string, LangTemplates>();

function templatesOf(lang: string, folder?: string): LangTemplates {
  const key = folder === undefined ? lang : `${lang}\0${folder}`;
  const hit = templateCache.get(key);
  if (hit) return hit;
  const byClassSplit = new Map<string, TemplateEntry[]>();
  const skipped: string[] = [];
  for (const t of loadTemplates(lang, folder)) {
    if (t.slots.some((s) => UNSUPPORTED_SLOTS.includes(s)) || unreadableTemplate(t.text, lang)) {
      skipped.push(t.id);
      continue;
    }
    const key = `${t.class}:${templateSplit(t.id)}`;
    const list = byClassSplit.get(key) ?? [];
    list.push(t);
    byClassSplit.set(key, list);
  }
  const lt = { byClassSplit, skipped };
  templateCache.set(key, lt);
  return lt;
}

function checkConfig(c: GenerateConfig): void {
  const known = lexiconLanguages();
  for (const l of c.langs) {
    if (!known.includes(l)) {
      throw new UserError('bad_input', `--lang: no lexicon for "${l}" (have ${known.join(', ')})`);
    }
  }
  if (c.langs.length === 0) throw new UserError('bad_input', '--lang: give at least one language');
  if (c.templatesDir !== undefined && c.langs.length !== 1) {
    throw new UserError('bad_input', '--templates: give exactly one language with --lang');
  }
  if (!Number.isSafeInteger(c.count) || c.count < 0) {
    throw new UserError('bad_input', `--count: expected a non-negative integer, got ${c.count}`);
  }
  if (!Number.isSafeInteger(c.seed))
    throw new UserError('bad_input', `--seed: expected an integer, got ${c.seed}`);
  for (const k of c.classes ?? []) {
    if (!templateClasses.includes(k)) {
      throw new UserError(
        'bad_input',
        `--classes: unknown class "${k}" (one of ${templateClasses.join(', ')})`,
      );
    }
  }
}

function bump(r: Record<string, number>, k: string): void {
  r[k] = (r[k] ?? 0) + 1;
}

/** Generates rows one by one (for streaming to a file); `summary` is filled as they come. */
export function* generateRows(
  config: GenerateConfig,
  summary?: GenerateSummary,
): Generator<GeneratedRow> {
  checkConfig(config);
  // A folder under review is being edited between runs: read it afresh.
  if (config.templatesDir !== undefined)
    templateCache.delete(`${config.langs[0]}\0${config.templatesDir}`);
  const classes: readonly TemplateClass[] = config.classes?.length
    ? config.classes
    : templateClasses;
  const mode = config.split ?? 'both';
  const testShare = config.testShare ?? 0.2;
  const seen = new Set<string>();
  const values: Record<Split, Set<string>> = { train: new Set(), test: new Set() };
  const tpls: Record<Split, Set<string>> = { train: new Set(), test: new Set() };
  const texts: Record<Split, Set<string>> = { train: new Set(), test: new Set() };
  const L = config.langs.length;
  for (let i = 0; i < config.count; i++) {
    const lang = config.langs[i % L];
    const cls = classes[Math.floor(i / L) % classes.length];
    const split: Split = mode === 'both' ? rowSplit(i, testShare) : mode;
    const list = templatesOf(lang, config.templatesDir).byClassSplit.get(`${cls}:${split}`) ?? [];
    if (list.length === 0) {
      throw new UserError('bad_input', `${lang}: no ${split} templates of class ${cls}`);
    }
    const pools = poolsFor(lang);
    let row: GeneratedRow | undefined;
    let slotValues: string[] = [];
    for (let attempt = 0; attempt < MAX_ATTEMPTS && !row; attempt++) {
      const seed = rowSeed(config.seed, i, attempt);
      const rng = makeRng(seed);
      const tpl = rng.pick(list);
      const english = (cls === 'codemix' || cls === 'mixed') && rng.chance(0.3);
      try {
        // After many duplicate draws the fitting brands of this split are used up:
        // a less fitting brand is better than no row (the test split is small).
        const a = assembleRow(tpl, lang, pools, rng, split, english, attempt >= RELAX_FIT_AFTER);
        if (seen.has(a.text)) throw new RowRejected('duplicate text');
        seen.add(a.text);
        slotValues = a.slotValues;
        row = {
          id: `${lang}-${config.seed}-${String(i).padStart(6, '0')}`,
          lang,
          entity_class: cls,
          text: a.text,
          spoken: a.spoken,
          entity_tokens: a.entity_tokens,
          spoken_tokens: a.spoken_tokens,
          template_id: tpl.id,
          split,
          seed,
        };
        // The dense draw picks the template (and deduplicates), so both modes share it.
        if (config.plainSlots) row = plainRow(row, tpl, lang, a.slotSpoken);
      } catch (e) {
        if (!(e instanceof RowRejected)) throw e;
        if (summary) summary.retries++;
      }
    }
    if (!row) {
      throw new UserError(
        'bad_input',
        `generate: row ${i} (${lang}, ${cls}, ${split}): no new sentence after ${MAX_ATTEMPTS} draws; ask for fewer rows or more classes`,
      );
    }
    if (summary) {
      summary.rows++;
      bump(summary.by_lang, lang);
      bump(summary.by_class, cls);
      bump(summary.by_split, split);
      for (const t of row.entity_tokens) bump(summary.by_type, t.type);
      const other: Split = split === 'test' ? 'train' : 'test';
      if (!tpls[split].has(row.template_id) && tpls[other].has(row.template_id))
        summary.overlap.templates++;
      tpls[split].add(row.template_id);
      for (const v of slotValues) {
        if (!values[split].has(v) && values[other].has(v)) summary.overlap.values++;
        values[split].add(v);
      }
      if (texts[other].has(row.text)) summary.overlap.sentences++;
      texts[split].add(row.text);
    }
    yield row;
  }
  if (summary) {
    const skipped: string[] = [];
    for (const l of config.langs) skipped.push(...templatesOf(l, config.templatesDir).skipped);
    summary.skipped_templates = skipped;
  }
}

function plainRow(
  row: GeneratedRow,
  tpl: TemplateEntry,
  lang: string,
  slotSpoken: readonly string[],
): GeneratedRow {
  const text = plainSentence(tpl, lang, slotSpoken, makeRng(hash32(`plain:${row.seed}`)));
  return { ...row, text, spoken: text, entity_tokens: [], spoken_tokens: [] };
}

export function emptySummary(): GenerateSummary {
  return {
    rows: 0,
    by_lang: {},
    by_class: {},
    by_type: {},
    by_split: {},
    overlap: { templates: 0, values: 0, sentences: 0 },
    retries: 0,
    skipped_templates: [],
  };
}

/** All rows and the summary at once. */
export function generateCorpus(config: GenerateConfig): {
  rows: GeneratedRow[];
  summary: GenerateSummary;
} {
  const summary = emptySummary();
  const rows = [...generateRows(config, summary)];
  return { rows, summary };
}

/** One row per line, keys in a fixed order: byte-identical for the same config. */
export function rowsToJsonl(rows: readonly GeneratedRow[]): string {
  return rows.map((r) => `${JSON.stringify(r)}\n`).join('');
}
