/**
 * The Generate screen's methods: a flywheel configuration checked with the
 * flywheel's own schema, previewed, saved as the YAML file the CLI reads,
 * run as a job in the engine, controlled, and reviewed when it ends.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { dump, load as loadYaml } from 'js-yaml';
import { encodeWav } from '../audio/wav.js';
import { UserError } from '../contract/errors.js';
import type { generateApi } from '../contract/generate.js';
import { templateClasses } from '../entities/lexicon-schema.js';
import { parseFlywheelConfig, type FlywheelConfig } from '../flywheel/config.js';
import { FlywheelStore, JOB_KIND } from '../flywheel/store.js';
import { roundSummary } from '../flywheel/report.js';
import { ModelRegistry } from '../models/registry.js';
import { packageRoot } from '../package-root.js';
import type { EventBus } from '../server/events.js';
import type { Project } from '../store/project.js';
import { AUGMENT_PRESETS } from '../tts/post/chain.js';
import { GenerateJobs } from './generate-jobs.js';
import { previewRows } from './generate-preview.js';
import { generateStatus } from './generate-status.js';
import { sampleSentence, speakSample } from './sample-speech.js';
import type { Handlers } from './service.js';

export type GenerateMethod = keyof typeof generateApi;

export const CONFIG_FILE = 'flywheel.yaml';

/** espeak-ng's voice variants that suit a corpus (the novelty ones are left out). */
const VARIANTS = ['m1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7', 'f1', 'f2', 'f3', 'f4', 'f5'];

/** A small job to start from: one language, two training voices, one held-out test voice. */
export const STARTER_CONFIG: Record<string, unknown> = {
  name: 'batch-1',
  seed: 1,
  languages: [{ lang: 'te', count: 20, asr_model: 'auto' }],
  test_share: 0.2,
  tts: {
    engine: 'espeak',
    train_voices: [{ variant: 'm1' }, { variant: 'f2', rate: 160 }],
    test_voices: [{ variant: 'm4' }],
  },
  augment: { train: 'noisy', test: 'clean' },
  filter: { enabled: true, cer_max: 0.3, require_entity_hit: true, splits: ['train'] },
  exports: [{ format: 'nemo', split: 'train', kept_only: true }],
  rounds: 1,
};

function parse(raw: Record<string, unknown>, source = 'configuration'): FlywheelConfig {
  return parseFlywheelConfig(raw, source);
}

export function generateHandlers(
  project: Project,
  events?: EventBus,
): Pick<Handlers, GenerateMethod> {
  const jobs = new GenerateJobs(project, events);
  jobs.resumeInterrupted();
  const fileOf = (f?: string) =>
    f
      ? isAbsolute(f)
        ? f
        : resolve(project.paths.root, f)
      : join(project.paths.root, CONFIG_FILE);
  const readYaml = (file: string): Record<string, unknown> => {
    if (!existsSync(file)) throw new UserError('not_found', `${file}: no such file`);
    const value = loadYaml(readFileSync(file, 'utf8'));
    if (!value || typeof value !== 'object' || Array.isArray(value))
      throw new UserError('bad_input', `${file}: not a flywheel configuration (a YAML mapping)`);
    return value as Record<string, unknown>;
  };
  return {
    'generate.options': async () => {
      const file = fileOf();
      const saved = existsSync(file);
      const { models } = await new ModelRegistry().list();
      const lexicons = join(packageRoot(), 'assets', 'lexicons');
      return {
        languages: readdirSync(lexicons, { withFileTypes: true })
          .filter((d) => d.isDirectory() && d.name !== 'common')
          .map((d) => d.name)
          .sort(),
        classes: [...templateClasses],
        variants: VARIANTS,
        augmentPresets: Object.keys(AUGMENT_PRESETS),
        exportFormats: ['nemo', 'hf', 'kaldi', 'paper'],
        asrModels: models
          .filter((m) => m.manifest.task === 'asr')
          .map((m) => ({ id: m.id, languages: m.manifest.languages })),
        defaultFile: file,
        config: saved ? readYaml(file) : STARTER_CONFIG,
        saved,
      };
    },
    'generate.validate': (r) => {
      try {
        parse(r.config);
        return { ok: true, error: null };
      } catch (e) {
        if (e instanceof UserError) return { ok: false, error: e.message };
        throw e;
      }
    },
    'generate.preview': (r) => previewRows(parse(r.config), r.rows),
    'generate.sample': async (r) => {
      const text = sampleSentence(r.lang);
      const out = await speakSample(text, {
        voice: r.voice ?? r.lang,
        variant: r.variant,
        rate: r.rate,
        pitch: r.pitch,
      });
      return {
        text,
        wavBase64: Buffer.from(encodeWav([out.samples], out.sampleRate)).toString('base64'),
        durationSec: out.samples.length / out.sampleRate,
      };
    },
    'generate.save': (r) => {
      const file = fileOf(r.file);
      parse(r.config, file);
      writeFileSync(
        file,
        `# Flywheel job, saved by the Generate screen; run it with\n# charkha flywheel run ${file} -p ${project.paths.root}\n${dump(r.config, { lineWidth: 100, noRefs: true })}`,
      );
      return { file };
    },
    'generate.load': (r) => {
      const file = fileOf(r.file);
      return { file, config: readYaml(file) };
    },
    'generate.run': async (r) => {
      const config = parse(r.config, r.file ? fileOf(r.file) : 'configuration');
      project.requireWritable('running a flywheel job');
      return { jobId: await jobs.start(config) };
    },
    'generate.status': (r) => generateStatus(project, jobs, r.jobId),
    'generate.control': async (r) => {
      if (r.action !== 'resume') return { state: jobs.control(r.jobId, r.action) };
      await jobs.resume(r.jobId);
      return { state: 'running' };
    },
    'generate.overrule': (r) => {
      const job = project.jobs.get(r.jobId);
      if (!job || job.kind !== JOB_KIND)
        throw new UserError('not_found', `no flywheel job ${r.jobId}`);
      const store = new FlywheelStore(project);
      const clip = store.clips(r.jobId).find((c) => c.utterance_id === r.utteranceId);
      if (!clip) throw new UserError('not_found', `no clip ${r.utteranceId} in job ${r.jobId}`);
      if (clip.split !== 'train')
        throw new UserError('bad_input', 'the filter never decides on the test split');
      store.updateClip(r.jobId, clip.utterance_id, {
        overrule: r.decision,
        overrule_note: r.decision === null ? null : 'overruled on the Generate screen',
        overruled_at: r.decision === null ? null : new Date().toISOString(),
      });
      if (job.state === 'done')
        store.setRoundSummary(r.jobId, clip.round, roundSummary(store, r.jobId, clip.round));
      return { ok: true };
    },
  };
}
