/**
 * `synthesize -p`: a project's utterances spoken into its audio store, linked,
 * labelled with the system, resumable, and whole-or-absent per clip.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeWav } from '../../../native/audio/wav.js';
import { UserError } from '../../../native/contract/errors.js';
import { monoCachePath, storedAudioPath } from '../../../native/service/audio-prepare.js';
import { importCorpus } from '../../../native/service/import-corpus.js';
import { Project } from '../../../native/store/project.js';
import type { SynthesisOptions, TtsEngine } from '../../../native/tts/engine.js';
import { EspeakEngine } from '../../../native/tts/espeak/engine.js';
import { parseChain } from '../../../native/tts/post/chain.js';
import type { AugmentChain } from '../../../native/tts/post/chain.js';
import { synthesizeProject, ttsSystemLabel } from '../../../native/tts/project-synthesize.js';
import { WorkerPool } from '../../../native/workers/pool.js';
import { tempDir } from '../../helpers/temp.js';
import { runSynthesize } from './run-synthesize.js';

const pool = new WorkerPool({ size: 2 });
afterAll(() => pool.close());

const ROWS = [
  { id: 'u1', lang: 'hi', text: 'आज मौसम अच्छा है।' },
  { id: 'u2', lang: 'te', text: 'ఈ రోజు 5 తేదీ', spoken: 'ఈ రోజు ఐదు తేదీ' },
  { id: 'u3', lang: 'hi', text: 'दिल्ली बड़ी है।' },
];

async function projectWith(rows: object[]): Promise<{ dir: string; project: Project }> {
  const dir = tempDir();
  const file = join(dir, 'rows.jsonl');
  writeFileSync(file, rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
  const project = Project.init(join(dir, 'p'));
  const r = await importCorpus(project, file);
  expect(r.problems).toEqual([]);
  return { dir, project };
}

const base = { chain: [] as AugmentChain, chainLabel: null, seed: 1 };

interface Linked {
  ext_id: string;
  system: string | null;
  sha256: string;
  ext: string;
  audio_system: string | null;
}

function linked(p: Project): Linked[] {
  return p.db
    .prepare<[], Linked>(
      `SELECT u.ext_id, u.system, a.sha256, a.ext, a.system AS audio_system
       FROM utterances u JOIN audio a ON a.id = u.audio_id ORDER BY u.ext_id`,
    )
    .all();
}

describe('synthesize into a project', () => {
  it('speaks each utterance without audio (spoken form first), stores and links the clip, labels it', async () => {
    const { project } = await projectWith(ROWS);
    const seen: { text: string; voice: string }[] = [];
    const espeak = new EspeakEngine(pool);
    const engine: TtsEngine = {
      id: 'espeak',
      voices: () => espeak.voices(),
      synthesize: (text: string, opts: SynthesisOptions) => {
        seen.push({ text, voice: opts.voice });
        return espeak.synthesize(text, opts);
      },
    };
    const r = await synthesizeProject(project, engine, pool, {
      ...base,
      engine: 'espeak',
      variant: 'f3',
    });
    expect(r).toMatchObject({ spoken: 3, alreadySpoken: 0, otherAudio: 0, failed: [] });
    expect(r.systems).toEqual(['espeak:hi+f3', 'espeak:te+f3']);
    expect(seen.find((s) => s.voice === 'te')?.text).toBe('ఈ రోజు ఐదు తేదీ');
    const rows = linked(project);
    expect(rows.map((x) => [x.ext_id, x.system, x.audio_system])).toEqual([
      ['u1', 'espeak:hi+f3', 'espeak:hi+f3'],
      ['u2', 'espeak:te+f3', 'espeak:te+f3'],
      ['u3', 'espeak:hi+f3', 'espeak:hi+f3'],
    ]);
    for (const x of rows) {
      const wav = decodeWav(
        new Uint8Array(readFileSync(storedAudioPath(project.paths.audio, x.sha256, x.ext))),
      );
      expect(wav.sampleRate).toBe(22050);
      expect(wav.channels[0].length).toBeGreaterThan(22050 * 0.3);
      expect(existsSync(monoCachePath(project.paths.cache, x.sha256))).toBe(true);
    }
    const job = project.jobs.get(r.jobId)!;
    expect(job).toMatchObject({ kind: 'synthesize', state: 'done', items: { done: 3 } });
    expect(job.config).toMatchObject({ engine: 'espeak', variant: 'f3' });
    const item = project.db
      .prepare<[number], { result_json: string }>(
        "SELECT result_json FROM job_items WHERE job_id = ? AND key = 'u2'",
      )
      .get(r.jobId)!;
    expect(JSON.parse(item.result_json)).toMatchObject({
      system: 'espeak:te+f3',
      sha256: rows[1].sha256,
    });
    project.close();
  }, 120_000);

  it('resumes: a re-run skips what this system spoke and leaves other audio alone', async () => {
    const { project } = await projectWith(ROWS);
    const engine = new EspeakEngine(pool);
    const first = await synthesizeProject(project, engine, pool, {
      ...base,
      engine: 'espeak',
      voice: 'hi',
      lang: 'hi',
    });
    expect(first).toMatchObject({ spoken: 2, systems: ['espeak:hi+default'] });
    const audioRows = project.audio.count();
    const again = await synthesizeProject(project, engine, pool, {
      ...base,
      engine: 'espeak',
      voice: 'hi',
      lang: 'hi',
    });
    expect(again).toMatchObject({ spoken: 0, alreadySpoken: 2, otherAudio: 0 });
    expect(project.audio.count()).toBe(audioRows);
    // Another system finds the Hindi rows taken and speaks only the Telugu one.
    const te = await synthesizeProject(project, engine, pool, {
      ...base,
      engine: 'espeak',
      variant: 'm2',
    });
    expect(te).toMatchObject({ spoken: 1, alreadySpoken: 0, otherAudio: 2 });
    expect(linked(project).map((x) => x.system)).toEqual([
      'espeak:hi+default',
      'espeak:te+m2',
      'espeak:hi+default',
    ]);
    project.close();
  }, 120_000);

  it('keeps whole clips only when a run dies part-way, and the next run finishes the rest', async () => {
    const { project } = await projectWith(ROWS);
    const espeak = new EspeakEngine(pool);
    let calls = 0;
    const dying: TtsEngine = {
      id: 'espeak',
      voices: () => espeak.voices(),
      synthesize: async (text, opts) => {
        if (++calls === 2) throw new Error('simulated crash');
        return espeak.synthesize(text, opts);
      },
    };
    await expect(
      synthesizeProject(project, dying, pool, { ...base, engine: 'espeak' }),
    ).rejects.toThrow('simulated crash');
    const partial = linked(project);
    expect(partial.map((x) => x.ext_id)).toEqual(['u1']);
    // No audio row without its utterance, no job item without its clip.
    expect(project.audio.count()).toBe(1);
    expect(
      project.db.prepare("SELECT count(*) AS n FROM job_items WHERE state = 'done'").get(),
    ).toEqual({ n: 1 });
    expect(project.jobs.list()[0].state).toBe('failed');
    const rest = await synthesizeProject(project, espeak, pool, { ...base, engine: 'espeak' });
    expect(rest).toMatchObject({ spoken: 2, alreadySpoken: 1 });
    expect(linked(project)).toHaveLength(3);
    project.close();
  }, 120_000);

  it('augments reproducibly and names the augmentation in the label; a bad row is reported, not fatal', async () => {
    const { project } = await projectWith([
      ...ROWS.slice(0, 1),
      { id: 'bad', lang: 'hi', text: 'తెలుగు అక్షరాలు' },
    ]);
    const chain = parseChain('phone');
    const r = await synthesizeProject(project, new EspeakEngine(pool), pool, {
      engine: 'espeak',
      chain,
      chainLabel: 'phone',
      seed: 4,
    });
    expect(r.systems).toEqual(['espeak:hi+default~phone']);
    expect(r.spoken).toBe(1);
    expect(r.failed).toEqual([{ id: 'bad', reason: expect.stringMatching(/Telugu letters/) }]);
    const [clip] = linked(project);
    project.close();

    // The same text, chain and seed in another project: the same bytes.
    const other = await projectWith(ROWS.slice(0, 1));
    await synthesizeProject(other.project, new EspeakEngine(pool), pool, {
      engine: 'espeak',
      chain,
      chainLabel: 'phone',
      seed: 4,
    });
    expect(linked(other.project)[0].sha256).toBe(clip.sha256);
    other.project.close();
  }, 120_000);

  it('labels systems from engine, voice, knobs and augmentation', () => {
    const none = { chain: [], chainLabel: null };
    expect(ttsSystemLabel('espeak', 'ta+m2', { ...none, rate: 150 })).toBe('espeak:ta+m2@r150');
    expect(ttsSystemLabel('piper', 'piper-hi-medium', none)).toBe('piper:piper-hi-medium');
    const chain = parseChain([{ kind: 'noise', snrDb: 10 }]);
    expect(ttsSystemLabel('mms', 'mms-tts-hin', { chain, chainLabel: null })).toMatch(
      /^mms:mms-tts-hin~[0-9a-f]{8}$/,
    );
  });
});

describe('charkha synthesize -p', () => {
  it('imports --in rows into the project first, speaks only them, and resumes', async () => {
    const { dir, project } = await projectWith([{ id: 'old', lang: 'hi', text: 'पुराना वाक्य।' }]);
    project.close();
    const rows = join(dir, 'more.jsonl');
    writeFileSync(rows, ROWS.map((r) => JSON.stringify(r)).join('\n') + '\n');
    const p = join(dir, 'p');
    const first = JSON.parse(await runSynthesize(['-p', p, '--in', rows, '--json'])) as Record<
      string,
      unknown
    >;
    expect(first).toMatchObject({ imported: { imported: 3 }, spoken: 3, alreadySpoken: 0 });
    const again = JSON.parse(await runSynthesize(['-p', p, '--in', rows, '--json'])) as Record<
      string,
      unknown
    >;
    expect(again).toMatchObject({ imported: { unchanged: 3 }, spoken: 0, alreadySpoken: 3 });
    const reopened = Project.open(p, { readonly: true });
    expect(reopened.utterances.getByExtId('old')?.audioId ?? null).toBeNull();
    reopened.close();
  }, 120_000);

  it('refuses -p with --out, and a model engine without --voice', async () => {
    const { dir, project } = await projectWith(ROWS);
    project.close();
    const p = join(dir, 'p');
    await expect(runSynthesize(['-p', p, '--out', join(dir, 'o')])).rejects.toThrow(UserError);
    await expect(runSynthesize(['-p', p, '--engine', 'piper'])).rejects.toThrow(/needs --voice/);
  });
});
