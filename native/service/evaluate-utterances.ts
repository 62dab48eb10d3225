import type { z } from 'zod';
import type {
  AlignedToken,
  EvalUtteranceDetail,
  EvalUtteranceFilter,
  EvalUtteranceRow,
} from '../contract/evaluate.js';
import { UserError } from '../contract/errors.js';
import type { OutcomeClass } from '../contract/runs.js';
import { align } from '../metrics/alignment.js';
import { classifyEntityError } from '../metrics/entity-error-pattern.js';
import { normalize, words, type Profile } from '../text/normalize.js';
import type { Project } from '../store/project.js';
import { entityStartFromWords } from './entity-time.js';
import { normalizedWordStarts, type HypWord } from './hypothesis-words.js';

type Filter = z.output<typeof EvalUtteranceFilter>;

const SORT_SQL: Record<Filter['sort'], string> = {
  id: 'u.id',
  wer: 'coalesce(us.wer, -1)',
  cer: 'coalesce(us.cer, -1)',
  duration: 'coalesce(a.duration_sec, -1)',
  errors:
    '(SELECT count(*) FROM entity_outcomes o2 JOIN entity_spans s2 ON s2.id = o2.span_id ' +
    "WHERE o2.run_id = us.run_id AND s2.utterance_id = u.id AND o2.outcome <> 'hit')",
};

/** The utterances one run scored, filtered and sorted, with the outcome of each entity that was not hit. */
export function queryEvalUtterances(
  project: Project,
  q: Filter,
): { total: number; rows: EvalUtteranceRow[] } {
  const where = ['us.run_id = @runId'];
  const params: Record<string, unknown> = { runId: q.runId };
  const add = (sql: string, key: string, v: unknown) => {
    if (v === undefined || v === '') return;
    where.push(sql);
    params[key] = v;
  };
  add('u.lang = @lang', 'lang', q.lang);
  add('u.entity_class = @entityClass', 'entityClass', q.entityClass);
  add('u.system = @system', 'system', q.system);
  add('us.wer >= @werMin', 'werMin', q.werMin);
  add('us.wer <= @werMax', 'werMax', q.werMax);
  add('a.duration_sec >= @durationMin', 'durationMin', q.durationMin);
  add('a.duration_sec <= @durationMax', 'durationMax', q.durationMax);
  if (q.entityType || q.outcome) {
    const cond = ['o.run_id = us.run_id', 's.utterance_id = u.id'];
    if (q.entityType) {
      cond.push('s.type = @entityType');
      params.entityType = q.entityType;
    }
    if (q.outcome === 'error') cond.push("o.outcome <> 'hit'");
    else if (q.outcome) {
      cond.push('o.outcome = @outcome');
      params.outcome = q.outcome;
    }
    where.push(
      `EXISTS (SELECT 1 FROM entity_outcomes o JOIN entity_spans s ON s.id = o.span_id WHERE ${cond.join(' AND ')})`,
    );
  }
  const from = `FROM utterance_scores us JOIN utterances u ON u.id = us.utterance_id
    LEFT JOIN audio a ON a.id = u.audio_id LEFT JOIN hypotheses h ON h.run_id = us.run_id AND h.utterance_id = u.id
    WHERE ${where.join(' AND ')}`;
  const total = (project.db.prepare(`SELECT count(*) AS n ${from}`).get(params) as { n: number }).n;
  const order = `${SORT_SQL[q.sort]} ${q.desc ? 'DESC' : 'ASC'}, u.id ASC`;
  const rows = project.db
    .prepare(
      `SELECT u.id AS utteranceId, u.ext_id AS extId, u.lang, u.entity_class AS entityClass, u.system,
              u.audio_id AS audioId, a.duration_sec AS durationSec, u.text, coalesce(h.text, '') AS hypothesis,
              us.wer, us.cer
       ${from} ORDER BY ${order} LIMIT @limit OFFSET @offset`,
    )
    .all({ ...params, limit: q.limit, offset: q.offset }) as Omit<
    EvalUtteranceRow,
    'entities' | 'hits' | 'errors' | 'alsoWer'
  >[];
  if (rows.length === 0) return { total, rows: [] };
  const ids = rows.map((r) => r.utteranceId);
  const marks = ids.map(() => '?').join(',');
  const outcomes = project.db
    .prepare(
      `SELECT s.utterance_id AS u, s.type, o.outcome FROM entity_outcomes o JOIN entity_spans s ON s.id = o.span_id
       WHERE o.run_id = ? AND s.utterance_id IN (${marks}) ORDER BY s.utterance_id, s.ord`,
    )
    .all(q.runId, ...ids) as { u: number; type: string; outcome: OutcomeClass }[];
  const also = q.alsoRunIds.map(
    (runId) =>
      new Map(
        (
          project.db
            .prepare(
              `SELECT utterance_id AS u, wer FROM utterance_scores WHERE run_id = ? AND utterance_id IN (${marks})`,
            )
            .all(runId, ...ids) as { u: number; wer: number | null }[]
        ).map((r) => [r.u, r.wer] as const),
      ),
  );
  return {
    total,
    rows: rows.map((r) => {
      const mine = outcomes.filter((o) => o.u === r.utteranceId);
      return {
        ...r,
        entities: mine.length,
        hits: mine.filter((o) => o.outcome === 'hit').length,
        errors: mine
          .filter((o) => o.outcome !== 'hit')
          .map((o) => ({ type: o.type, outcome: o.outcome })),
        alsoWer: also.map((m) => m.get(r.utteranceId) ?? null),
      };
    }),
  };
}

