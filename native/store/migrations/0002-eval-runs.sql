-- Version 2: evaluation runs, their hypotheses, per-utterance scores and
-- per-entity outcomes, so that runs can be compared and drilled into later.

CREATE TABLE eval_runs (
  id             INTEGER PRIMARY KEY,
  name           TEXT NOT NULL UNIQUE,
  model          TEXT NOT NULL,
  model_sha256   TEXT,
  system         TEXT,
  test_set       TEXT,
  decode_json    TEXT,
  metric_version TEXT NOT NULL,
  profile        TEXT NOT NULL,
  compat         TEXT,
  report_json    TEXT NOT NULL,
  created_at     TEXT NOT NULL
);

CREATE TABLE hypotheses (
  run_id       INTEGER NOT NULL REFERENCES eval_runs (id) ON DELETE CASCADE,
  utterance_id INTEGER NOT NULL REFERENCES utterances (id) ON DELETE CASCADE,
  text         TEXT    NOT NULL,
  PRIMARY KEY (run_id, utterance_id)
);

CREATE TABLE utterance_scores (
  run_id       INTEGER NOT NULL REFERENCES eval_runs (id) ON DELETE CASCADE,
  utterance_id INTEGER NOT NULL REFERENCES utterances (id) ON DELETE CASCADE,
  ref_words    INTEGER NOT NULL,
  hits         INTEGER NOT NULL,
  subs         INTEGER NOT NULL,
  dels         INTEGER NOT NULL,
  ins          INTEGER NOT NULL,
  ref_chars    INTEGER NOT NULL,
  char_edits   INTEGER NOT NULL,
  wer          REAL,
  cer          REAL,
  sfr          REAL,
  ops_json     TEXT,
  PRIMARY KEY (run_id, utterance_id)
);

CREATE TABLE entity_outcomes (
  run_id        INTEGER NOT NULL REFERENCES eval_runs (id) ON DELETE CASCADE,
  span_id       INTEGER NOT NULL REFERENCES entity_spans (id) ON DELETE CASCADE,
  outcome       TEXT    NOT NULL CHECK (outcome IN ('hit', 'partial', 'wrong_script', 'miss')),
  exact_surface INTEGER NOT NULL,
  hyp_window    TEXT    NOT NULL,
  PRIMARY KEY (run_id, span_id)
);
CREATE INDEX entity_outcomes_outcome ON entity_outcomes (run_id, outcome);
