import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { basename } from 'node:path';
import { UserError } from '../contract/errors.js';
import { exportTypeName } from '../interchange/published-types.js';
import { scoreEntities, scoreSfr } from '../metrics/ehr/index.js';
import { utteranceErrors } from '../metrics/error-rates.js';
import {
  parseHypothesisJsonl,
  readReferenceFile,
  readText,
  type RefRow,
} from '../metrics/files.js';
import { METRIC_VERSION } from '../metrics/report-schema.js';
import type { ScoreReport } from '../metrics/report-schema.js';
import { scoreRows } from '../metrics/score-run.js';
import { normalize, type Profile } from '../text/normalize.js';
import type { Project } from '../store/project.js';
import type { NewEntityOutcome, NewUtteranceScore } from '../store/run-repo.js';
import type { StoredUtterance } from '../store/utterance-repo.js';
import { parseHypothesisWords, type HypWord } from './hypothesis-words.js';
import { importCorpus } from './import-corpus.js';

export interface EvalImportOptions {
  ref: string;
  hyp: string;
  hypField?: string;
  model: string;
  name?: string;
  system?: string | null;
  testSet?: string | null;
  modelFile?: string | null;
  /** Decoding options as given (JSON text), stored with the run. */
  decode?: string | null;
  profile?: Profile;
  /**
   * Score against the written text (default) or, where the project has one,
   * the spoken form: what a TTS voice actually said, so a recogniser that
   * writes "पाँच सौ" for "500" is not charged for the digits.
   */
  reference?: ReferenceTier;
}

export type ReferenceTier = 'text' | 'spoken';

export interface EvalImportResult {
  runId: number;
  name: string;
  utterances: number;
  missing: number;
  report: ScoreReport;
}

async function sha256File(path: string): Promise<string> {
  if (!existsSync(path)) throw new UserError('not_found', `--model-file ${path}: no such file`);
  const h = createHash('sha256');
  for await (const chunk of createReadStream(path)) h.update(chunk as Buffer);
  return h.digest('hex');
}

/** A reference row as the scorer reads it, from the project's current text and spans. */
export function refRowOf(
  u: StoredUtterance,
  file: string,
  testSet: string | null,
  tier: ReferenceTier = 'text',
): RefRow {
  const spoken = tier === 'spoken' && u.spoken !== null;
  return {
    id: u.extId,
    lang: u.lang,
    text: spoken ? u.spoken! : u.text,
    entityTokens: (spoken ? u.spokenEntities : u.entities).map((e) => ({
      surface: e.surface,
      start: e.start,
      end: e.end,
      type: exportTypeName(e.type, e.originalType),
      ...(e.value !== null ? { value: e.value } : {}),
      ...(e.subtype !== null ? { subtype: e.subtype } : {}),
    })),
    entityClass: u.entityClass ?? undefined,
    system: u.system ?? undefined,
    testSet: testSet ?? undefined,
    line: 0,
    file,
    raw: u.rawJson ? (JSON.parse(u.rawJson) as Record<string, unknown>) : {},
  };
}

/**
 * Scores a hypothesis file against a reference set and stores the run in
 * the project: hypotheses, per-utterance scores, per-entity outcomes, the
 * model's sha256 and decoding options. The references are the project's
 * own (imported from the file when absent), so a reference corrected in the
 * project is what every later run is scored against.
 */
export async function importEvalRun(
  project: Project,
  opts: EvalImportOptions,
): Promise<EvalImportResult> {
  project.requireWritable('storing an evaluation run');
  const fileRefs = readReferenceFile(opts.ref);
  const hypText = readText(opts.hyp);
  const hyps = parseHypothesisJsonl(hypText, opts.hyp, opts.hypField ?? 'hypothesis');
  let decode: unknown = null;
  if (opts.decode) {
    try {
      decode = JSON.parse(opts.decode);
    } catch (e) {
      throw new UserError('bad_input', `--decode is not valid JSON (${(e as Error).message})`);
    }
  }
  if (fileRefs.some((r) => !project.utterances.rawByExtId(r.id))) {
    const imported = await importCorpus(project, opts.ref, { withoutAudio: true });
    const fatal = imported.problems.filter((p) => !/already in the project/.test(p.reason));
    if (fatal.length) {
      throw new UserError('bad_input', `${opts.ref}:${fatal[0].line}: ${fatal[0].reason}`);
    }
  }
  const testSet = opts.testSet ?? basename(opts.ref).replace(/\.jsonl$/, '');
  const stored = fileRefs.map((r) => project.utterances.getByExtId(r.id)!);
  const refs = stored.map((u) => refRowOf(u, opts.ref, testSet, opts.reference));
  return storeScoredRun(project, {
    stored,
    refs,
    hyps,
    words: parseHypothesisWords(hypText, opts.hyp),
    reference: opts.reference ?? 'text',
    model: opts.model,
    name: opts.name,
    defaultName: `${opts.model} on ${testSet}`,
    modelSha256: opts.modelFile ? await sha256File(opts.modelFile) : null,
    system: opts.system ?? null,
    testSet,
    decode,
    profile: opts.profile ?? 'standard',
  });
}

