import { z } from 'zod';

/**
 * Messages between the main process and the engine's utility process. Both
 * sides parse what they receive: the engine is a separate process and its
 * messages cross a boundary like any other.
 */
export const ToEngine = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('open'), id: z.number().int(), dir: z.string().min(1) }),
  z.object({ kind: z.literal('init'), id: z.number().int(), dir: z.string().min(1) }),
  z.object({
    kind: z.literal('call'),
    id: z.number().int(),
    method: z.string(),
    payload: z.unknown(),
  }),
  z.object({
    kind: z.literal('media'),
    id: z.number().int(),
    audioId: z.number().int(),
    variant: z.enum(['original', '16k']),
  }),
  z.object({
    kind: z.literal('peaks'),
    id: z.number().int(),
    audioId: z.number().int(),
    pixels: z.number().int().positive(),
  }),
  z.object({ kind: z.literal('close'), id: z.number().int() }),
]);
export type ToEngine = z.infer<typeof ToEngine>;

export const EngineErrorBody = z.object({
  code: z.string(),
  message: z.string(),
  hint: z.string().nullable(),
});

// A plain union: the two replies share `kind: 'reply'`, which
// z.discriminatedUnion rejects (zod 4 throws "Duplicate discriminator value"
// on first parse, so every engine reply would have been lost).
export const FromEngine = z.union([
  z.object({
    kind: z.literal('reply'),
    id: z.number().int(),
    ok: z.literal(true),
    result: z.unknown(),
  }),
  z.object({
    kind: z.literal('reply'),
    id: z.number().int(),
    ok: z.literal(false),
    error: EngineErrorBody,
  }),
  z.object({ kind: z.literal('event'), event: z.unknown() }),
]);
export type FromEngine = z.infer<typeof FromEngine>;
