/**
 * One opened Piper voice: its config and its checked ONNX session, and the
 * tensor-level run (ids → samples) on the inference worker.
 */
import { UserError } from '../../contract/errors.js';
import type { OpenedModel } from '../../models/registry.js';
import { getInferenceWorker } from '../../workers/inference.js';
import type { WireTensors } from '../../workers/inference.js';
import { readPiperConfig } from './config.js';
import type { PiperConfig } from './config.js';

export interface PiperScales {
  noiseScale?: number;
  lengthScale?: number;
  noiseW?: number;
  speaker?: number;
}

export class PiperVoice {
  private constructor(
    readonly model: OpenedModel,
    readonly config: PiperConfig,
  ) {}

  static async open(model: OpenedModel): Promise<PiperVoice> {
    const configPath = model.files.config;
    if (!configPath)
      throw new UserError('model_invalid', `Piper voice ${model.manifest.id} has no .onnx.json`);
    return new PiperVoice(model, await readPiperConfig(configPath));
  }

  get id(): string {
    return this.model.manifest.id;
  }

  private get hasSid(): boolean {
    return this.model.sessions.model.inputNames.includes('sid');
  }

  /** The speaker index to feed, or a `UserError` before any work is done. */
  checkSpeaker(requested: number | undefined): number {
    const c = this.config;
    const speaker = requested ?? 0;
    if (!Number.isInteger(speaker) || speaker < 0 || speaker >= Math.max(1, c.numSpeakers)) {
      throw new UserError(
        'bad_input',
        `voice ${this.id} has ${c.numSpeakers} speaker(s); speaker ${speaker} does not exist`,
      );
    }
    if (c.numSpeakers > 1 && !this.hasSid) {
      throw new UserError(
        'model_invalid',
        `${this.model.files.model}: the config says ${c.numSpeakers} speakers but the model has no input "sid"`,
      );
    }
    return speaker;
  }

  /** Samples for one sentence's phoneme ids. */
  async run(ids: number[], scales: PiperScales = {}, signal?: AbortSignal): Promise<Float32Array> {
    const c = this.config;
    const speaker = this.checkSpeaker(scales.speaker);
    const feeds: WireTensors = {
      input: { type: 'int64', dims: [1, ids.length], data: BigInt64Array.from(ids, BigInt) },
      input_lengths: { type: 'int64', dims: [1], data: BigInt64Array.of(BigInt(ids.length)) },
      scales: {
        type: 'float32',
        dims: [3],
        data: Float32Array.of(
          scales.noiseScale ?? c.noiseScale,
          scales.lengthScale ?? c.lengthScale,
          scales.noiseW ?? c.noiseW,
        ),
      },
    };
    if (this.hasSid)
      feeds.sid = { type: 'int64', dims: [1], data: BigInt64Array.of(BigInt(speaker)) };
    const out = await getInferenceWorker().run(this.model.sessions.model.id, feeds, ['output'], {
      signal,
    });
    return out.output.data as Float32Array;
  }

  close(): Promise<void> {
    return this.model.close();
  }
}
