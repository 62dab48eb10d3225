-- Charkha project schema, version 1: audio, utterances, entity spans,
-- annotation tiers and segments, jobs with resumable work items, models.

CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

-- Audio is content-addressed: the file lives at audio/<sha[0:2]>/<sha>.<ext>
-- and is never rewritten, so the row is immutable once written.
CREATE TABLE audio (
  id            INTEGER PRIMARY KEY,
  sha256        TEXT    NOT NULL UNIQUE,
  original_name TEXT    NOT NULL,
  ext           TEXT    NOT NULL,
  container     TEXT    NOT NULL,
  codec         TEXT    NOT NULL,
  sample_rate   INTEGER NOT NULL CHECK (sample_rate > 0),
  channels      INTEGER NOT NULL CHECK (channels > 0),
  frames        INTEGER NOT NULL CHECK (frames >= 0),
  duration_sec  REAL    NOT NULL,
  bytes         INTEGER NOT NULL,
  system        TEXT,
  imported_at   TEXT    NOT NULL
);

CREATE TABLE utterances (
  id           INTEGER PRIMARY KEY,
  ext_id       TEXT    NOT NULL UNIQUE,
  lang         TEXT    NOT NULL,
  text         TEXT    NOT NULL,
  spoken       TEXT,
  entity_class TEXT,
  split        TEXT    NOT NULL DEFAULT 'none' CHECK (split IN ('train', 'dev', 'test', 'none')),
  source       TEXT,
  system       TEXT,
  audio_id     INTEGER REFERENCES audio (id),
  -- The row exactly as imported (every key, in order), so export can give it back.
  raw_json     TEXT,
  -- Set when text or spans were edited after import: export rebuilds those keys.
  edited       INTEGER NOT NULL DEFAULT 0,
  created_at   TEXT    NOT NULL
);
CREATE INDEX utterances_lang ON utterances (lang);
CREATE INDEX utterances_audio ON utterances (audio_id);

-- Offsets are code points into utterances.text (tier 'text') or .spoken (tier 'spoken').
CREATE TABLE entity_spans (
  id            INTEGER PRIMARY KEY,
  utterance_id  INTEGER NOT NULL REFERENCES utterances (id) ON DELETE CASCADE,
  tier          TEXT    NOT NULL DEFAULT 'text' CHECK (tier IN ('text', 'spoken')),
  ord           INTEGER NOT NULL,
  type          TEXT    NOT NULL,
  original_type TEXT    NOT NULL,
  subtype       TEXT,
  start         INTEGER NOT NULL CHECK (start >= 0),
  end           INTEGER NOT NULL CHECK (end >= start),
  surface       TEXT    NOT NULL,
  value         TEXT,
  value_start   INTEGER,
  value_end     INTEGER,
  raw_json      TEXT,
  UNIQUE (utterance_id, tier, ord)
);
CREATE INDEX entity_spans_type ON entity_spans (type);

CREATE TABLE tiers (
  id              INTEGER PRIMARY KEY,
  audio_id        INTEGER NOT NULL REFERENCES audio (id),
  name            TEXT    NOT NULL,
  kind            TEXT    NOT NULL,
  parent_id       INTEGER REFERENCES tiers (id),
  vocabulary_json TEXT,
  UNIQUE (audio_id, name)
);

CREATE TABLE segments (
  id         INTEGER PRIMARY KEY,
  tier_id    INTEGER NOT NULL REFERENCES tiers (id) ON DELETE CASCADE,
  start_sec  REAL    NOT NULL,
  end_sec    REAL    NOT NULL CHECK (end_sec >= start_sec),
  text       TEXT    NOT NULL DEFAULT '',
  state      TEXT    NOT NULL DEFAULT 'todo',
  machine    INTEGER NOT NULL DEFAULT 0,
  author     TEXT,
  updated_at TEXT    NOT NULL
);
CREATE INDEX segments_tier ON segments (tier_id, start_sec);

CREATE TABLE jobs (
  id          INTEGER PRIMARY KEY,
  kind        TEXT NOT NULL,
  state       TEXT NOT NULL CHECK (state IN ('pending', 'running', 'paused', 'done', 'failed', 'cancelled')),
  config_json TEXT NOT NULL,
  error       TEXT,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
);

-- One row per unit of work (utterance x system x step). A worker claims a
-- row and completes it in the same transaction as its result, so a killed
-- process leaves each item either done or claimable again.
CREATE TABLE job_items (
  id          INTEGER PRIMARY KEY,
  job_id      INTEGER NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
  key         TEXT    NOT NULL,
  step        TEXT    NOT NULL,
  state       TEXT    NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'claimed', 'done', 'failed')),
  attempts    INTEGER NOT NULL DEFAULT 0,
  claimed_by  TEXT,
  result_json TEXT,
  error       TEXT,
  updated_at  TEXT    NOT NULL,
  UNIQUE (job_id, key, step)
);
CREATE INDEX job_items_state ON job_items (job_id, step, state);

CREATE TABLE models (
  id            INTEGER PRIMARY KEY,
  model_id      TEXT NOT NULL UNIQUE,
  task          TEXT NOT NULL,
  family        TEXT NOT NULL,
  path          TEXT NOT NULL,
  sha256        TEXT,
  manifest_json TEXT NOT NULL,
  added_at      TEXT NOT NULL
);
