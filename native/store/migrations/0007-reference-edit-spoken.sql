-- Version 7: a reference fix may correct the spoken form (what the voice
-- was asked to say) as well as the written text, and records the runs it
-- left as they were: a run scored on a form the fix did not touch keeps
-- its scores.

ALTER TABLE reference_edits ADD COLUMN spoken_before TEXT;
ALTER TABLE reference_edits ADD COLUMN spoken_after TEXT;
ALTER TABLE reference_edits ADD COLUMN spoken_before_spans TEXT;
ALTER TABLE reference_edits ADD COLUMN spoken_after_spans TEXT;
ALTER TABLE reference_edits ADD COLUMN kept_json TEXT NOT NULL DEFAULT '[]';
