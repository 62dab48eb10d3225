/**
 * Augmentation chains: a list of steps, parsed with zod from JSON (or named
 * by a preset), applied in order with one seed. Each step draws from its own
 * generator, seeded from the chain seed and the step's position, so the same
 * seed gives the same bytes, and editing a later step leaves the noise of
 * earlier ones unchanged.
 */
import { z } from 'zod';
import { UserError } from '../../contract/errors.js';
import { mulberry32 } from '../../metrics/bootstrap.js';
import { resample } from '../../audio/resample.js';
import { normalizeLoudness } from './loudness.js';
import { addNoise } from './noise.js';
import { reverb } from './reverb.js';
import { speedPerturb } from './speed.js';
import { telephone } from './telephone.js';

export const AugmentStep = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('noise'),
    snrDb: z.number().min(-10).max(80),
    noise: z.enum(['white', 'pink', 'brown', 'babble']).default('pink'),
  }),
  z.strictObject({ kind: z.literal('speed'), factor: z.number().min(0.5).max(2) }),
  z.strictObject({ kind: z.literal('telephone') }),
  z.strictObject({
    kind: z.literal('reverb'),
    rt60: z.number().min(0.05).max(5),
    drrDb: z.number().min(-20).max(30).optional(),
    preDelayMs: z.number().min(0).max(100).optional(),
  }),
  z.strictObject({
    kind: z.literal('loudness'),
    targetDbfs: z.number().min(-70).max(0).default(-23),
    peakDbfs: z.number().min(-30).max(0).default(-1),
  }),
  z.strictObject({ kind: z.literal('resample'), rate: z.number().int().min(4000).max(192000) }),
]);
export type AugmentStep = z.infer<typeof AugmentStep>;
export type AugmentStepInput = z.input<typeof AugmentStep>;

export const AugmentChain = z.array(AugmentStep).max(32);
export type AugmentChain = z.infer<typeof AugmentChain>;

/** Named chains for the CLI's `--augment <name>`. */
export const AUGMENT_PRESETS: Readonly<Record<string, AugmentStepInput[]>> = {
  clean: [],
  'speed-0.9': [{ kind: 'speed', factor: 0.9 }],
  'speed-1.1': [{ kind: 'speed', factor: 1.1 }],
  noisy: [{ kind: 'noise', snrDb: 15, noise: 'pink' }],
  babble: [{ kind: 'noise', snrDb: 10, noise: 'babble' }],
  phone: [{ kind: 'telephone' }],
  room: [{ kind: 'reverb', rt60: 0.5 }],
  'noisy-phone': [{ kind: 'noise', snrDb: 15, noise: 'pink' }, { kind: 'telephone' }],
  'far-field': [
    { kind: 'reverb', rt60: 0.7, drrDb: -3 },
    { kind: 'noise', snrDb: 20, noise: 'brown' },
  ],
};

/** A chain from JSON text, a parsed value, or a preset name. */
export function parseChain(spec: unknown): AugmentChain {
  let value = spec;
  if (typeof spec === 'string') {
    const text = spec.trim();
    if (text in AUGMENT_PRESETS) value = AUGMENT_PRESETS[text];
    else {
      try {
        value = JSON.parse(text);
      } catch {
        throw new UserError(
          'bad_input',
          `augmentation "${text}" is neither a preset nor JSON`,
          `presets: ${Object.keys(AUGMENT_PRESETS).join(', ')}`,
        );
      }
    }
  }
  const parsed = AugmentChain.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UserError(
      'bad_input',
      `bad augmentation chain at ${issue.path.join('.') || '(top)'}: ${issue.message}`,
      'e.g. [{"kind":"noise","snrDb":15,"noise":"pink"},{"kind":"telephone"}]',
    );
  }
  return parsed.data;
}

/** Seed of step `index` of a chain seeded `seed`. */
function stepSeed(seed: number, index: number): number {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13) ^ (index + 1), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

export interface AugmentedAudio {
  samples: Float32Array;
  sampleRate: number;
}

export function applyChain(
  samples: Float32Array,
  sampleRate: number,
  chain: AugmentChain | AugmentStepInput[],
  seed: number,
): AugmentedAudio {
  const steps = AugmentChain.parse(chain);
  let x = samples;
  let rate = sampleRate;
  steps.forEach((step, i) => {
    const rng = mulberry32(stepSeed(seed, i));
    switch (step.kind) {
      case 'noise':
        x = addNoise(x, rate, step.snrDb, step.noise, rng);
        break;
      case 'speed':
        x = speedPerturb(x, rate, step.factor);
        break;
      case 'telephone':
        x = telephone(x, rate);
        break;
      case 'reverb':
        x = reverb(x, rate, step, rng);
        break;
      case 'loudness':
        x = normalizeLoudness(x, rate, step);
        break;
      case 'resample':
        x = resample(x, rate, step.rate);
        rate = step.rate;
        break;
    }
  });
  return { samples: x === samples ? samples.slice() : x, sampleRate: rate };
}
