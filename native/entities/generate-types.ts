import type { TemplateClass } from './lexicon-schema.js';

/** Types of the generated corpus rows (spec/metrics.md §6 "Generated rows"). */

export type Split = 'train' | 'test';

/** A typed span, code-point offsets, with the canonical value the EHR engine reads. */
export interface GeneratedSpan {
  surface: string;
  start: number;
  end: number;
  type: string;
  subtype?: string;
  value: string;
}

export interface GeneratedRow {
  id: string;
  lang: string;
  entity_class: TemplateClass;
  text: string;
  spoken: string;
  entity_tokens: GeneratedSpan[];
  spoken_tokens: GeneratedSpan[];
  template_id: string;
  split: Split;
  seed: number;
}

/** What one slot filler produces: the written and the spoken form of one entity. */
export interface FilledSlot {
  text: string;
  spoken: string;
  type: string;
  subtype?: string;
  value: string;
  /** Latin letters here are intended (brand, loanword, UPI id, code-mix numerals). */
  latinOk: boolean;
}

export interface GenerateConfig {
  langs: readonly string[];
  count: number;
  seed: number;
  classes?: readonly TemplateClass[];
  split?: Split | 'both';
  /** Share of test rows when split is 'both' (default 0.2). */
  testShare?: number;
  /**
   * Fill every slot with plain words of the language instead of an entity:
   * the same templates and row count, no spans (the entity-free control).
   */
  plainSlots?: boolean;
  /**
   * A lexicon folder whose `templates.json` replaces the language's own (one
   * language only): machine-translated templates under review are tried
   * out this way before they move into `assets/lexicons/`.
   */
  templatesDir?: string;
}

export interface GenerateSummary {
  rows: number;
  by_lang: Record<string, number>;
  by_class: Record<string, number>;
  by_type: Record<string, number>;
  by_split: Record<string, number>;
  /** Must all be zero: templates and slot values shared by train and test rows. */
  overlap: { templates: number; values: number; sentences: number };
  retries: number;
  skipped_templates: string[];
}