export interface ScoredRunInput {
  /** The project's utterances scored, and their reference rows (same order). */
  stored: StoredUtterance[];
  refs: RefRow[];
  /** Hypotheses by utterance ext id. */
  hyps: ReadonlyMap<string, string | null>;
  /** Hypothesis word times by utterance ext id, where the source has them. */
  words?: ReadonlyMap<string, readonly HypWord[]>;
  /** The reference form `refs` hold (default the written text); recorded so a rescore uses it too. */
  reference?: ReferenceTier;
  model: string;
  /** Refused if taken; without it `defaultName` is used, numbered `#2`, `#3`… if taken. */
  name?: string;
  defaultName: string;
  modelSha256: string | null;
  system: string | null;
  testSet: string | null;
  decode: unknown;
  profile: Profile;
}

/**
 * Scores hypotheses against the project's references and stores the run:
 * per-utterance scores and per-entity outcomes, as every run is stored, so
 * that `compare` and the run views read runs from any source alike.
 */
export async function storeScoredRun(
  project: Project,
  input: ScoredRunInput,
): Promise<EvalImportResult> {
  const { report, scores, outcomes } = await scoreForStore(input);
  const { profile, testSet } = input;

  let name = input.name ?? input.defaultName;
  if (input.name && project.runs.nameTaken(name))
    throw new UserError('conflict', `a run named "${name}" already exists`);
  for (let k = 2; project.runs.nameTaken(name); k++) name = `${input.defaultName} #${k}`;
  const runId = project.runs.insert(
    {
      name,
      model: input.model,
      modelSha256: input.modelSha256,
      system: input.system,
      testSet,
      decode: input.decode,
      metricVersion: METRIC_VERSION,
      profile,
      compat: null,
      report,
      reference: input.reference ?? 'text',
    },
    scores,
    outcomes,
  );
  return { runId, name, utterances: scores.length, missing: report.missing, report };
}

export interface ScoredRows {
  report: ScoreReport;
  scores: NewUtteranceScore[];
  outcomes: NewEntityOutcome[];
}

/**
 * The scoring behind every stored run: the report, per-utterance scores and
 * per-entity outcomes. Storing a new run and rescoring a stored one after a
 * reference is corrected both come through here, so they cannot disagree.
 */
export async function scoreForStore(
  input: Pick<
    ScoredRunInput,
    'stored' | 'refs' | 'hyps' | 'words' | 'reference' | 'profile' | 'system' | 'testSet'
  >,
): Promise<ScoredRows> {
  const { stored, refs, hyps, profile, testSet } = input;
  const report = await scoreRows(refs, hyps, {
    profile,
    perEntity: false,
    system: input.system ?? undefined,
    testSet: testSet ?? undefined,
  });

  const scores: NewUtteranceScore[] = [];
  const outcomes: NewEntityOutcome[] = [];
  stored.forEach((u, i) => {
    const hyp = hyps.get(u.extId);
    if (hyp === undefined || hyp === null) return;
    const ref = refs[i];
    const e = utteranceErrors(
      normalize(ref.text, ref.lang, profile).text,
      normalize(hyp, ref.lang, profile).text,
    );
    const w = e.words;
    const c = e.chars;
    const row = {
      id: ref.id,
      lang: ref.lang,
      text: ref.text,
      entity_tokens: ref.entityTokens,
      entity_class: ref.entityClass ?? null,
    };
    scores.push({
      utteranceId: u.id,
      hypothesis: hyp,
      words: input.words?.get(u.extId) ?? null,
      refWords: w.refLength,
      hits: w.hits,
      subs: w.substitutions,
      dels: w.deletions,
      ins: w.insertions,
      refChars: c.refLength,
      charEdits: c.substitutions + c.deletions + c.insertions,
      wer: w.refLength ? (w.substitutions + w.deletions + w.insertions) / w.refLength : null,
      cer: c.refLength ? (c.substitutions + c.deletions + c.insertions) / c.refLength : null,
      sfr: scoreSfr(row, hyp)?.value ?? null,
      ops: undefined,
    });
    // Scored on the spoken form, an entity is found among the spoken spans (whose offsets
    // the outcome has) and stored on the written span of the same place, which views show.
    const spoken = input.reference === 'spoken' && u.spoken !== null;
    const scoredSpans = spoken ? u.spokenEntities : u.entities;
    for (const o of scoreEntities(row, hyp)) {
      // A merged entity (fragments joined on import) is stored on its first span.
      const found =
        scoredSpans.find((s) => s.start >= o.valueStart && s.end <= o.valueEnd) ??
        scoredSpans.find((s) => s.start < o.valueEnd && s.end > o.valueStart);
      const span = spoken ? u.entities.find((s) => s.ord === found?.ord) : found;
      if (span && !outcomes.some((x) => x.spanId === span.id))
        outcomes.push({
          spanId: span.id,
          outcome: o.outcome,
          exactSurface: o.exactSurface,
          hypWindow: o.hypWindow,
        });
    }
  });

  return { report, scores, outcomes };
}
