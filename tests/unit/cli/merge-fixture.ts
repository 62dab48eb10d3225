import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { importAudio } from '../../../native/service/import-audio.js';
import { Project } from '../../../native/store/project.js';
import { tone } from '../interchange/dataset-project.js';

/** A flywheel-shaped job of four clips, written straight through the store: no TTS, no ASR. */
export const CLIPS = [0, 1, 2, 3].map((i) => ({
  index: i,
  extId: `t-r1-te-1-00000${i}`,
  text: `ఫోన్ 98480${i}2345 కి`,
  surface: `98480${i}2345`,
  split: i === 3 ? ('test' as const) : ('train' as const),
  hz: 300 + 100 * i,
}));

export const STORED = {
  config: {
    name: 't',
    rounds: 1,
    languages: [{ lang: 'te', count: 4, asr_model: 'm' }],
    exports: [{ format: 'nemo', kept_only: true }],
  },
  models: { te: 'm' },
};

export interface FixtureOptions {
  /** Which clips this project holds (plan indices). */
  clips: number[];
  shard: { index: number; count: number } | null;
  /** Text of a clip, to make two shards disagree. */
  textOf?: (i: number) => string;
}

/**
 * A project holding some clips of the job, each with audio, a span, its work
 * items done, its flywheel row and an eval run's scores; the shape a shard of
 * `charkha flywheel run --shard` leaves behind.
 */
export async function buildShard(dir: string, o: FixtureOptions): Promise<string> {
  const root = join(dir, 'project');
  const p = Project.init(root);
  try {
    const job = p.jobs.create('flywheel', { ...STORED, shard: o.shard });
    p.db
      .prepare(
        'INSERT INTO flywheel_rounds (job_id, round, mix_json, models_json, summary_json) VALUES (?, 1, ?, ?, ?)',
      )
      .run(job, 'null', JSON.stringify(STORED.models), JSON.stringify({ shard: o.shard }));
    const runId = p.runs.insert(
      {
        name: 't-r1-te',
        model: 'm',
        modelSha256: null,
        system: null,
        testSet: 't-r1-te-test',
        decode: undefined,
        metricVersion: '1',
        profile: 'standard',
        compat: null,
        report: { ehr: { micro: 1 } },
      },
      [],
      [],
    );
    for (const c of CLIPS.filter((x) => o.clips.includes(x.index))) {
      const wav = join(dir, `${c.extId}.wav`);
      writeFileSync(wav, tone(16000, 0.2, c.hz));
      const audioId = (await importAudio(p, [wav], { system: 'espeak:te' })).imported[0].audioId;
      const text = o.textOf?.(c.index) ?? c.text;
      p.db.transaction(() => {
        const start = [...text].indexOf(c.surface[0]);
        const utt = p.utterances.insert({
          extId: c.extId,
          lang: 'te',
          text,
          spoken: null,
          entityClass: 'digits',
          split: c.split,
          source: null,
          system: 'espeak:te',
          audioId,
          rawJson: null,
          spans: [
            {
              tier: 'text',
              ord: 0,
              type: 'phone',
              originalType: 'phone',
              subtype: null,
              start,
              end: start + c.surface.length,
              surface: c.surface,
              value: c.surface,
              valueStart: null,
              valueEnd: null,
              rawJson: null,
            },
          ],
        });
        p.jobs.addItems(
          job,
          ['generate', 'synthesize', 'transcribe'].map((step) => ({ key: c.extId, step })),
        );
        const items = p.db
          .prepare<[number, string], { id: number; step: string }>(
            'SELECT id, step FROM job_items WHERE job_id = ? AND key = ?',
          )
          .all(job, c.extId);
        for (const it of items) {
          p.jobs.complete(it.id, { step: it.step, extId: c.extId });
          p.db
            .prepare(
              'INSERT INTO flywheel_completions (item_id, job_id, step, pid, done_at) VALUES (?, ?, ?, 4242, ?)',
            )
            .run(it.id, job, it.step, new Date().toISOString());
        }
        p.db
          .prepare(
            `INSERT INTO flywheel_clips (job_id, utterance_id, round, item_index, lang, split, system, clean_audio_id, audio_id, model, hypothesis, cer, filter_decision)
             VALUES (?, ?, 1, ?, 'te', ?, 'espeak:te', ?, ?, 'm', ?, 0, ?)`,
          )
          .run(
            job,
            utt,
            c.index,
            c.split,
            audioId,
            audioId,
            text,
            c.split === 'train' ? 'kept' : null,
          );
        p.db
          .prepare('INSERT INTO hypotheses (run_id, utterance_id, text) VALUES (?, ?, ?)')
          .run(runId, utt, text);
        p.db
          .prepare(
            `INSERT INTO utterance_scores (run_id, utterance_id, ref_words, hits, subs, dels, ins, ref_chars, char_edits, wer, cer, sfr)
             VALUES (?, ?, 3, 3, 0, 0, 0, 14, 0, 0, 0, 0)`,
          )
          .run(runId, utt);
        const span = p.utterances.getByExtId(c.extId)!.entities[0].id;
        p.db
          .prepare(
            "INSERT INTO entity_outcomes (run_id, span_id, outcome, exact_surface, hyp_window) VALUES (?, ?, 'hit', 1, ?)",
          )
          .run(runId, span, c.surface);
      })();
    }
    p.jobs.setState(job, 'done');
  } finally {
    p.close();
  }
  return root;
}