export function evalFacets(project: Project, runId: number) {
  const distinct = (sql: string) =>
    (project.db.prepare(sql).all(runId) as { v: string | null }[])
      .map((r) => r.v)
      .filter((v): v is string => v !== null && v !== '');
  const scored =
    'FROM utterance_scores us JOIN utterances u ON u.id = us.utterance_id WHERE us.run_id = ?';
  return {
    langs: distinct(`SELECT DISTINCT u.lang AS v ${scored} ORDER BY 1`),
    classes: distinct(`SELECT DISTINCT u.entity_class AS v ${scored} ORDER BY 1`),
    systems: distinct(`SELECT DISTINCT u.system AS v ${scored} ORDER BY 1`),
    types: distinct(
      `SELECT DISTINCT s.type AS v FROM entity_outcomes o JOIN entity_spans s ON s.id = o.span_id WHERE o.run_id = ? ORDER BY 1`,
    ),
  };
}

/**
 * Word alignment of a reference and a hypothesis as the scorer sees them
 * (normalised with the run's profile), each reference word tagged with the
 * entity spans (code points of the raw text) it lies in.
 */
export function alignedTokens(
  text: string,
  hypothesis: string,
  lang: string,
  profile: Profile,
  spans: readonly { spanId: number; start: number; end: number }[],
  /** Start times of the normalised hypothesis's words (from `normalizedWordStarts`). */
  hypStarts: readonly (number | null)[] = [],
): AlignedToken[] {
  const ref = normalize(text, lang, profile);
  const hyp = normalize(hypothesis, lang, profile);
  const rw = words(ref.text);
  const hw = words(hyp.text);
  const al = align(
    rw.map((w) => w.text),
    hw.map((w) => w.text),
  );
  const spansOf = (i: number): number[] => {
    const w = rw[i];
    const start = ref.map[w.start];
    const end = ref.map[w.end - 1] + 1;
    return spans.filter((s) => s.start < end && s.end > start).map((s) => s.spanId);
  };
  return al.ops.map((o) => ({
    op: o.op,
    ref: o.refIndex >= 0 ? rw[o.refIndex].text : null,
    hyp: o.hypIndex >= 0 ? hw[o.hypIndex].text : null,
    spanIds: o.refIndex >= 0 ? spansOf(o.refIndex) : [],
    hypStart: o.hypIndex >= 0 ? (hypStarts[o.hypIndex] ?? null) : null,
  }));
}

