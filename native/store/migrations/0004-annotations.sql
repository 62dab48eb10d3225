-- Version 4: the annotation workspace. Tiers and segments are in version 1;
-- this adds what ELAN-style annotation with review and teams needs.

-- SQLite cannot add a CHECK to an existing column, so triggers refuse what a
-- CHECK would. Kinds: the fixed tiers of a recording plus user-defined ones.
CREATE TRIGGER tiers_kind_insert BEFORE INSERT ON tiers
WHEN NEW.kind NOT IN ('transcript', 'normalised', 'translation', 'speaker', 'user')
BEGIN
  SELECT RAISE(ABORT, 'tiers.kind must be transcript, normalised, translation, speaker or user');
END;
CREATE TRIGGER tiers_kind_update BEFORE UPDATE OF kind ON tiers
WHEN NEW.kind NOT IN ('transcript', 'normalised', 'translation', 'speaker', 'user')
BEGIN
  SELECT RAISE(ABORT, 'tiers.kind must be transcript, normalised, translation, speaker or user');
END;

-- Who speaks on a tier and who annotated it (ELAN's PARTICIPANT and ANNOTATOR).
ALTER TABLE tiers ADD COLUMN participant TEXT;
ALTER TABLE tiers ADD COLUMN annotator TEXT;

-- Review: a segment moves todo → transcribed → reviewed → approved and may
-- carry a reviewer's note.
ALTER TABLE segments ADD COLUMN note TEXT;
CREATE TRIGGER segments_state_insert BEFORE INSERT ON segments
WHEN NEW.state NOT IN ('todo', 'transcribed', 'reviewed', 'approved')
BEGIN
  SELECT RAISE(ABORT, 'segments.state must be todo, transcribed, reviewed or approved');
END;
CREATE TRIGGER segments_state_update BEFORE UPDATE OF state ON segments
WHEN NEW.state NOT IN ('todo', 'transcribed', 'reviewed', 'approved')
BEGIN
  SELECT RAISE(ABORT, 'segments.state must be todo, transcribed, reviewed or approved');
END;

-- Entity spans tagged in a segment's text; offsets are code points.
CREATE TABLE segment_entities (
  segment_id INTEGER NOT NULL REFERENCES segments (id) ON DELETE CASCADE,
  ord        INTEGER NOT NULL,
  type       TEXT    NOT NULL,
  start      INTEGER NOT NULL CHECK (start >= 0),
  end        INTEGER NOT NULL CHECK (end > start),
  value      TEXT,
  PRIMARY KEY (segment_id, ord)
);

-- Every write to a segment, with the segment as it was and as it became
-- (JSON; null for a creation or a deletion), for who-made-what and undo. No
-- foreign key: the log outlives a deleted segment. `batch` groups the rows
-- of one user action (a split writes two), so undo can take them together.
CREATE TABLE segment_edits (
  id          INTEGER PRIMARY KEY,
  batch       INTEGER NOT NULL,
  segment_id  INTEGER NOT NULL,
  tier_id     INTEGER NOT NULL,
  op          TEXT    NOT NULL,
  author      TEXT    NOT NULL,
  at          TEXT    NOT NULL,
  before_json TEXT,
  after_json  TEXT
);
CREATE INDEX segment_edits_segment ON segment_edits (segment_id, id);
CREATE INDEX segment_edits_tier ON segment_edits (tier_id, id);
