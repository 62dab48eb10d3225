/**
 * What each step does to one work item. A processor computes (audio into
 * the content-addressed store, inference, scoring) and returns the result
 * and a `write` that the runner calls inside the transaction that marks the
 * item done: the database never holds half a step.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeWav } from '../audio/wav.js';
import { UserError } from '../contract/errors.js';
import { parseCorpusRow } from '../interchange/corpus-row.js';
import { scoreEntities } from '../metrics/ehr/index.js';
import { utteranceErrors } from '../metrics/error-rates.js';
import { monoCachePath } from '../service/audio-prepare.js';
import type { PreparedAudio } from '../service/audio-prepare.js';
import { importEvalRun, refRowOf } from '../service/eval-import.js';
import { recordAudio } from '../service/import-audio.js';
import { spansOf } from '../service/import-corpus.js';
import { normalize } from '../text/normalize.js';
import type { AsrEngine } from '../asr/engine.js';
import type { WorkerPool } from '../workers/pool.js';
import { defineTask } from '../workers/task.js';
import type { AugmentInput, SpeakInput } from './clip-task.js';
import type { FlywheelStep } from './config.js';
import { exportDataset, type OpenAsr } from './dynamic.js';
import { decideClip, type ClipOutcome } from './filter.js';
import type { PlannedClip } from './plan.js';
import {
  AGGREGATE_PREFIX,
  type ClaimedItem,
  type FlywheelStore,
  type StoredJobConfig,
} from './store.js';

const speakTask = defineTask<SpeakInput, PreparedAudio>(
  new URL('./clip-task.js', import.meta.url),
  'speak',
);
const augmentTask = defineTask<AugmentInput, PreparedAudio>(
  new URL('./clip-task.js', import.meta.url),
  'augment',
);

export interface StepOutput {
  result: unknown;
  write: () => void;
}

export interface StepContext {
  store: FlywheelStore;
  jobId: number;
  stored: StoredJobConfig;
  round: number;
  lastRound: boolean;
  /**
   * The round's plan (this shard's clips), computed on first use: generating
   * it costs seconds, and a pass that only has whole-round items left (the
   * merged project of a sharded job, a resume after the last clip) never
   * needs it.
   */
  plan: () => ReadonlyMap<string, PlannedClip>;
  pool: WorkerPool;
  asr: AsrEngines;
  signal: AbortSignal;
}

export type Processor = (item: ClaimedItem) => Promise<StepOutput>;

/** Engines per model, opened on first use; a model that fails to load fails the step naming it. */
export class AsrEngines {
  private readonly open = new Map<string, Promise<AsrEngine>>();
  constructor(private readonly opener: OpenAsr) {}

  get(modelId: string, lang: string): Promise<AsrEngine> {
    let p = this.open.get(modelId);
    if (!p) {
      p = this.opener(modelId).catch((e: unknown) => {
        this.open.delete(modelId);
        const msg = e instanceof Error ? e.message : String(e);
        throw new UserError(
          e instanceof UserError ? e.code : 'model_invalid',
          `transcribe: the ASR model "${modelId}" for ${lang} failed to load: ${msg}`,
          'fix or replace the model, then `charkha flywheel resume`; finished work is kept',
        );
      });
      this.open.set(modelId, p);
    }
    return p;
  }

  /**
   * Starts loading these models in the background (the inference worker is
   * idle while espeak-ng speaks). A model that fails here is simply not
   * cached: the transcribe step opens it again and fails with the error.
   */
  prefetch(models: Record<string, string | null>): void {
    for (const [lang, id] of Object.entries(models))
      if (id !== null) this.get(id, lang).catch(() => {});
  }

  async close(): Promise<void> {
    const all = [...this.open.values()];
    this.open.clear();
    for (const p of all) await (await p.catch(() => null))?.close();
  }
}

/** Item keys: a clip's utterance id, or `@r<round>/<what>/<which>` for whole-round work. */
export function aggregateKey(round: number, what: string, which: string | number): string {
  return `${AGGREGATE_PREFIX}r${round}/${what}/${which}`;
}

export function runName(config: { name: string }, round: number, lang: string): string {
  return `${config.name} r${round} ${lang} test`;
}

function planned(ctx: StepContext, item: ClaimedItem): PlannedClip {
  const clip = ctx.plan().get(item.key);
  if (!clip) throw new Error(`work item ${item.key} is not in round ${ctx.round}'s plan`);
  return clip;
}

function clipRow(ctx: StepContext, item: ClaimedItem) {
  const c = ctx.store.clip(ctx.jobId, item.key);
  if (!c) throw new Error(`work item ${item.key}: its clip was not generated`);
  return c;
}

