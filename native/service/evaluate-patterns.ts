import type { EntityPatterns, ErrorPattern, PatternEntity } from '../contract/evaluate.js';
import type { OutcomeClass } from '../contract/runs.js';
import { classifyEntityError } from '../metrics/entity-error-pattern.js';
import type { Project } from '../store/project.js';

/** Every entity of one type in a run, the ones not hit grouped by error pattern, largest group first. */
export function entityPatterns(project: Project, runId: number, type: string): EntityPatterns {
  const rows = project.db
    .prepare<[number, string], PatternEntity>(
      `SELECT u.id AS utteranceId, u.ext_id AS extId, u.lang, u.audio_id AS audioId, s.surface, s.value,
              o.outcome, o.hyp_window AS hypWindow
       FROM entity_outcomes o JOIN entity_spans s ON s.id = o.span_id JOIN utterances u ON u.id = s.utterance_id
       WHERE o.run_id = ? AND s.type = ? ORDER BY u.id, s.ord`,
    )
    .all(runId, type);
  const groups = new Map<ErrorPattern, PatternEntity[]>();
  let hits = 0;
  for (const r of rows) {
    const pattern = classifyEntityError({ ...r, type, outcome: r.outcome as OutcomeClass });
    if (pattern === null) {
      hits++;
      continue;
    }
    const g = groups.get(pattern) ?? [];
    g.push(r);
    groups.set(pattern, g);
  }
  return {
    type,
    total: rows.length,
    hits,
    groups: [...groups]
      .map(([pattern, entities]) => ({ pattern, count: entities.length, entities }))
      .sort((a, b) => b.count - a.count || a.pattern.localeCompare(b.pattern)),
  };
}
