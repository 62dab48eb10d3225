import { userInfo } from 'node:os';
import type { FixReferenceRequest, ReferenceEdit } from '../contract/evaluate.js';
import { UserError } from '../contract/errors.js';
import type { Profile } from '../text/normalize.js';
import { cpLength, cpSlice } from '../text/code-points.js';
import type { Project } from '../store/project.js';
import { ReferenceEditRepo, type SpanPlacement } from '../store/reference-edit-repo.js';
import type { StoredUtterance } from '../store/utterance-repo.js';
import { refRowOf, scoreForStore, type ReferenceTier } from './eval-import.js';

/**
 * Where each span of `before` lies in `after`, for one contiguous edit (the
 * common prefix and suffix are kept): spans before the change stay, spans
 * after it shift, a span the change touches grows or shrinks to cover it.
 */
export function remapSpans(
  before: string,
  after: string,
  spans: readonly { spanId: number; start: number; end: number; value: string | null }[],
): SpanPlacement[] {
  const b = Array.from(before);
  const a = Array.from(after);
  let p = 0;
  while (p < b.length && p < a.length && b[p] === a[p]) p++;
  let s = 0;
  while (s < b.length - p && s < a.length - p && b[b.length - 1 - s] === a[a.length - 1 - s]) s++;
  const bEnd = b.length - s;
  const aEnd = a.length - s;
  const delta = a.length - b.length;
  return spans.map((sp) => {
    let start: number;
    let end: number;
    if (sp.end <= p) {
      start = sp.start;
      end = sp.end;
    } else if (sp.start >= bEnd) {
      start = sp.start + delta;
      end = sp.end + delta;
    } else {
      start = sp.start <= p ? sp.start : Math.min(sp.start, aEnd);
      end = sp.end >= bEnd ? sp.end + delta : aEnd;
      if (end < start) end = start;
    }
    const surface = a.slice(start, end).join('');
    const oldSurface = b.slice(sp.start, sp.end).join('');
    // A digit value follows the digits of its surface; a canonical id (brand, place) stays.
    const value =
      surface !== oldSurface && sp.value !== null && /^\d+$/.test(sp.value)
        ? surface.replace(/\D/g, '') || null
        : sp.value;
    return { spanId: sp.spanId, start, end, surface, value };
  });
}

/** Scores a stored run again against the project's current references, in place. */
export async function rescoreRun(project: Project, runId: number): Promise<void> {
  const run = project.db
    .prepare<
      [number],
      {
        profile: string;
        system: string | null;
        test_set: string | null;
        compat: string | null;
        reference: ReferenceTier;
      }
    >('SELECT profile, system, test_set, compat, reference FROM eval_runs WHERE id = ?')
    .get(runId);
  if (!run) throw new UserError('not_found', `no evaluation run with id ${runId}`);
  // A paper-compatible run reproduces a published scorer on the published text: it stays as scored.
  if (run.compat) return;
  const hyps = project.db
    .prepare<[number], { utterance_id: number; text: string }>(
      'SELECT utterance_id, text FROM hypotheses WHERE run_id = ? ORDER BY utterance_id',
    )
    .all(runId);
  const stored = hyps.map((h) => project.utterances.get(h.utterance_id)!);
  // A run scored against the spoken form (what a voice said) is rescored against it, not the written text.
  const refs = stored.map((u) => refRowOf(u, 'project', run.test_set, run.reference));
  const byExt = new Map(stored.map((u, i) => [u.extId, hyps[i].text] as const));
  const scored = await scoreForStore({
    stored,
    refs,
    hyps: byExt,
    reference: run.reference,
    profile: run.profile as Profile,
    system: run.system,
    testSet: run.test_set,
  });
  project.runs.replaceScores(runId, scored.report, scored.scores, scored.outcomes);
}

function whoAmI(): string {
  try {
    return userInfo().username || 'unknown';
  } catch {
    return 'unknown';
  }
}