const generate: (ctx: StepContext) => Processor = (ctx) => async (item) => {
  const clip = planned(ctx, item);
  const raw = { ...clip.row, id: clip.extId, source: `flywheel:${ctx.stored.config.name}` };
  const rawJson = JSON.stringify(raw);
  const parsed = parseCorpusRow(rawJson);
  return {
    result: { extId: clip.extId, split: clip.split, system: clip.system },
    write: () => {
      const utteranceId = ctx.store.project.utterances.insert({
        extId: clip.extId,
        lang: parsed.lang,
        text: parsed.text,
        spoken: parsed.spoken,
        entityClass: parsed.entityClass,
        split: clip.split,
        source: parsed.source,
        system: clip.system,
        audioId: null,
        rawJson,
        spans: [...spansOf(parsed.tokens, 'text'), ...spansOf(parsed.spokenTokens, 'spoken')],
      });
      ctx.store
        .prepared(
          'INSERT INTO flywheel_clips (job_id, utterance_id, round, item_index, lang, split, system) VALUES (?, ?, ?, ?, ?, ?, ?)',
        )
        .run(ctx.jobId, utteranceId, clip.round, clip.index, clip.lang, clip.split, clip.system);
    },
  };
};

const synthesize: (ctx: StepContext) => Processor = (ctx) => async (item) => {
  const clip = planned(ctx, item);
  const row = clipRow(ctx, item);
  const paths = ctx.store.project.paths;
  const prepared = await ctx.pool.run(
    speakTask,
    {
      text: clip.row.spoken,
      opts: {
        voice: clip.voice.voice ?? clip.lang,
        variant: clip.voice.variant,
        rate: clip.voice.rate,
        pitch: clip.voice.pitch,
      },
      audioDir: paths.audio,
      cacheDir: paths.cache,
    },
    { signal: ctx.signal },
  );
  return {
    result: { sha256: prepared.sha256 },
    write: () => {
      const audioId = recordAudio(
        ctx.store.project,
        `${clip.extId}.clean.wav`,
        prepared,
        clip.system,
      ).audioId;
      ctx.store.updateClip(ctx.jobId, row.utterance_id, { clean_audio_id: audioId });
    },
  };
};

const augment: (ctx: StepContext) => Processor = (ctx) => async (item) => {
  const clip = planned(ctx, item);
  const row = clipRow(ctx, item);
  const project = ctx.store.project;
  const clean = project.audio.get(row.clean_audio_id!)!;
  let prepared: PreparedAudio | null = null;
  if (clip.chain.length > 0) {
    prepared = await ctx.pool.run(
      augmentTask,
      {
        sha256: clean.sha256,
        ext: clean.ext,
        chain: clip.chain,
        seed: clip.augmentSeed,
        audioDir: project.paths.audio,
        cacheDir: project.paths.cache,
      },
      { signal: ctx.signal },
    );
  }
  return {
    result: { sha256: prepared?.sha256 ?? clean.sha256 },
    write: () => {
      const audioId = prepared
        ? recordAudio(project, `${clip.extId}.wav`, prepared, clip.system).audioId
        : clean.id;
      ctx.store.updateClip(ctx.jobId, row.utterance_id, { audio_id: audioId });
      ctx.store
        .prepared('UPDATE utterances SET audio_id = ?, system = ? WHERE id = ?')
        .run(audioId, clip.system, row.utterance_id);
    },
  };
};

const transcribe: (ctx: StepContext) => Processor = (ctx) => async (item) => {
  const row = clipRow(ctx, item);
  const model = ctx.stored.models[row.lang]!;
  const engine = await ctx.asr.get(model, row.lang);
  const project = ctx.store.project;
  const audio = project.audio.get(row.audio_id!)!;
  const decoded = decodeWav(
    new Uint8Array(readFileSync(monoCachePath(project.paths.cache, audio.sha256))),
  );
  const t = await engine.transcribe(
    { samples: decoded.channels[0], sampleRate: decoded.sampleRate },
    { language: row.lang, signal: ctx.signal },
  );
  return {
    result: { hypothesis: t.text },
    write: () => ctx.store.updateClip(ctx.jobId, row.utterance_id, { hypothesis: t.text, model }),
  };
};

/**
 * What the clip's voice said: the spoken form (numbers as words, as the TTS
 * read them), so CER and the filter measure the round trip, not the gap
 * between digits and words.
 */
function referenceOf(ctx: StepContext, utteranceId: number) {
  const r = refRowOf(ctx.store.project.utterances.get(utteranceId)!, 'flywheel', null, 'spoken');
  return {
    id: r.id,
    lang: r.lang,
    text: r.text,
    entity_class: r.entityClass ?? null,
    entity_tokens: r.entityTokens,
  };
}

