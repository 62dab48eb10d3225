import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { encodeWav } from '../../../native/audio/wav.js';
import type { EngineEvent } from '../../../native/contract/jobs.js';
import { isUserError } from '../../../native/contract/errors.js';
import { EventBus } from '../../../native/server/events.js';
import { importAudio } from '../../../native/service/import-audio.js';
import { Service } from '../../../native/service/service.js';
import { Project } from '../../../native/store/project.js';
import { closeInferenceWorker } from '../../../native/workers/inference.js';
import { tempDir } from '../../helpers/temp.js';

const RATE = 16000;
/** Voiced stretches (seconds) of the test recording; silence between them. */
const VOICED: [number, number][] = [
  [0.5, 1.4],
  [2.2, 3.3],
  [4.1, 4.9],
];

/** A native-speech-like signal: a gliding pitch with harmonics under a syllable-rate envelope. */
function speechLike(seconds: number): Float32Array {
  const out = new Float32Array(Math.round(seconds * RATE));
  let phase = 0;
  for (let i = 0; i < out.length; i++) {
    const t = i / RATE;
    const stretch = VOICED.find(([a, b]) => t >= a && t < b);
    // A faint noise floor, as in a real room.
    out[i] = 0.002 * Math.sin(i * 12.9898) * Math.cos(i * 78.233);
    if (!stretch) continue;
    phase += (2 * Math.PI * (120 + 30 * Math.sin(2 * Math.PI * 1.5 * t))) / RATE;
    const syllable = 0.55 + 0.45 * Math.sin(2 * Math.PI * 4 * (t - stretch[0]));
    let v = 0;
    for (let h = 1; h <= 8; h++) v += Math.sin(h * phase) / h;
    out[i] += 0.25 * syllable * v;
  }
  return out;
}

type Seg = {
  id: number;
  start: number;
  end: number;
  text: string;
  machine: boolean;
  author: string;
};
type Result = {
  created: number;
  transcribed: number;
  skippedEdited: number;
  model: string;
  jobId: number;
};

const saved = process.env.CHARKHA_MODELS;
const open: Project[] = [];
beforeAll(() => {
  // An empty model home: only the bundled models (charkha-ctc-hi/ta/te) are installed.
  const home = join(tempDir('charkha-preannotate-home-'), 'models');
  mkdirSync(home);
  process.env.CHARKHA_MODELS = home;
});
afterEach(() => {
  for (const p of open.splice(0)) p.close();
});
afterAll(async () => {
  await closeInferenceWorker();
  if (saved === undefined) delete process.env.CHARKHA_MODELS;
  else process.env.CHARKHA_MODELS = saved;
});

async function setup() {
  const dir = tempDir();
  const project = Project.init(join(dir, 'p'));
  open.push(project);
  writeFileSync(join(dir, 'te.wav'), encodeWav([speechLike(5.5)], RATE));
  const r = await importAudio(project, [join(dir, 'te.wav')]);
  const events = new EventBus();
  const seen: EngineEvent[] = [];
  events.subscribe((e) => seen.push(e));
  const service = new Service(project, events);
  const audioId = r.imported[0].audioId;
  const ws = (await service.dispatch('annotations.tiers', { audioId })) as {
    tiers: { id: number; kind: string }[];
  };
  const tierId = ws.tiers.find((t) => t.kind === 'transcript')!.id;
  const segments = async () =>
    (await service.dispatch('annotations.segments', { tierId })) as Seg[];
  return { project, service, audioId, tierId, seen, segments };
}

