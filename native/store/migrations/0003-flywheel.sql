-- Version 3: the flywheel. A job's rows (jobs, job_items) are in version 1;
-- these tables hold what the steps produce per clip and per round.

-- One row per utterance a flywheel job made: where it came from (round,
-- index, split, system), its audio before and after augmentation, what the
-- round-trip model heard, and the filter's decision with its reason. A
-- person's overrule is kept beside the filter's decision, never over it.
CREATE TABLE flywheel_clips (
  job_id          INTEGER NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
  utterance_id    INTEGER NOT NULL REFERENCES utterances (id) ON DELETE CASCADE,
  round           INTEGER NOT NULL,
  item_index      INTEGER NOT NULL,
  lang            TEXT    NOT NULL,
  split           TEXT    NOT NULL CHECK (split IN ('train', 'test')),
  system          TEXT    NOT NULL,
  clean_audio_id  INTEGER REFERENCES audio (id),
  audio_id        INTEGER REFERENCES audio (id),
  model           TEXT,
  hypothesis      TEXT,
  cer             REAL,
  entities        INTEGER,
  entity_hits     INTEGER,
  outcomes_json   TEXT,
  filter_decision TEXT CHECK (filter_decision IN ('kept', 'rejected')),
  filter_reason   TEXT,
  overrule        TEXT CHECK (overrule IN ('kept', 'rejected')),
  overrule_note   TEXT,
  overruled_at    TEXT,
  PRIMARY KEY (job_id, utterance_id)
);
CREATE INDEX flywheel_clips_round ON flywheel_clips (job_id, round, lang, split);

-- Each round's class mix per language, the model that transcribed it, the
-- eval runs made of its test split and what the train command said.
CREATE TABLE flywheel_rounds (
  job_id      INTEGER NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
  round       INTEGER NOT NULL,
  mix_json    TEXT    NOT NULL,
  models_json TEXT    NOT NULL,
  summary_json TEXT,
  PRIMARY KEY (job_id, round)
);

-- Every completion of a work item, once: the primary key makes a second
-- completion of the same item fail loudly instead of doing the work twice.
CREATE TABLE flywheel_completions (
  item_id  INTEGER PRIMARY KEY REFERENCES job_items (id) ON DELETE CASCADE,
  job_id   INTEGER NOT NULL,
  step     TEXT    NOT NULL,
  pid      INTEGER NOT NULL,
  done_at  TEXT    NOT NULL
);