/** One utterance under each run: hypothesis, alignment, entity outcomes and their error patterns. */
export function evalUtteranceDetail(
  project: Project,
  utteranceId: number,
  runIds: number[],
): EvalUtteranceDetail {
  const u = project.utterances.get(utteranceId);
  if (!u) throw new UserError('not_found', `no utterance with id ${utteranceId}`);
  const duration = u.audioId === null ? null : (project.audio.get(u.audioId)?.durationSec ?? null);
  const length = Math.max(1, Array.from(u.text).length);
  const spans = u.entities.map((e) => ({ spanId: e.id, start: e.start, end: e.end }));
  const runs = runIds.flatMap((runId) => {
    const run = project.db
      .prepare<[number], { name: string; profile: string }>(
        'SELECT name, profile FROM eval_runs WHERE id = ?',
      )
      .get(runId);
    const h = project.db
      .prepare<[number, number], { text: string; words_json: string | null; wer: number | null }>(
        `SELECT h.text, h.words_json, us.wer FROM hypotheses h LEFT JOIN utterance_scores us ON us.run_id = h.run_id AND us.utterance_id = h.utterance_id
         WHERE h.run_id = ? AND h.utterance_id = ?`,
      )
      .get(runId, utteranceId);
    if (!run || !h) return [];
    const outcomes = project.db
      .prepare<
        [number, number],
        {
          spanId: number;
          outcome: OutcomeClass;
          hypWindow: string;
          type: string;
          surface: string;
          value: string | null;
        }
      >(
        `SELECT o.span_id AS spanId, o.outcome, o.hyp_window AS hypWindow, s.type, s.surface, s.value
         FROM entity_outcomes o JOIN entity_spans s ON s.id = o.span_id WHERE o.run_id = ? AND s.utterance_id = ? ORDER BY s.ord`,
      )
      .all(runId, utteranceId);
    return [
      {
        runId,
        name: run.name,
        hypothesis: h.text,
        wer: h.wer,
        tokens: alignedTokens(
          u.text,
          h.text,
          u.lang,
          run.profile as Profile,
          spans,
          h.words_json === null
            ? []
            : normalizedWordStarts(
                h.text,
                u.lang,
                run.profile as Profile,
                JSON.parse(h.words_json) as HypWord[],
              ),
        ),
        timed: h.words_json !== null,
        outcomes: outcomes.map((o) => ({
          spanId: o.spanId,
          outcome: o.outcome,
          hypWindow: o.hypWindow,
          pattern: classifyEntityError({ ...o, lang: u.lang }),
        })),
      },
    ];
  });
  const heard = (spanId: number) => {
    for (const r of runs) {
      if (!r.timed) continue;
      const sec = entityStartFromWords(r.tokens, spanId);
      if (sec !== null) return { startSec: sec, timing: 'words' as const, timedByRunId: r.runId };
    }
    return null;
  };
  return {
    utteranceId: u.id,
    extId: u.extId,
    lang: u.lang,
    text: u.text,
    spoken: u.spoken,
    audioId: u.audioId,
    durationSec: duration,
    entities: u.entities.map((e) => ({
      spanId: e.id,
      type: e.type,
      surface: e.surface,
      value: e.value,
      start: e.start,
      end: e.end,
      // Without word times the entity's place in the text stands in for its place in time.
      ...(heard(e.id) ?? {
        startSec: duration === null ? null : Math.max(0, (e.start / length) * duration - 0.3),
        timing: 'estimate' as const,
        timedByRunId: null,
      }),
    })),
    runs: runs.map(({ timed: _timed, ...r }) => r),
  };
}
