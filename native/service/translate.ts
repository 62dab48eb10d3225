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
import { translateOnce } from '../mt/open.js';
import { protectEntities } from '../mt/protect.js';
import type { ProtectedText } from '../mt/protect.js';
import { restoreEntities } from '../mt/restore.js';
import type { Restored, RestoredEntity } from '../mt/restore.js';
import type { AnnotationRepo, Segment, Tier } from '../store/annotation-repo.js';
import { cpSlice } from '../text/code-points.js';

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

/** One sentence to translate: its text and entity tags (none given: the tagger's). */
interface Sentence {
  text: string;
  spans: readonly EntityToken[] | null;
}

/** Protects, translates with one engine, restores and checks `sentences`, in order. */
async function translateSentences(
  sentences: readonly Sentence[],
  input: Pick<TranslateRowsInput, 'model' | 'from' | 'to' | 'options' | 'registry'>,
): Promise<Restored[]> {
  // Published rows and fresh segments often carry no tags at all: the tagger finds them.
  const prepared: ProtectedText[] = sentences.map((s) =>
    protectEntities(s.text, input.from, s.spans?.length ? s.spans : null),
  );
  const outputs = await translateOnce(
    input.model,
    prepared.map((p) => p.text),
    input.from,
    input.to,
    input.options,
    input.registry,
  );
  return prepared.map((p, i) => restoreEntities(outputs[i], p, input.to));
}

/** The restored entities the check found, as spans of the translation. */
function foundSpans(r: Restored): EntityToken[] {
  return r.entities.flatMap((e) =>
    e.found !== null && e.start !== null && e.end !== null
      ? [{ surface: e.found, start: e.start, end: e.end, type: e.type, value: e.value }]
      : [],
  );
}

export async function translateRows(input: TranslateRowsInput): Promise<TranslateRowsResult> {
  const { rows, file, from, to } = input;
  checkRows(rows, file, from);
  const restored = await translateSentences(
    rows.map((r) => ({
      text: r.text as string,
      spans: (r.entity_tokens as EntityToken[] | undefined) ?? null,
    })),
    input,
  );
  const out = rows.map((r, i): TranslatedRow => ({
    id: r.id as string,
    lang: to,
    source_lang: from,
    source_text: r.text as string,
    translation: restored[i].text,
    entity_tokens: foundSpans(restored[i]),
    entities: restored[i].entities,
    survival_ok: restored[i].ok,
    problems: restored[i].problems,
  }));
  const all = out.flatMap((r) => r.entities);
  return {
    rows: out,
    entities: all.length,
    survived: all.filter((e) => e.survived).length,
    flagged: out.filter((r) => !r.survival_ok).length,
  };
}

export interface TranslateTierInput extends Omit<TranslateRowsInput, 'rows' | 'file'> {
  /** Name of the translation tier written next to each recording's transcript tier. */
  tier: string;
  author?: string;
}

export interface TranslateTierResult {
  recordings: number;
  segments: number;
  entities: number;
  survived: number;
  /** Segments whose entities did not all come back: `audio id/segment id: problems`. */
  flagged: string[];
}

/**
 * Translates the transcript tier of every recording of a project into a
 * translation tier (child of the transcript tier), one segment per
 * transcript segment with the same times; a segment already there at those
 * times is updated. Restored entities become the segments' entity spans.
 */
export async function translateProjectTier(
  annotations: AnnotationRepo,
  audioIds: readonly number[],
  input: TranslateTierInput,
): Promise<TranslateTierResult> {
  const work: { audioId: number; source: Tier; segment: Segment }[] = [];
  for (const audioId of audioIds) {
    const source = annotations.listTiers(audioId).find((t) => t.kind === 'transcript');
    if (!source) continue;
    for (const segment of annotations.listSegments(source.id)) {
      if (segment.text.trim() !== '') work.push({ audioId, source, segment });
    }
  }
  const restored = await translateSentences(
    work.map(({ segment: s }) => ({
      text: s.text,
      spans: s.entities.map((e) => ({
        surface: cpSlice(s.text, e.start, e.end),
        start: e.start,
        end: e.end,
        type: e.type,
        value: e.value,
      })),
    })),
    input,
  );
  const author = input.author ?? `mt:${input.model}`;
  const flagged: string[] = [];
  const tiers = new Map<number, Tier>();
  // A translation tier's segments by their times, read once per tier (not once per segment).
  const existing = new Map<number, Map<string, number>>();
  const at = (start: number, end: number): string => `${start}|${end}`;
  work.forEach(({ audioId, source, segment }, i) => {
    let tier =
      tiers.get(audioId) ?? annotations.listTiers(audioId).find((t) => t.name === input.tier);
    tier ??= annotations.createTier(audioId, {
      name: input.tier,
      kind: 'translation',
      parentId: source.id,
    });
    if (tier.kind !== 'translation') {
      throw new UserError(
        'conflict',
        `recording ${audioId} has a tier "${input.tier}" that is not a translation tier`,
      );
    }
    tiers.set(audioId, tier);
    const r = restored[i];
    let bySpan = existing.get(tier.id);
    if (!bySpan) {
      bySpan = new Map(annotations.listSegments(tier.id).map((s) => [at(s.start, s.end), s.id]));
      existing.set(tier.id, bySpan);
    }
    const there = bySpan.get(at(segment.start, segment.end));
    const seg =
      there !== undefined
        ? annotations.updateSegment(there, { text: r.text, machine: true }, author)
        : annotations.addSegment(
            tier.id,
            { start: segment.start, end: segment.end, text: r.text, machine: true },
            author,
          );
    bySpan.set(at(segment.start, segment.end), seg.id);
    annotations.setSegmentEntities(
      seg.id,
      foundSpans(r).map((e) => ({
        type: e.type,
        start: e.start,
        end: e.end,
        value: e.value ?? null,
      })),
      author,
    );
    if (!r.ok) flagged.push(`${audioId}/${segment.id}: ${r.problems.join('; ')}`);
  });
  const all = restored.flatMap((r) => r.entities);
  return {
    recordings: tiers.size,
    segments: work.length,
    entities: all.length,
    survived: all.filter((e) => e.survived).length,
    flagged,
  };
}
