/**
 * A flywheel job's configuration: zod-validated JSON or YAML. Every rule a
 * schema cannot say (voices held out, the test split never filtered by the
 * model it evaluates) is checked here too, so that a bad configuration is
 * refused before any work starts, with the field named.
 */
import { readFileSync } from 'node:fs';
import { load as loadYaml } from 'js-yaml';
import { z } from 'zod';
import { UserError } from '../contract/errors.js';
import { lexiconLanguages } from '../entities/lexicon.js';
import { templateClasses } from '../entities/lexicon-schema.js';
import { AugmentChain, parseChain } from '../tts/post/chain.js';

export const FLYWHEEL_STEPS = [
  'generate',
  'synthesize',
  'augment',
  'transcribe',
  'score',
  'filter',
  'export',
] as const;
export type FlywheelStep = (typeof FLYWHEEL_STEPS)[number];

const Voice = z.strictObject({
  /** espeak-ng voice; default: the language code of the row. */
  voice: z.string().min(1).optional(),
  variant: z.string().min(1).optional(),
  rate: z.number().int().min(80).max(450).optional(),
  pitch: z.number().int().min(0).max(99).optional(),
});
export type FlywheelVoice = z.infer<typeof Voice>;

const Chain = z.union([z.string(), AugmentChain]).transform((v, ctx) => {
  try {
    return parseChain(v);
  } catch (e) {
    ctx.addIssue({ code: 'custom', message: (e as Error).message });
    return z.NEVER;
  }
});

const Language = z.strictObject({
  lang: z.string().regex(/^[a-z]{2,3}$/, 'a language code such as hi'),
  count: z.number().int().min(1).max(1_000_000),
  /**
   * The ASR model for transcription, scoring and the filter: a registry id,
   * `auto` (the bundled/installed model made for this language, if any) or
   * null (generate and synthesise only).
   */
  asr_model: z.string().min(1).nullable().default('auto'),
});

export const FlywheelConfigSchema = z.strictObject({
  /** Prefix of every utterance id; the job's identity in a project. */
  name: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,40}$/, 'lower-case letters, digits, - and _'),
  seed: z.number().int().default(1),
  languages: z.array(Language).min(1),
  classes: z.array(z.enum(templateClasses)).min(1).optional(),
  test_share: z.number().min(0).max(0.9).default(0.2),
  tts: z.strictObject({
    engine: z.literal('espeak').default('espeak'),
    train_voices: z.array(Voice).min(1),
    test_voices: z.array(Voice).min(1),
  }),
  augment: z
    .strictObject({ train: Chain.default([]), test: Chain.default([]) })
    .default({ train: [], test: [] }),
  filter: z
    .strictObject({
      enabled: z.boolean().default(true),
      cer_max: z.number().min(0).max(10).default(0.3),
      require_entity_hit: z.boolean().default(true),
      /** Which splits the filter decides on; the test split only with a model it does not evaluate. */
      splits: z.array(z.enum(['train', 'test'])).default(['train']),
      /** Filter model per language; default: the language's `asr_model`. */
      models: z.record(z.string(), z.string()).default({}),
    })
    .prefault({}),
  exports: z
    .array(
      z.strictObject({
        format: z.enum(['nemo', 'hf', 'kaldi', 'paper']),
        split: z.enum(['train', 'test']).optional(),
        kept_only: z.boolean().default(true),
      }),
    )
    .default([]),
  rounds: z.number().int().min(1).max(50).default(1),
  /** Run after each round but the last, in a shell; see README "The flywheel". */
  train_command: z.string().min(1).nullable().default(null),
});
export type FlywheelConfig = z.infer<typeof FlywheelConfigSchema>;

function fieldPath(path: readonly PropertyKey[]): string {
  return path.length === 0
    ? '(top level)'
    : path
        .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
        .join('')
        .slice(1);
}

/** Parses and checks a configuration value; `source` names the file in errors. */
export function parseFlywheelConfig(value: unknown, source = 'config'): FlywheelConfig {
  const r = FlywheelConfigSchema.safeParse(value);
  if (!r.success) {
    const issue = r.error.issues[0];
    throw new UserError('bad_input', `${source}: ${fieldPath(issue.path)}: ${issue.message}`);
  }
  checkRules(r.data, source);
  return r.data;
}

/** Reads `file` as YAML (`.yaml`, `.yml`) or JSON and parses it. */
export function loadFlywheelConfig(file: string): FlywheelConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new UserError('not_found', `${file}: no such file`);
  }
  let value: unknown;
  try {
    value = /\.ya?ml$/i.test(file) ? loadYaml(text) : JSON.parse(text);
  } catch (e) {
    throw new UserError(
      'bad_input',
      `${file}: not valid ${/\.ya?ml$/i.test(file) ? 'YAML' : 'JSON'}: ${(e as Error).message.split('\n')[0]}`,
    );
  }
  return parseFlywheelConfig(value, file);
}

export function voiceKey(v: FlywheelVoice, lang: string): string {
  return `${v.voice ?? lang}+${v.variant ?? 'default'}`;
}

/** The system label stored on audio and utterances: engine, voice, variant, rate, pitch. */
export function systemLabel(v: FlywheelVoice, lang: string): string {
  const extra = [
    v.rate !== undefined ? `r${v.rate}` : '',
    v.pitch !== undefined ? `p${v.pitch}` : '',
  ]
    .filter(Boolean)
    .join(',');
  return `espeak:${voiceKey(v, lang)}${extra ? `@${extra}` : ''}`;
}

function checkRules(c: FlywheelConfig, source: string): void {
  const langs = c.languages.map((l) => l.lang);
  const dup = langs.find((l, i) => langs.indexOf(l) !== i);
  if (dup) throw new UserError('bad_input', `${source}: languages: "${dup}" is listed twice`);
  // The generator writes a language's rows from its lexicon: without one there is nothing to speak.
  const known = lexiconLanguages();
  const unknown = langs.findIndex((l) => !known.includes(l));
  if (unknown >= 0)
    throw new UserError(
      'bad_input',
      `${source}: languages[${unknown}].lang: no lexicon for "${langs[unknown]}" (have ${known.join(', ')})`,
    );
  // Held out by system: a test voice never speaks training data.
  for (const lang of langs) {
    const train = new Set(c.tts.train_voices.map((v) => voiceKey(v, lang)));
    const shared = c.tts.test_voices.find((v) => train.has(voiceKey(v, lang)));
    if (shared) {
      throw new UserError(
        'bad_input',
        `${source}: tts.test_voices: voice ${voiceKey(shared, lang)} is also a training voice; test voices must be held out`,
      );
    }
  }
  if (c.filter.enabled && c.filter.splits.includes('test')) {
    for (const l of c.languages) {
      const filterModel = c.filter.models[l.lang] ?? l.asr_model;
      if (filterModel !== null && filterModel === l.asr_model) {
        throw new UserError(
          'bad_input',
          `${source}: filter.splits: the test split of ${l.lang} would be filtered by ${filterModel}, the model it evaluates`,
          'filter the train split only, or name another model in filter.models',
        );
      }
    }
  }
  for (const k of Object.keys(c.filter.models)) {
    if (!langs.includes(k))
      throw new UserError('bad_input', `${source}: filter.models.${k}: not one of the languages`);
  }
}
