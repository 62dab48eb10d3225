import { existsSync } from 'node:fs';
import { storedAudioPath } from '../../../native/service/audio-prepare.js';
import { Project } from '../../../native/store/project.js';

type Row = Record<string, unknown>;

/**
 * Everything that makes two projects "the same job's result": utterance ids,
 * text and spans, audio hashes (and their files), scores and outcomes, the
 * flywheel's clips and work items. Row ids of utterances are included; times,
 * pids and the order of rows are not.
 */
export function projectDigest(root: string): Row {
  const p = Project.open(root, { readonly: true });
  try {
    const all = (sql: string) => p.db.prepare<[], Row>(sql).all();
    const audio = all(
      'SELECT sha256, ext, sample_rate, channels, frames, bytes, system FROM audio ORDER BY sha256',
    );
    return {
      audio,
      audioFiles: audio.every((a) =>
        existsSync(storedAudioPath(p.paths.audio, a.sha256 as string, a.ext as string)),
      ),
      utterances: all(
        `SELECT u.id, u.ext_id, u.lang, u.text, u.spoken, u.entity_class, u.split, u.source, u.system, u.raw_json, u.edited, a.sha256 AS audio
           FROM utterances u LEFT JOIN audio a ON a.id = u.audio_id ORDER BY u.ext_id`,
      ),
      spans: all(
        `SELECT u.ext_id, s.tier, s.ord, s.type, s.original_type, s.start, s.end, s.surface, s.value
           FROM entity_spans s JOIN utterances u ON u.id = s.utterance_id ORDER BY u.ext_id, s.tier, s.ord`,
      ),
      runs: all(
        'SELECT name, model, test_set, metric_version, profile, report_json FROM eval_runs ORDER BY name',
      ),
      hypotheses: all(
        `SELECT r.name, u.ext_id, h.text FROM hypotheses h JOIN eval_runs r ON r.id = h.run_id
           JOIN utterances u ON u.id = h.utterance_id ORDER BY r.name, u.ext_id`,
      ),
      scores: all(
        `SELECT r.name, u.ext_id, s.ref_words, s.hits, s.subs, s.dels, s.ins, s.ref_chars, s.char_edits, s.wer, s.cer, s.sfr, s.ops_json
           FROM utterance_scores s JOIN eval_runs r ON r.id = s.run_id JOIN utterances u ON u.id = s.utterance_id
          ORDER BY r.name, u.ext_id`,
      ),
      outcomes: all(
        `SELECT r.name, u.ext_id, sp.tier, sp.ord, o.outcome, o.exact_surface, o.hyp_window
           FROM entity_outcomes o JOIN eval_runs r ON r.id = o.run_id JOIN entity_spans sp ON sp.id = o.span_id
           JOIN utterances u ON u.id = sp.utterance_id ORDER BY r.name, u.ext_id, sp.tier, sp.ord`,
      ),
      clips: all(
        `SELECT u.ext_id, c.round, c.item_index, c.lang, c.split, c.system, ca.sha256 AS clean, a.sha256 AS audio,
                c.model, c.hypothesis, c.cer, c.entities, c.entity_hits, c.outcomes_json, c.filter_decision,
                c.filter_reason, c.overrule
           FROM flywheel_clips c JOIN utterances u ON u.id = c.utterance_id
           LEFT JOIN audio ca ON ca.id = c.clean_audio_id LEFT JOIN audio a ON a.id = c.audio_id
          ORDER BY u.ext_id`,
      ),
      items: all(
        `SELECT j.kind, i.key, i.step, i.state, i.result_json FROM job_items i JOIN jobs j ON j.id = i.job_id
          ORDER BY j.kind, i.key, i.step`,
      ),
      completions: all(
        `SELECT i.key, c.step FROM flywheel_completions c JOIN job_items i ON i.id = c.item_id ORDER BY i.key, c.step`,
      ),
    };
  } finally {
    p.close();
  }
}
