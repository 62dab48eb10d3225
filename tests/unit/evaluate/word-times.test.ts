import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { entityStartFromWords } from '../../../native/service/entity-time.js';
import { importEvalRun } from '../../../native/service/eval-import.js';
import { evaluateHandlers } from '../../../native/service/evaluate-handlers.js';
import {
  normalizedWordStarts,
  parseHypothesisWords,
} from '../../../native/service/hypothesis-words.js';
import { jsonl, projectWithTwoRuns, RIGHT } from './phone-project.js';

/** The recogniser's words for RIGHT ('నా నంబర్ 9263063636 కి కాల్ చేయండి'), 0.5 s apart from 0.2 s. */
const TIMED = RIGHT.split(' ').map((w, i) => ({
  text: w,
  start: 0.2 + i * 0.5,
  end: 0.6 + i * 0.5,
}));

describe('hypothesis word times', () => {
  it('reads `words` with `text` or `word`, and names the line of a malformed one', () => {
    const ok = parseHypothesisWords(
      [
        JSON.stringify({ id: 'a', hypothesis: 'x y', words: [{ text: 'x', start: 0, end: 0.4 }] }),
        JSON.stringify({ id: 'b', hypothesis: 'x', words: [{ word: 'x', start: 1, end: 1.5 }] }),
        JSON.stringify({ id: 'c', hypothesis: 'x' }),
      ].join('\n'),
      'h.jsonl',
    );
    expect([...ok.keys()]).toEqual(['a', 'b']);
    expect(ok.get('b')).toEqual([{ text: 'x', start: 1, end: 1.5 }]);
    expect(() =>
      parseHypothesisWords(
        `${JSON.stringify({ id: 'a', hypothesis: 'x', words: [] })}\n${JSON.stringify({ id: 'b', words: [{ text: 'x', start: 2, end: 1 }] })}`,
        'h.jsonl',
      ),
    ).toThrow(/h\.jsonl:2: words\[0\]/);
  });

  it('gives each normalised hypothesis word the time of the timed word it comes from', () => {
    expect(normalizedWordStarts(RIGHT, 'te', 'standard', TIMED)).toEqual([
      0.2, 0.7, 1.2, 1.7, 2.2, 2.7,
    ]);
    // Punctuation the scorer drops, and a word the recogniser did not time.
    const starts = normalizedWordStarts('Hello, world again!', 'en', 'standard', [
      { text: 'Hello,', start: 0.1, end: 0.5 },
      { text: 'again!', start: 1.4, end: 1.9 },
    ]);
    expect(starts).toEqual([0.1, null, 1.4]);
  });
});

describe('entityStartFromWords', () => {
  const tok = (hyp: string | null, spanIds: number[], hypStart: number | null) => ({
    hyp,
    spanIds,
    hypStart,
  });
  it('takes the first hypothesis word aligned to the entity', () => {
    const tokens = [
      tok('a', [], 0.1),
      tok(null, [7], null),
      tok('b', [7], 0.9),
      tok('c', [7], 1.3),
    ];
    expect(entityStartFromWords(tokens, 7)).toBe(0.9);
  });
  it('for a dropped entity, takes the next heard word, else the last one before it', () => {
    expect(
      entityStartFromWords([tok('a', [], 0.1), tok(null, [7], null), tok('c', [], 1.6)], 7),
    ).toBe(1.6);
    expect(entityStartFromWords([tok('a', [], 0.1), tok(null, [7], null)], 7)).toBe(0.1);
  });
  it('has no time for an entity not in the alignment, or with no timed words', () => {
    expect(entityStartFromWords([tok('a', [], 0.1)], 7)).toBeNull();
    expect(entityStartFromWords([tok('a', [7], null)], 7)).toBeNull();
  });
});

describe('playing an entity from its real time', () => {
  it('stores word times from `eval import`, and the detail plays the entity from its first aligned word', async () => {
    const { p, a, dir, ref } = await projectWithTwoRuns();
    const svc = evaluateHandlers(p);
    const ph1 = p.utterances.getByExtId('ph1')!;
    const untimed = await svc['evaluate.utterance']({ utteranceId: ph1.id, runIds: [a.runId] });
    expect(untimed.entities[0]).toMatchObject({ timing: 'estimate', timedByRunId: null });

    const timed = await importEvalRun(p, {
      ref,
      hyp: jsonl(join(dir, 'timed.jsonl'), [{ id: 'ph1', hypothesis: RIGHT, words: TIMED }]),
      model: 'timed',
    });
    const stored = p.db
      .prepare('SELECT words_json FROM hypotheses WHERE run_id = ?')
      .get(timed.runId) as { words_json: string };
    expect(JSON.parse(stored.words_json)).toEqual(TIMED);

    const d = await svc['evaluate.utterance']({
      utteranceId: ph1.id,
      runIds: [a.runId, timed.runId],
    });
    // The phone number is the third word: heard from 1.2 s, whatever its place in the text says.
    expect(d.entities[0]).toMatchObject({
      startSec: 1.2,
      timing: 'words',
      timedByRunId: timed.runId,
    });
    expect(d.runs[1].tokens.map((t) => t.hypStart)).toEqual([0.2, 0.7, 1.2, 1.7, 2.2, 2.7]);
    expect(d.runs[0].tokens.every((t) => t.hypStart === null)).toBe(true);

    // A reference fix rescores the run and keeps its word times.
    await svc['evaluate.fixReference']({ utteranceId: ph1.id, text: RIGHT });
    const after = await svc['evaluate.utterance']({ utteranceId: ph1.id, runIds: [timed.runId] });
    expect(after.entities[0]).toMatchObject({ startSec: 1.2, timing: 'words' });
    p.close();
  });
});
