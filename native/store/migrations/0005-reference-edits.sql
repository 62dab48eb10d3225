-- Version 5: corrections of reference texts made while evaluating, with who
-- made them, when, the text before and after, and the runs rescored.

CREATE TABLE reference_edits (
  id            INTEGER PRIMARY KEY,
  utterance_id  INTEGER NOT NULL REFERENCES utterances (id) ON DELETE CASCADE,
  author        TEXT    NOT NULL,
  at            TEXT    NOT NULL,
  before_text   TEXT    NOT NULL,
  after_text    TEXT    NOT NULL,
  before_spans  TEXT    NOT NULL,
  after_spans   TEXT    NOT NULL,
  note          TEXT,
  rescored_json TEXT    NOT NULL DEFAULT '[]'
);
CREATE INDEX reference_edits_utterance ON reference_edits (utterance_id);