describe('pre-annotation (VAD, then ASR into the transcript tier)', () => {
  it('segments an unsegmented recording at its speech and fills it with machine text', async () => {
    const { project, service, audioId, seen, segments } = await setup();
    const r = (await service.dispatch('annotations.preannotate', {
      audioId,
      lang: 'te',
    })) as Result;
    expect(r.model).toBe('charkha-ctc-te');
    expect(r.created).toBe(VOICED.length);
    expect(r.transcribed).toBe(VOICED.length);
    expect(r.skippedEdited).toBe(0);
    const segs = await segments();
    expect(segs).toHaveLength(VOICED.length);
    for (const [i, s] of segs.entries()) {
      // Padded by at most 0.1 s plus the VAD's frame and hangover.
      expect(s.start).toBeGreaterThan(VOICED[i][0] - 0.2);
      expect(s.start).toBeLessThan(VOICED[i][0] + 0.1);
      expect(s.end).toBeGreaterThan(VOICED[i][1] - 0.1);
      expect(s.end).toBeLessThan(VOICED[i][1] + 0.5);
      expect(s.machine).toBe(true);
      expect(s.author).toBe('asr:charkha-ctc-te');
    }
    const progress = seen.filter((e) => e.kind === 'progress');
    expect(progress.at(-1)).toMatchObject({ done: VOICED.length, total: VOICED.length });
    expect(seen).toContainEqual({ kind: 'job', jobId: r.jobId, state: 'done' });
    expect(project.jobs.list().find((j) => j.id === r.jobId)?.state).toBe('done');
  });

  it('never overwrites a segment a person has edited, and runs over the selected segments only', async () => {
    const { service, audioId, tierId, segments } = await setup();
    const mine = (await service.dispatch('annotations.addSegment', {
      tierId,
      start: 0.4,
      end: 1.5,
      text: 'మా ఊరు',
    })) as Seg;
    const blank = (await service.dispatch('annotations.addSegment', {
      tierId,
      start: 2.1,
      end: 3.4,
    })) as Seg;
    const r = (await service.dispatch('annotations.preannotate', {
      audioId,
      lang: 'te',
    })) as Result;
    expect(r).toMatchObject({ created: 0, transcribed: 1, skippedEdited: 1 });
    let segs = await segments();
    expect(segs.find((s) => s.id === mine.id)).toMatchObject({ text: 'మా ఊరు', machine: false });
    expect(segs.find((s) => s.id === blank.id)).toMatchObject({ machine: true });

    // A person's edit of machine text clears the mark: the next run keeps it.
    await service.dispatch('annotations.updateSegment', { id: blank.id, text: 'నిన్న' });
    const again = (await service.dispatch('annotations.preannotate', {
      audioId,
      lang: 'te',
      segmentIds: [blank.id],
    })) as Result;
    expect(again).toMatchObject({ created: 0, transcribed: 0, skippedEdited: 1 });
    segs = await segments();
    expect(segs.find((s) => s.id === blank.id)).toMatchObject({ text: 'నిన్న', machine: false });
  });

  it('lists the installed models for the language and refuses clearly when there is none', async () => {
    const { service, audioId, project } = await setup();
    const listed = (await service.dispatch('annotations.preannotateModels', { audioId })) as {
      lang: string;
      models: { id: string }[];
    };
    // No utterances name a language: the recording counts as Hindi.
    expect(listed.lang).toBe('hi');
    expect(listed.models.map((m) => m.id)).toEqual(['charkha-ctc-hi']);
    const err = await service
      .dispatch('annotations.preannotate', { audioId, lang: 'ml' })
      .catch((e: unknown) => e);
    expect(isUserError(err)).toBe(true);
    expect((err as Error).message).toMatch(/no installed ASR model covers "ml"/);
    const wrong = await service
      .dispatch('annotations.preannotate', { audioId, lang: 'te', model: 'charkha-ctc-hi' })
      .catch((e: unknown) => e);
    expect((wrong as Error).message).toMatch(/not an installed ASR model for "te"/);
    // A refusal leaves no segments behind.
    const tier = project.annotations.listTiers(audioId).find((t) => t.kind === 'transcript')!;
    expect(project.annotations.listSegments(tier.id)).toHaveLength(0);
  });
});
