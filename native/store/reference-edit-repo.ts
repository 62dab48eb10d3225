import type { ReferenceEdit } from '../contract/evaluate.js';
import type { Db } from './database.js';

export interface SpanPlacement {
  spanId: number;
  start: number;
  end: number;
  surface: string;
  value: string | null;
}

export interface NewReferenceEdit {
  utteranceId: number;
  author: string;
  at: string;
  before: string;
  after: string;
  beforeSpans: SpanPlacement[];
  afterSpans: SpanPlacement[];
  /** The spoken form and its spans before and after, where the fix changes it. */
  spoken: {
    before: string;
    after: string;
    beforeSpans: SpanPlacement[];
    afterSpans: SpanPlacement[];
  } | null;
  note: string | null;
}

type Outcome = Pick<ReferenceEdit, 'rescored' | 'kept'>;

interface EditRow {
  id: number;
  utterance_id: number;
  ext_id: string;
  author: string;
  at: string;
  before_text: string;
  after_text: string;
  spoken_before: string | null;
  spoken_after: string | null;
  note: string | null;
  rescored_json: string;
  kept_json: string;
}

// Edits recorded before the spoken form could be fixed only changed the written text.
function rescoredOf(json: string): ReferenceEdit['rescored'] {
  return (JSON.parse(json) as ReferenceEdit['rescored']).map((r) => ({
    ...r,
    reference: r.reference ?? 'text',
  }));
}

/** The history of corrected references: who changed which text, when, from what to what. */
export class ReferenceEditRepo {
  constructor(private readonly db: Db) {}

  /**
   * Writes the new text and span placements and records the edit, in one
   * transaction; the caller rescoring runs afterwards fills `rescored`.
   */
  apply(e: NewReferenceEdit): number {
    return this.db.transaction(() => {
      this.db
        .prepare('UPDATE utterances SET text = ?, edited = 1 WHERE id = ?')
        .run(e.after, e.utteranceId);
      const span = this.db.prepare(
        'UPDATE entity_spans SET start = @start, end = @end, surface = @surface, value = @value, value_start = NULL, value_end = NULL WHERE id = @spanId',
      );
      for (const s of e.afterSpans) span.run(s);
      if (e.spoken) {
        this.db
          .prepare('UPDATE utterances SET spoken = ? WHERE id = ?')
          .run(e.spoken.after, e.utteranceId);
        for (const s of e.spoken.afterSpans) span.run(s);
      }
      return Number(
        this.db
          .prepare(
            `INSERT INTO reference_edits (utterance_id, author, at, before_text, after_text, before_spans, after_spans,
               spoken_before, spoken_after, spoken_before_spans, spoken_after_spans, note)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(
            e.utteranceId,
            e.author,
            e.at,
            e.before,
            e.after,
            JSON.stringify(e.beforeSpans),
            JSON.stringify(e.afterSpans),
            e.spoken?.before ?? null,
            e.spoken?.after ?? null,
            e.spoken ? JSON.stringify(e.spoken.beforeSpans) : null,
            e.spoken ? JSON.stringify(e.spoken.afterSpans) : null,
            e.note,
          ).lastInsertRowid,
      );
    })();
  }

  setRescored(id: number, { rescored, kept }: Outcome): void {
    this.db
      .prepare('UPDATE reference_edits SET rescored_json = ?, kept_json = ? WHERE id = ?')
      .run(JSON.stringify(rescored), JSON.stringify(kept), id);
  }

  list(utteranceId?: number): ReferenceEdit[] {
    const rows = this.db
      .prepare<Record<string, unknown>, EditRow>(
        `SELECT e.*, u.ext_id FROM reference_edits e JOIN utterances u ON u.id = e.utterance_id
         ${utteranceId === undefined ? '' : 'WHERE e.utterance_id = @utteranceId'} ORDER BY e.id DESC`,
      )
      .all(utteranceId === undefined ? {} : { utteranceId });
    return rows.map((r) => ({
      id: r.id,
      utteranceId: r.utterance_id,
      extId: r.ext_id,
      author: r.author,
      at: r.at,
      before: r.before_text,
      after: r.after_text,
      spokenBefore: r.spoken_before,
      spokenAfter: r.spoken_after,
      forms: [
        ...(r.before_text !== r.after_text ? (['text'] as const) : []),
        ...(r.spoken_after !== null ? (['spoken'] as const) : []),
      ],
      note: r.note,
      rescored: rescoredOf(r.rescored_json),
      kept: JSON.parse(r.kept_json) as ReferenceEdit['kept'],
    }));
  }
}
