/**
 * Translating JSONL rows (`charkha translate`): each row's entities (its
 * `entity_tokens`, or the tagger's) are protected with placeholders, the
 * sentences translated in batches by one engine, the entities restored in
 * the target's conventions and checked for survival. Rows keep their ids and
 * order; every survival failure is in the row, with the problems named.
 */
import type { LooseRow } from '../entities/jsonl-rows.js';
import { UserError } from '../contract/errors.js';
import type { EntityToken } from '../metrics/ehr/value-spans.js';
import type { ModelRegistry } from '../models/registry.js';
import type { TranslateOptions } from '../mt/engine.js';
import { openMtEngine } from '../mt/open.js';
import { protectEntities } from '../mt/protect.js';
import type { ProtectedText } from '../mt/protect.js';
import { restoreEntities } from '../mt/restore.js';
import type { RestoredEntity } from '../mt/restore.js';

export interface TranslateRowsInput {
  /** Rows with `id` and `text`, optionally `lang` and `entity_tokens`, read from `file`. */
  rows: readonly LooseRow[];
  file: string;
  model: string;
  from: string;
  to: string;
  options?: TranslateOptions;
  registry?: ModelRegistry;
}

export interface TranslatedRow {
  id: string;
  lang: string;
  source_lang: string;
  source_text: string;
  translation: string;
  /** The restored entities where the check found them, as spans of `translation`. */
  entity_tokens: EntityToken[];
  entities: RestoredEntity[];
  /** Every entity came back once and was found in the translation. */
  survival_ok: boolean;
  problems: string[];
}

export interface TranslateRowsResult {
  rows: TranslatedRow[];
  entities: number;
  survived: number;
  flagged: number;
}

function checkRows(rows: readonly LooseRow[], file: string, from: string): void {
  const seen = new Set<string>();
  rows.forEach((r, i) => {
    const at = `${file}: row ${i + 1}`;
    if (typeof r.id !== 'string' || r.id === '') {
      throw new UserError('bad_input', `${at}: field "id" must be a non-empty string`);
    }
    if (seen.has(r.id)) throw new UserError('bad_input', `${at}: id "${r.id}" repeated`);
    seen.add(r.id);
    if (r.lang !== undefined && r.lang !== from) {
      throw new UserError(
        'bad_input',
        `${at}: field "lang" is "${String(r.lang)}", not --from ${from}`,
      );
    }
    if (r.entity_tokens !== undefined && !Array.isArray(r.entity_tokens)) {
      throw new UserError('bad_input', `${at}: field "entity_tokens" must be an array`);
    }
  });
}

export async function translateRows(input: TranslateRowsInput): Promise<TranslateRowsResult> {
  const { rows, file, from, to } = input;
  checkRows(rows, file, from);
  const prepared: ProtectedText[] = rows.map((r) =>
    protectEntities(r.text as string, from, (r.entity_tokens as EntityToken[] | undefined) ?? null),
  );
  const engine = await openMtEngine(
    input.model,
    input.registry ? { registry: input.registry } : {},
  );
  let outputs: string[];
  try {
    outputs = await engine.translate(
      prepared.map((p) => p.text),
      from,
      to,
      input.options,
    );
  } finally {
    await engine.close();
  }
  const out = rows.map((r, i): TranslatedRow => {
    const restored = restoreEntities(outputs[i], prepared[i], to);
    return {
      id: r.id as string,
      lang: to,
      source_lang: from,
      source_text: r.text as string,
      translation: restored.text,
      entity_tokens: restored.entities.flatMap((e) =>
        e.found !== null && e.start !== null && e.end !== null
          ? [{ surface: e.found, start: e.start, end: e.end, type: e.type, value: e.value }]
          : [],
      ),
      entities: restored.entities,
      survival_ok: restored.ok,
      problems: restored.problems,
    };
  });
  const all = out.flatMap((r) => r.entities);
  return {
    rows: out,
    entities: all.length,
    survived: all.filter((e) => e.survived).length,
    flagged: out.filter((r) => !r.survival_ok).length,
  };
}