function cleaned(s: string): string {
  return s.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** A form's spans placed in its corrected text; a span that lost its place is a bug. */
function placedSpans(
  before: string,
  after: string,
  spans: StoredUtterance['entities'],
): { beforeSpans: SpanPlacement[]; afterSpans: SpanPlacement[] } {
  const beforeSpans = spans.map((e) => ({
    spanId: e.id,
    start: e.start,
    end: e.end,
    surface: e.surface,
    value: e.value,
  }));
  const afterSpans = remapSpans(before, after, beforeSpans);
  for (const s of afterSpans)
    if (s.end > cpLength(after) || s.surface !== cpSlice(after, s.start, s.end))
      throw new Error(`span ${s.spanId} lost its place in the corrected text`);
  return { beforeSpans, afterSpans };
}

/**
 * Corrects a reference in place, its written text, its spoken form or both:
 * the spans follow the edit, the change is recorded (who, when, before,
 * after), and every run with a hypothesis for the utterance is rescored
 * through the scorer `eval import` uses, against the form it was scored on.
 * A run scored on a form the fix left as it was keeps its scores, and the
 * edit says so.
 */
export async function fixReference(
  project: Project,
  req: FixReferenceRequest,
): Promise<ReferenceEdit> {
  project.requireWritable('correcting a reference');
  const u = project.utterances.get(req.utteranceId);
  if (!u) throw new UserError('not_found', `no utterance with id ${req.utteranceId}`);
  const after = cleaned(req.text);
  if (after === '') throw new UserError('bad_input', 'the corrected reference is empty');
  if (req.spoken !== undefined && u.spoken === null)
    throw new UserError(
      'bad_input',
      `utterance ${u.extId} has no spoken form to correct: fix its written text`,
    );
  const spokenAfter = req.spoken === undefined ? u.spoken : cleaned(req.spoken);
  if (spokenAfter === '') throw new UserError('bad_input', 'the corrected spoken form is empty');
  const textChanged = after !== u.text;
  const spokenChanged = u.spoken !== null && spokenAfter !== u.spoken;
  if (!textChanged && !spokenChanged)
    throw new UserError('bad_input', 'the corrected reference is the same as the current one');
  const edits = new ReferenceEditRepo(project.db);
  const id = edits.apply({
    utteranceId: u.id,
    author: req.author?.trim() || whoAmI(),
    at: new Date().toISOString(),
    before: u.text,
    after,
    ...placedSpans(u.text, after, u.entities),
    spoken: spokenChanged
      ? {
          before: u.spoken!,
          after: spokenAfter!,
          ...placedSpans(u.spoken!, spokenAfter!, u.spokenEntities),
        }
      : null,
    note: req.note?.trim() || null,
  });
  const runs = project.db
    .prepare<[number], { id: number; reference: ReferenceTier; compat: string | null }>(
      `SELECT id, reference, compat FROM eval_runs
       WHERE id IN (SELECT run_id FROM hypotheses WHERE utterance_id = ?) ORDER BY id`,
    )
    .all(u.id);
  const outcome: Pick<ReferenceEdit, 'rescored' | 'kept'> = { rescored: [], kept: [] };
  for (const run of runs) {
    const before = project.runs.get(run.id)!.summary;
    // Without a spoken form a spoken-form run was scored on the written text (refRowOf).
    const reference: ReferenceTier =
      run.reference === 'spoken' && u.spoken !== null ? 'spoken' : 'text';
    const changed = reference === 'spoken' ? spokenChanged : textChanged;
    if (run.compat || !changed) {
      const reason = run.compat ? 'paper_compatible' : 'form_unchanged';
      outcome.kept.push({ runId: run.id, name: before.name, reference, reason });
      continue;
    }
    await rescoreRun(project, run.id);
    const now = project.runs.get(run.id)!.summary;
    outcome.rescored.push({
      runId: run.id,
      name: now.name,
      reference,
      ehrBefore: before.ehr,
      ehrAfter: now.ehr,
      werBefore: before.wer,
      werAfter: now.wer,
    });
  }
  edits.setRescored(id, outcome);
  return edits.list(u.id).find((e) => e.id === id)!;
}

export function referenceHistory(project: Project, utteranceId?: number): ReferenceEdit[] {
  return new ReferenceEditRepo(project.db).list(utteranceId);
}
