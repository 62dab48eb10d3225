import { z } from 'zod';
import { Sha256 } from './common.js';

export const AudioRecord = z.object({
  id: z.number().int(),
  sha256: Sha256,
  originalName: z.string(),
  container: z.string(),
  codec: z.string(),
  sampleRate: z.number().int().positive(),
  channels: z.number().int().positive(),
  frames: z.number().int().nonnegative(),
  durationSec: z.number().nonnegative(),
  bytes: z.number().int().nonnegative(),
  system: z.string().nullable(),
  importedAt: z.string(),
});
export type AudioRecord = z.infer<typeof AudioRecord>;

/** Waveform peaks for display: interleaved min/max pairs scaled to ±32767. */
export const PeaksResponse = z.object({
  sampleRate: z.number().int(),
  samplesPerPixel: z.number().int(),
  durationSec: z.number(),
  data: z.array(z.number().int()),
});
export type PeaksResponse = z.infer<typeof PeaksResponse>;

export const ImportAudioResult = z.object({
  imported: z.array(z.object({ path: z.string(), audioId: z.number().int(), sha256: Sha256 })),
  existing: z.array(z.object({ path: z.string(), audioId: z.number().int(), sha256: Sha256 })),
  failed: z.array(z.object({ path: z.string(), reason: z.string() })),
});
export type ImportAudioResult = z.infer<typeof ImportAudioResult>;