const scoreClip: (ctx: StepContext) => Processor = (ctx) => async (item) => {
  const row = clipRow(ctx, item);
  const ref = referenceOf(ctx, row.utterance_id);
  const hyp = row.hypothesis ?? '';
  const c = utteranceErrors(
    normalize(ref.text, ref.lang, 'standard').text,
    normalize(hyp, ref.lang, 'standard').text,
  ).chars;
  const cer = c.refLength ? (c.substitutions + c.deletions + c.insertions) / c.refLength : null;
  const outcomes: ClipOutcome[] = scoreEntities(ref, hyp).map((o) => ({
    type: o.type,
    surface: o.surface,
    outcome: o.outcome,
  }));
  const hits = outcomes.filter((o) => o.outcome === 'hit').length;
  return {
    result: { cer, entities: outcomes.length, hits },
    write: () =>
      ctx.store.updateClip(ctx.jobId, row.utterance_id, {
        cer,
        entities: outcomes.length,
        entity_hits: hits,
        outcomes_json: JSON.stringify(outcomes),
      }),
  };
};

/**
 * The round's test split of one language as an evaluation run (hypotheses,
 * per-utterance scores, per-entity outcomes), through the same import the
 * `eval import` command uses. The run's name is fixed, so a process killed
 * after storing it finds it on resume instead of storing it twice.
 */
const scoreRun: (ctx: StepContext, lang: string) => Processor = (ctx, lang) => async () => {
  const project = ctx.store.project;
  const name = runName(ctx.stored.config, ctx.round, lang);
  const existing = project.runs.list().find((r) => r.name === name);
  if (existing) return { result: { runId: existing.id, name }, write: () => {} };
  const clips = ctx.store.clips(ctx.jobId, { round: ctx.round, lang, split: 'test' });
  if (clips.length === 0) return { result: { runId: null, name }, write: () => {} };
  const dir = mkdtempSync(join(tmpdir(), 'charkha-flywheel-'));
  try {
    const refFile = join(dir, 'ref.jsonl');
    const hypFile = join(dir, 'hyp.jsonl');
    writeFileSync(
      refFile,
      clips.map((c) => `${JSON.stringify(referenceOf(ctx, c.utterance_id))}\n`).join(''),
    );
    writeFileSync(
      hypFile,
      clips
        .map((c) => `${JSON.stringify({ id: c.ext_id, hypothesis: c.hypothesis ?? '' })}\n`)
        .join(''),
    );
    const r = await importEvalRun(project, {
      ref: refFile,
      hyp: hypFile,
      model: ctx.stored.models[lang]!,
      name,
      testSet: `${ctx.stored.config.name}-r${ctx.round}-${lang}-test`,
      reference: 'spoken',
    });
    return { result: { runId: r.runId, name }, write: () => {} };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

const filterClip: (ctx: StepContext) => Processor = (ctx) => async (item) => {
  const row = clipRow(ctx, item);
  const f = ctx.stored.config.filter;
  const d = decideClip(
    { cer: row.cer, outcomes: JSON.parse(row.outcomes_json ?? '[]') as ClipOutcome[] },
    { cerMax: f.cer_max, requireEntityHit: f.require_entity_hit },
  );
  return {
    result: d,
    write: () =>
      ctx.store.updateClip(ctx.jobId, row.utterance_id, {
        filter_decision: d.decision,
        filter_reason: d.reason,
      }),
  };
};

const exportOne: (ctx: StepContext, index: number) => Processor = (ctx, index) => async () => {
  const e = ctx.stored.config.exports[index];
  const project = ctx.store.project;
  const outDir = join(
    project.paths.root,
    'exports',
    `${ctx.stored.config.name}-${e.format}${e.split ? `-${e.split}` : ''}`,
  );
  const r = await exportDataset(project, {
    format: e.format,
    outDir,
    jobId: ctx.jobId,
    split: e.split,
    keptOnly: e.kept_only,
    jobConfig: ctx.stored.config,
  });
  return { result: r, write: () => {} };
};

/** The processor of one item of `step`. */
export function processorFor(ctx: StepContext, step: FlywheelStep, item: ClaimedItem): Processor {
  if (item.key.startsWith(AGGREGATE_PREFIX)) {
    const [, what, which] = item.key.slice(AGGREGATE_PREFIX.length).split('/');
    if (what === 'run') return scoreRun(ctx, which);
    if (what === 'export') return exportOne(ctx, Number(which));
    throw new Error(`unknown work item ${item.key}`);
  }
  switch (step) {
    case 'generate':
      return generate(ctx);
    case 'synthesize':
      return synthesize(ctx);
    case 'augment':
      return augment(ctx);
    case 'transcribe':
      return transcribe(ctx);
    case 'score':
      return scoreClip(ctx);
    case 'filter':
      return filterClip(ctx);
    case 'export':
      throw new Error(`export items are whole-round items, not ${item.key}`);
  }
}
