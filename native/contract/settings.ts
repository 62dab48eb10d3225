import { z } from 'zod';

/** A person's name as edits record it. */
export const AnnotatorName = z.string().trim().min(1, 'must not be empty').max(200);

/**
 * The installation's settings file (settings.json in the user's config
 * folder). Keys this version does not know are kept as they are, so an
 * older Charkha never drops what a newer one wrote.
 */
export const InstallationSettings = z.looseObject({
  /** Who every edit is recorded as, on every project of this installation. */
  annotator: AnnotatorName.optional(),
});
export type InstallationSettings = z.infer<typeof InstallationSettings>;

/** The settings `charkha config` and the UI read and write, one key at a time. */
export const SETTING_KEYS = ['annotator'] as const;
export type SettingKey = (typeof SETTING_KEYS)[number];

export const SettingsView = z.object({
  /** The installation's annotator; null until someone sets it. */
  annotator: z.string().nullable(),
  /** Who edits are recorded as meanwhile ($CHARKHA_ANNOTATOR, else the login name). */
  fallbackAnnotator: z.string(),
  /** The settings file, for messages that point at it. */
  path: z.string(),
});
export type SettingsView = z.infer<typeof SettingsView>;

export const SetSettingsRequest = z.object({ annotator: AnnotatorName });
