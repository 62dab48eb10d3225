import { z } from 'zod';

export const JobState = z.enum(['pending', 'running', 'paused', 'done', 'failed', 'cancelled']);
export type JobState = z.infer<typeof JobState>;

export const ItemState = z.enum(['pending', 'claimed', 'done', 'failed']);
export type ItemState = z.infer<typeof ItemState>;

export const Job = z.object({
  id: z.number().int(),
  kind: z.string(),
  state: JobState,
  config: z.unknown(),
  createdAt: z.string(),
  updatedAt: z.string(),
  error: z.string().nullable(),
  items: z.object({
    pending: z.number().int(),
    claimed: z.number().int(),
    done: z.number().int(),
    failed: z.number().int(),
  }),
});
export type Job = z.infer<typeof Job>;

/** Events streamed to the CLI and the UI while long work runs. */
export const EngineEvent = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('progress'),
    task: z.string(),
    done: z.number(),
    total: z.number().nullable(),
    message: z.string().nullable(),
  }),
  z.object({ kind: z.literal('job'), jobId: z.number().int(), state: JobState }),
  z.object({
    kind: z.literal('log'),
    level: z.enum(['info', 'warn', 'error']),
    message: z.string(),
  }),
]);
export type EngineEvent = z.infer<typeof EngineEvent>;
