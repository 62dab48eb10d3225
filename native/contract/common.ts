import { z } from 'zod';

/** Language codes Charkha knows (ISO 639-1, as in the shared corpora). */
export const LANGS = [
  'hi',
  'mr',
  'ne',
  'sa',
  'bn',
  'as',
  'pa',
  'gu',
  'or',
  'ta',
  'te',
  'kn',
  'ml',
  'ur',
  'sd',
  'si',
  'en',
] as const;
export const Lang = z.enum(LANGS);
export type Lang = z.infer<typeof Lang>;

export const Split = z.enum(['train', 'dev', 'test', 'none']);
export type Split = z.infer<typeof Split>;

export const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'a lowercase hex sha256');
