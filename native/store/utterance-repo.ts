import type { EntitySpan, EntityType, Utterance, UtteranceQuery } from '../contract/corpus.js';
import type { Lang, Split } from '../contract/common.js';
import type { Db } from './database.js';

export interface NewSpan {
  tier: 'text' | 'spoken';
  ord: number;
  type: EntityType;
  originalType: string;
  subtype: string | null;
  start: number;
  end: number;
  surface: string;
  value: string | null;
  valueStart: number | null;
  valueEnd: number | null;
  rawJson: string | null;
}

export interface NewUtterance {
  extId: string;
  lang: Lang;
  text: string;
  spoken: string | null;
  entityClass: string | null;
  split: Split;
  source: string | null;
  system: string | null;
  audioId: number | null;
  rawJson: string | null;
  spans: NewSpan[];
}

interface UtteranceRow {
  id: number;
  ext_id: string;
  lang: Lang;
  text: string;
  spoken: string | null;
  entity_class: string | null;
  split: Split;
  source: string | null;
  system: string | null;
  audio_id: number | null;
  raw_json: string | null;
  edited: number;
}

export interface SpanRow {
  id: number;
  utterance_id: number;
  tier: 'text' | 'spoken';
  ord: number;
  type: EntityType;
  original_type: string;
  subtype: string | null;
  start: number;
  end: number;
  surface: string;
  value: string | null;
  value_start: number | null;
  value_end: number | null;
  raw_json: string | null;
}

export interface StoredUtterance extends Utterance {
  rawJson: string | null;
  edited: boolean;
  spokenEntities: EntitySpan[];
}

export function spanFromRow(s: SpanRow): EntitySpan {
  return {
    id: s.id,
    utteranceId: s.utterance_id,
    ord: s.ord,
    type: s.type,
    originalType: s.original_type,
    subtype: s.subtype,
    start: s.start,
    end: s.end,
    surface: s.surface,
    value: s.value,
  };
}

export class UtteranceRepo {
  private readonly insertUtt;
  private readonly insertSpan;
  private readonly byExt;
  private readonly byId;
  private readonly spansOf;
  private readonly spanById;

  constructor(private readonly db: Db) {
    this.insertUtt = db.prepare(
      `INSERT INTO utterances (ext_id, lang, text, spoken, entity_class, split, source, system, audio_id, raw_json, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.insertSpan = db.prepare(
      `INSERT INTO entity_spans (utterance_id, tier, ord, type, original_type, subtype, start, end, surface, value, value_start, value_end, raw_json)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.byExt = db.prepare<[string], UtteranceRow>('SELECT * FROM utterances WHERE ext_id = ?');
    this.byId = db.prepare<[number], UtteranceRow>('SELECT * FROM utterances WHERE id = ?');
    this.spansOf = db.prepare<[number], SpanRow>(
      'SELECT * FROM entity_spans WHERE utterance_id = ? ORDER BY tier, ord',
    );
    this.spanById = db.prepare<[number], SpanRow>('SELECT * FROM entity_spans WHERE id = ?');
  }

  /** Inserts one utterance with its spans; the caller owns the transaction. */
  insert(u: NewUtterance, createdAt = new Date().toISOString()): number {
    // Positional binds: this is the bulk-import hot path (bench/store-insert).
    const id = Number(
      this.insertUtt.run(
        u.extId,
        u.lang,
        u.text,
        u.spoken,
        u.entityClass,
        u.split,
        u.source,
        u.system,
        u.audioId,
        u.rawJson,
        createdAt,
      ).lastInsertRowid,
    );
    for (const s of u.spans) {
      this.insertSpan.run(
        id,
        s.tier,
        s.ord,
        s.type,
        s.originalType,
        s.subtype,
        s.start,
        s.end,
        s.surface,
        s.value,
        s.valueStart,
        s.valueEnd,
        s.rawJson,
      );
    }
    return id;
  }

  rawByExtId(extId: string): { id: number; rawJson: string | null } | null {
    const r = this.byExt.get(extId);
    return r ? { id: r.id, rawJson: r.raw_json } : null;
  }

  get(id: number): StoredUtterance | null {
    const r = this.byId.get(id);
    return r ? this.hydrate(r) : null;
  }

  getByExtId(extId: string): StoredUtterance | null {
    const r = this.byExt.get(extId);
    return r ? this.hydrate(r) : null;
  }

  span(id: number): SpanRow | null {
    return this.spanById.get(id) ?? null;
  }

  private hydrate(r: UtteranceRow): StoredUtterance {
    const spans = this.spansOf.all(r.id);
    return {
      id: r.id,
      extId: r.ext_id,
      lang: r.lang,
      text: r.text,
      spoken: r.spoken,
      entityClass: r.entity_class,
      split: r.split,
      source: r.source,
      system: r.system,
      audioId: r.audio_id,
      entities: spans.filter((s) => s.tier === 'text').map(spanFromRow),
      spokenEntities: spans.filter((s) => s.tier === 'spoken').map(spanFromRow),
      rawJson: r.raw_json,
      edited: r.edited === 1,
    };
  }

  query(
    q: Required<Omit<UtteranceQuery, 'text' | 'lang' | 'entityClass' | 'split'>> & UtteranceQuery,
  ): {
    total: number;
    rows: StoredUtterance[];
  } {
    const where: string[] = [];
    const params: Record<string, unknown> = {};
    if (q.text) {
      where.push(
        "(text LIKE @text ESCAPE '\\' OR ext_id LIKE @text ESCAPE '\\' OR spoken LIKE @text ESCAPE '\\')",
      );
      params.text = `%${q.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    }
    if (q.lang) {
      where.push('lang = @lang');
      params.lang = q.lang;
    }
    if (q.entityClass) {
      where.push('entity_class = @entityClass');
      params.entityClass = q.entityClass;
    }
    if (q.split) {
      where.push('split = @split');
      params.split = q.split;
    }
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const total = (
      this.db.prepare(`SELECT count(*) AS n FROM utterances ${clause}`).get(params) as { n: number }
    ).n;
    const rows = this.db
      .prepare<Record<string, unknown>, UtteranceRow>(
        `SELECT * FROM utterances ${clause} ORDER BY id LIMIT @limit OFFSET @offset`,
      )
      .all({ ...params, limit: q.limit, offset: q.offset });
    return { total, rows: rows.map((r) => this.hydrate(r)) };
  }

  /** Every utterance in id order, for export; streams so 100k rows stay cheap. */
  *iterate(): Generator<StoredUtterance> {
    const stmt = this.db.prepare<[], UtteranceRow>('SELECT * FROM utterances ORDER BY id');
    const rows = stmt.all();
    for (const r of rows) yield this.hydrate(r);
  }

  updateSpan(
    spanId: number,
    patch: { start: number; end: number; surface: string; type: EntityType; value: string | null },
  ): void {
    const span = this.spanById.get(spanId);
    if (!span) return;
    this.db.transaction(() => {
      this.db
        .prepare(
          'UPDATE entity_spans SET start = @start, end = @end, surface = @surface, type = @type, value = @value, value_start = NULL, value_end = NULL WHERE id = @id',
        )
        .run({ ...patch, id: spanId });
      this.db.prepare('UPDATE utterances SET edited = 1 WHERE id = ?').run(span.utterance_id);
    })();
  }

  count(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM utterances').get() as { n: number }).n;
  }

  countSpans(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM entity_spans').get() as { n: number }).n;
  }
}
