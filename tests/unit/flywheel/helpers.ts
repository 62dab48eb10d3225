import { fileURLToPath } from 'node:url';
import { parseFlywheelConfig, type FlywheelConfig } from '../../../native/flywheel/config.js';
import type { Project } from '../../../native/store/project.js';

export const FAKE_ASR = fileURLToPath(
  new URL('../../fixtures/flywheel/fake-asr.ts', import.meta.url),
);
export const SMALL_YAML = fileURLToPath(
  new URL('../../fixtures/flywheel/small.yaml', import.meta.url),
);

/** A few clips: Hindi transcribed by the fake engine, Telugu with no ASR model. */
export function tinyConfig(overrides: Record<string, unknown> = {}): FlywheelConfig {
  return parseFlywheelConfig({
    name: 'tiny',
    seed: 5,
    languages: [
      { lang: 'hi', count: 3, asr_model: 'fake-hi' },
      { lang: 'te', count: 2, asr_model: null },
    ],
    classes: ['digits', 'currency'],
    test_share: 0.34,
    tts: {
      train_voices: [{ variant: 'm1' }, { variant: 'f2', rate: 200 }],
      test_voices: [{ variant: 'f4' }],
    },
    augment: { train: [{ kind: 'noise', snrDb: 20, noise: 'pink' }] },
    ...overrides,
  });
}

/**
 * Everything a job made that must not depend on how it was run: ids, text,
 * audio hashes, transcripts, scores, filter decisions and stored runs.
 */
export function snapshot(p: Project): unknown {
  const clips = p.db
    .prepare(
      `SELECT u.ext_id, u.text, u.spoken, u.split, u.system, a.sha256 AS audio, ca.sha256 AS clean,
              c.hypothesis, c.cer, c.entities, c.entity_hits, c.outcomes_json, c.filter_decision, c.filter_reason
       FROM flywheel_clips c JOIN utterances u ON u.id = c.utterance_id
       LEFT JOIN audio a ON a.id = c.audio_id LEFT JOIN audio ca ON ca.id = c.clean_audio_id ORDER BY u.ext_id`,
    )
    .all();
  const spans = p.db
    .prepare(
      `SELECT u.ext_id, s.tier, s.ord, s.type, s.start, s.end, s.surface, s.value FROM entity_spans s
       JOIN utterances u ON u.id = s.utterance_id ORDER BY u.ext_id, s.tier, s.ord`,
    )
    .all();
  const scores = p.db
    .prepare(
      `SELECT r.name, u.ext_id, s.wer, s.cer, s.char_edits, h.text FROM utterance_scores s
       JOIN eval_runs r ON r.id = s.run_id JOIN utterances u ON u.id = s.utterance_id
       JOIN hypotheses h ON h.run_id = s.run_id AND h.utterance_id = s.utterance_id ORDER BY r.name, u.ext_id`,
    )
    .all();
  const outcomes = p.db
    .prepare(
      `SELECT r.name, u.ext_id, sp.ord, o.outcome FROM entity_outcomes o JOIN eval_runs r ON r.id = o.run_id
       JOIN entity_spans sp ON sp.id = o.span_id JOIN utterances u ON u.id = sp.utterance_id
       ORDER BY r.name, u.ext_id, sp.ord`,
    )
    .all();
  const audio = p.db.prepare('SELECT sha256, bytes FROM audio ORDER BY sha256').all();
  return { clips, spans, scores, outcomes, audio };
}
