/**
 * The Models screen's benchmark: the real-time factor of a model on this
 * machine, through the same engines the CLI and the flywheel use (so the
 * ONNX sessions run in the one inference worker). It is a job in the
 * project (kind `model-benchmark`, one item holding the result) and reports
 * progress as engine events while it runs.
 */
import { cpus } from 'node:os';
import type { ModelBenchmark } from '../contract/models.js';
import { UserError } from '../contract/errors.js';
import type { ModelRegistry } from '../models/registry.js';
import type { EventBus } from '../server/events.js';
import type { Project } from '../store/project.js';
import type { SynthesisResult } from '../tts/engine.js';
import { sampleSentence, speakSample } from './sample-speech.js';

export const BENCHMARK_JOB = 'model-benchmark';
const RUNS = 3;

interface Timed {
  audioSec: number;
  computeSec: number;
}

type Runner = { once: () => Promise<Timed>; close: () => Promise<void> };

async function seconds<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const v = await fn();
  return [v, (performance.now() - t0) / 1000];
}

async function ttsRunner(registry: ModelRegistry, id: string, family: string, lang: string) {
  const text = sampleSentence(lang);
  let engine: {
    synthesize(t: string, o: { voice: string }): Promise<SynthesisResult>;
    close(): Promise<void>;
  };
  if (family === 'piper') {
    const { PiperEngine } = await import('../tts/piper/engine.js');
    engine = new PiperEngine({ registry });
  } else if (family === 'mms-tts') {
    const { MmsTtsEngine } = await import('../tts/mms/engine.js');
    engine = new MmsTtsEngine({ registry });
  } else throw new UserError('unsupported', `no TTS engine runs the "${family}" family`);
  return {
    once: async () => {
      const [out, computeSec] = await seconds(() => engine.synthesize(text, { voice: id }));
      return { audioSec: out.samples.length / out.sampleRate, computeSec };
    },
    close: () => engine.close(),
  };
}

async function asrRunner(registry: ModelRegistry, id: string, lang: string): Promise<Runner> {
  // The input is speech in the model's language, spoken by espeak-ng (always available offline).
  const audio = await speakSample(sampleSentence(lang), { voice: lang });
  const { openAsrEngine } = await import('../asr/open.js');
  const engine = await openAsrEngine(id, { registry });
  return {
    once: async () => {
      const [, computeSec] = await seconds(() => engine.transcribe(audio, { language: lang }));
      return { audioSec: audio.samples.length / audio.sampleRate, computeSec };
    },
    close: () => engine.close(),
  };
}

export async function benchmarkModel(
  project: Project,
  registry: ModelRegistry,
  id: string,
  events?: EventBus,
): Promise<ModelBenchmark> {
  const entry = await registry.get(id);
  const { task, family, languages } = entry.manifest;
  if (task !== 'tts' && task !== 'asr')
    throw new UserError(
      'unsupported',
      `the benchmark times speech models (TTS and ASR); ${id} is a ${task} model`,
    );
  const jobId = project.jobs.create(BENCHMARK_JOB, { modelId: id });
  project.jobs.addItems(jobId, [{ key: id, step: 'benchmark' }]);
  const [item] = project.jobs.claim(jobId, 'benchmark', `pid${process.pid}`, 1);
  const taskName = `benchmark ${id}`;
  const progress = (done: number, message: string) =>
    events?.emit({ kind: 'progress', task: taskName, done, total: RUNS + 1, message });
  project.jobs.setState(jobId, 'running');
  events?.emit({ kind: 'job', jobId, state: 'running' });
  try {
    progress(0, 'loading the model');
    const lang = languages[0] ?? 'hi';
    const [runner, openSec] = await seconds(() =>
      task === 'tts' ? ttsRunner(registry, id, family, lang) : asrRunner(registry, id, lang),
    );
    let audioSec = 0;
    let computeSec = 0;
    let loadSec = openSec;
    try {
      // The first run pays for lazy loading (tokenisers, sessions): it counts as load time.
      loadSec += (await runner.once()).computeSec;
      progress(1, 'warmed up');
      for (let i = 0; i < RUNS; i++) {
        const t = await runner.once();
        audioSec += t.audioSec;
        computeSec += t.computeSec;
        progress(i + 2, `run ${i + 1} of ${RUNS}: RTF ${(t.computeSec / t.audioSec).toFixed(3)}`);
      }
    } finally {
      await runner.close();
    }
    const result: ModelBenchmark = {
      id,
      jobId,
      task,
      rtf: computeSec / audioSec,
      audioSec,
      computeSec,
      runs: RUNS,
      loadSec,
      machine: `${cpus()[0]?.model.trim() ?? 'unknown CPU'} (${cpus().length} threads)`,
    };
    project.jobs.complete(item.id, result);
    project.jobs.setState(jobId, 'done');
    events?.emit({ kind: 'job', jobId, state: 'done' });
    return result;
  } catch (e) {
    project.jobs.fail(item.id, e instanceof Error ? e.message : String(e));
    project.jobs.setState(jobId, 'failed', e instanceof Error ? e.message : String(e));
    events?.emit({ kind: 'job', jobId, state: 'failed' });
    progress(RUNS + 1, 'failed');
    throw e;
  }
}
