-- Version 6: the times of a hypothesis's words, where the recogniser gave
-- them, so that the Evaluate screen plays an entity from where it was
-- heard; and the reference form a run was scored against, so that a rescore
-- after a reference fix uses the same form.

ALTER TABLE hypotheses ADD COLUMN words_json TEXT;

ALTER TABLE eval_runs ADD COLUMN reference TEXT NOT NULL DEFAULT 'text'
  CHECK (reference IN ('text', 'spoken'));

-- Until now only the flywheel scored against the spoken form, and only on its own clips.
UPDATE eval_runs SET reference = 'spoken'
WHERE EXISTS (
  SELECT 1 FROM hypotheses h JOIN flywheel_clips c ON c.utterance_id = h.utterance_id
  WHERE h.run_id = eval_runs.id
);
