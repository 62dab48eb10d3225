import { z } from 'zod';
import { Interval } from './runs.js';

/** A flywheel configuration as the form holds it; the engine parses it with the flywheel's own schema. */
const RawConfig = z.record(z.string(), z.unknown());

const Span = z.object({
  start: z.number().int(),
  end: z.number().int(),
  type: z.string(),
  value: z.string().nullable(),
});

export const PreviewRow = z.object({
  id: z.string(),
  lang: z.string(),
  split: z.enum(['train', 'test']),
  entityClass: z.string(),
  system: z.string(),
  text: z.string(),
  spoken: z.string(),
  textSpans: z.array(Span),
  spokenSpans: z.array(Span),
});
export type PreviewRow = z.infer<typeof PreviewRow>;

export const GenerateOptions = z.object({
  /** Languages the row generator has lexicons for. */
  languages: z.array(z.string()),
  classes: z.array(z.string()),
  variants: z.array(z.string()),
  augmentPresets: z.array(z.string()),
  exportFormats: z.array(z.string()),
  /** Installed ASR models by language (`auto` picks among these). */
  asrModels: z.array(z.object({ id: z.string(), languages: z.array(z.string()) })),
  /** Where the configuration is saved by default (in the project folder). */
  defaultFile: z.string(),
  /** The configuration found in `defaultFile`, else a small starting one. */
  config: RawConfig,
  saved: z.boolean(),
});

export const StepState = z.object({
  step: z.string(),
  done: z.number().int(),
  total: z.number().int(),
  /** Items per second in this run; null until one finished. */
  rate: z.number().nullable(),
  etaSeconds: z.number().nullable(),
});
export type StepState = z.infer<typeof StepState>;

export const TypeEhr = z.object({
  lang: z.string(),
  type: z.string(),
  hits: z.number().int(),
  entities: z.number().int(),
  ehr: z.number().nullable(),
  ci95: Interval,
});
export type TypeEhr = z.infer<typeof TypeEhr>;

export const LanguageResult = z.object({
  lang: z.string(),
  model: z.string().nullable(),
  train: z.number().int(),
  test: z.number().int(),
  ehr: z.number().nullable(),
  ci95: Interval,
  cer: z.number().nullable(),
  kept: z.number().int(),
  rejected: z.number().int(),
  runId: z.number().int().nullable(),
});

export const RejectedClip = z.object({
  utteranceId: z.number().int(),
  extId: z.string(),
  lang: z.string(),
  text: z.string(),
  hypothesis: z.string().nullable(),
  audioId: z.number().int().nullable(),
  decision: z.enum(['kept', 'rejected']),
  reason: z.string().nullable(),
  overrule: z.enum(['kept', 'rejected']).nullable(),
});
export type RejectedClip = z.infer<typeof RejectedClip>;

export const GenerateStatus = z.object({
  job: z
    .object({
      id: z.number().int(),
      name: z.string(),
      state: z.enum(['pending', 'running', 'paused', 'done', 'failed', 'cancelled']),
      error: z.string().nullable(),
      /** True while this engine process is driving the job. */
      active: z.boolean(),
      round: z.number().int(),
      rounds: z.number().int(),
      steps: z.array(StepState),
      languages: z.array(LanguageResult),
      byType: z.array(TypeEhr),
      /** Training clips the filter decided on and did not keep, and any a person overruled. */
      clips: z.array(RejectedClip),
      exports: z.array(
        z.object({ format: z.string(), outDir: z.string(), rows: z.number().int() }),
      ),
      log: z.array(z.string()),
    })
    .nullable(),
});
export type GenerateStatus = z.infer<typeof GenerateStatus>;

/** Methods of the Generate screen; merged into the service API by api.ts. */
export const generateApi = {
  'generate.options': { request: z.object({}), response: GenerateOptions },
  'generate.validate': {
    request: z.object({ config: RawConfig }),
    response: z.object({ ok: z.boolean(), error: z.string().nullable() }),
  },
  'generate.preview': {
    request: z.object({ config: RawConfig, rows: z.number().int().min(1).max(100).default(20) }),
    response: z.object({ total: z.number().int(), rows: z.array(PreviewRow) }),
  },
  'generate.sample': {
    request: z.object({
      lang: z.string().min(2),
      variant: z.string().optional(),
      voice: z.string().optional(),
      rate: z.number().int().optional(),
      pitch: z.number().int().optional(),
    }),
    response: z.object({ text: z.string(), wavBase64: z.string(), durationSec: z.number() }),
  },
  'generate.save': {
    request: z.object({ config: RawConfig, file: z.string().optional() }),
    response: z.object({ file: z.string() }),
  },
  'generate.load': {
    request: z.object({ file: z.string().min(1) }),
    response: z.object({ file: z.string(), config: RawConfig }),
  },
  'generate.run': {
    request: z.object({ config: RawConfig, file: z.string().optional() }),
    response: z.object({ jobId: z.number().int() }),
  },
  'generate.status': {
    request: z.object({ jobId: z.number().int().optional() }),
    response: GenerateStatus,
  },
  'generate.control': {
    request: z.object({
      jobId: z.number().int(),
      action: z.enum(['pause', 'resume', 'cancel']),
    }),
    response: z.object({ state: z.string() }),
  },
  'generate.overrule': {
    request: z.object({
      jobId: z.number().int(),
      utteranceId: z.number().int(),
      decision: z.enum(['kept', 'rejected']).nullable(),
    }),
    response: z.object({ ok: z.boolean() }),
  },
} as const;
