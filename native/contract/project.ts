import { z } from 'zod';

export const ProjectCounts = z.object({
  audio: z.number().int(),
  utterances: z.number().int(),
  entities: z.number().int(),
  runs: z.number().int(),
  jobs: z.number().int(),
});

export const ProjectInfo = z.object({
  path: z.string(),
  schemaVersion: z.number().int(),
  charkhaSchemaVersion: z.number().int(),
  counts: ProjectCounts,
  sizeBytes: z.number().int(),
  audioBytes: z.number().int(),
  databaseBytes: z.number().int(),
  createdAt: z.string().nullable(),
});
export type ProjectInfo = z.infer<typeof ProjectInfo>;
