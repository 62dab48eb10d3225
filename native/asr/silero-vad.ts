/**
 * Which speech detector the long-audio driver uses: a `silero-vad` model
 * when one is installed (it tells speech from loud noise, which energy
 * cannot), else the energy VAD. The model runs on the inference worker,
 * 512 samples at 16 kHz per step with its recurrent state carried across.
 */
import { CancelledError } from '../contract/errors.js';
import { resample } from '../audio/resample.js';
import type { ModelRegistry, OpenedModel } from '../models/registry.js';
import { getInferenceWorker, type InferenceWorker } from '../workers/inference.js';
import type { AsrAudio } from './engine.js';
import type { SpeechDetector } from './long-audio.js';
import { regionsFromScores, speechFromEnergy, type SpeechRegion } from './vad.js';

export const SILERO_FAMILY = 'silero-vad';
const RATE = 16_000;
const WINDOW = 512;
/** Samples of the previous window the v5 model expects in front of each one. */
const CONTEXT = 64;

export interface SelectedVad {
  kind: 'energy' | 'silero';
  /** The silero model's id, when one is used. */
  modelId: string | null;
  /** Why an installed silero model was not used (it failed to open), if it was not. */
  note: string | null;
  detect: SpeechDetector;
  close(): Promise<void>;
}

export interface SelectVadOptions {
  registry: Pick<ModelRegistry, 'list' | 'open'>;
  /** `energy` skips the model even when one is installed. */
  prefer?: 'auto' | 'energy';
  worker?: () => Pick<InferenceWorker, 'run'>;
}

const energyVad = (note: string | null = null): SelectedVad => ({
  kind: 'energy',
  modelId: null,
  note,
  detect: (_audio, track) => speechFromEnergy(track),
  close: async () => {},
});

export async function selectVad(options: SelectVadOptions): Promise<SelectedVad> {
  if (options.prefer === 'energy') return energyVad();
  const { models } = await options.registry.list();
  const found = models.find((m) => m.manifest.family === SILERO_FAMILY);
  if (!found) return energyVad();
  let model: OpenedModel;
  try {
    model = await options.registry.open(found.id);
  } catch (e) {
    return energyVad(`${found.id} could not be opened (${(e as Error).message}); used energy`);
  }
  const worker = (options.worker ?? getInferenceWorker)();
  return {
    kind: 'silero',
    modelId: found.id,
    note: null,
    detect: async (audio, _track, signal) => sileroRegions(worker, model, audio, signal),
    close: () => model.close(),
  };
}

async function sileroRegions(
  worker: Pick<InferenceWorker, 'run'>,
  model: OpenedModel,
  audio: AsrAudio,
  signal?: AbortSignal,
): Promise<SpeechRegion[]> {
  const x =
    audio.sampleRate === RATE ? audio.samples : resample(audio.samples, audio.sampleRate, RATE);
  const session = model.sessions.model.id;
  const steps = Math.ceil(x.length / WINDOW);
  const probs = new Float32Array(steps);
  let state: Float32Array = new Float32Array(2 * 128);
  for (let k = 0; k < steps; k++) {
    if (signal?.aborted) throw new CancelledError('voice activity detection');
    const input = new Float32Array(CONTEXT + WINDOW);
    const from = k * WINDOW - CONTEXT;
    for (let i = 0; i < input.length; i++) {
      const j = from + i;
      input[i] = j >= 0 && j < x.length ? x[j] : 0;
    }
    const out = await worker.run(
      session,
      {
        input: { type: 'float32', dims: [1, input.length], data: input },
        state: { type: 'float32', dims: [2, 1, 128], data: state },
        sr: { type: 'int64', dims: [], data: BigInt64Array.of(BigInt(RATE)) },
      },
      ['output', 'stateN'],
      { signal },
    );
    probs[k] = (out.output.data as Float32Array)[0];
    state = out.stateN.data as Float32Array;
  }
  const hop = WINDOW / RATE;
  // Silero's own defaults: speech from 0.5, kept down to 0.35, 100 ms of silence ends it.
  return regionsFromScores(probs, hop, {
    start: 0.5,
    stay: 0.35,
    hangoverFrames: Math.round(0.1 / hop),
    minFrames: Math.round(0.25 / hop),
    padSeconds: 0.1,
  });
}
