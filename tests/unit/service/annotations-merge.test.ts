import { afterEach, describe, expect, it } from 'vitest';
import { mergeAnnotatorCopy } from '../../../native/service/annotations-merge.js';
import { mergeProjects } from '../../../native/service/merge-projects.js';
import { Project } from '../../../native/store/project.js';
import { charkha } from '../../helpers/cli.js';
import { tempDir } from '../../helpers/temp.js';
import { annotatorCopy, recordings } from './annotation-copies.js';

const open: Project[] = [];
afterEach(() => {
  for (const p of open.splice(0)) p.close();
});

function counts(p: Project): { segments: number; spans: number; edits: number; tiers: number } {
  const n = (table: string) =>
    (p.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  return {
    segments: n('segments'),
    spans: n('segment_entities'),
    edits: n('segment_edits'),
    tiers: n('tiers'),
  };
}

/** Asha's copy (this project) and Ravi's (the other), with one shared, one clashing, one new segment. */
async function twoCopies() {
  const files = recordings(tempDir());
  const ours = await annotatorCopy(files, false);
  const theirs = await annotatorCopy(files, true);
  open.push(ours.project);
  const a = ours.project.annotations;
  a.addSegment(ours.tierId, { start: 0, end: 1, text: 'नमस्ते', state: 'transcribed' }, 'asha');
  const mine = a.addSegment(
    ours.tierId,
    { start: 1, end: 2, text: 'पाँच लाख रुपये', state: 'transcribed' },
    'asha',
  );
  const b = theirs.project.annotations;
  b.addSegment(theirs.tierId, { start: 0, end: 1, text: 'नमस्ते', state: 'transcribed' }, 'ravi');
  const clash = b.addSegment(theirs.tierId, { start: 1.2, end: 2, text: 'पाँच लाख' }, 'ravi');
  b.setSegmentEntities(clash.id, [{ type: 'NUM', start: 0, end: 8, value: '500000' }], 'ravi');
  const fresh = b.addSegment(theirs.tierId, { start: 2.5, end: 3.25, text: 'तीन बजे' }, 'ravi');
  b.updateSegment(fresh.id, { state: 'reviewed', note: 'check the time' }, 'ravi');
  b.setSegmentEntities(
    fresh.id,
    [
      { type: 'NUM', start: 0, end: 3, value: '3' },
      { type: 'TIME', start: 0, end: 7, value: '15:00' },
    ],
    'ravi',
  );
  const freshHistory = b.history(fresh.id);
  theirs.project.close();
  return { ours, theirs, mine, freshHistory };
}

describe("merging another annotator's copy", () => {
  it('adds new segments with author, state, note, spans and history; lists conflicts without writing them', async () => {
    const { ours, theirs, mine, freshHistory } = await twoCopies();
    const before = counts(ours.project);
    const r = mergeAnnotatorCopy(ours.project, theirs.dir);
    expect(r.segmentsAdded).toBe(1);
    expect(r.segmentsUnchanged).toBe(1);
    expect(r.conflicts).toHaveLength(1);
    const c = r.conflicts[0];
    expect(c.tier).toBe('transcript');
    expect(c.audio).toBe('tone.wav');
    expect(c.ours).toMatchObject({ start: 1, end: 2, text: 'पाँच लाख रुपये', author: 'asha' });
    expect(c.theirs).toMatchObject({ start: 1.2, end: 2, text: 'पाँच लाख', author: 'ravi' });
    expect(c.theirs.entities).toEqual([{ type: 'NUM', start: 0, end: 8, value: '500000' }]);

    const segs = ours.project.annotations.listSegments(ours.tierId);
    expect(segs.map((s) => [s.start, s.end, s.text])).toEqual([
      [0, 1, 'नमस्ते'],
      [1, 2, 'पाँच लाख रुपये'],
      [2.5, 3.25, 'तीन बजे'],
    ]);
    // The conflicting segment is exactly as it was: not overwritten, no spans added.
    expect(segs[1]).toEqual(mine);
    const added = segs[2];
    expect(added).toMatchObject({ author: 'ravi', state: 'reviewed', note: 'check the time' });
    expect(added.entities).toEqual([
      { type: 'NUM', start: 0, end: 3, value: '3' },
      { type: 'TIME', start: 0, end: 7, value: '15:00' },
    ]);
    const history = ours.project.annotations.history(added.id);
    expect(history.map((h) => [h.op, h.author, h.at])).toEqual(
      freshHistory.map((h) => [h.op, h.author, h.at]),
    );
    expect(history.every((h) => h.segmentId === added.id && h.tierId === ours.tierId)).toBe(true);
    expect(history.at(-1)!.after).toMatchObject({ id: added.id, note: 'check the time' });
    expect(counts(ours.project)).toEqual({
      ...before,
      segments: before.segments + 1,
      spans: before.spans + 2,
      edits: before.edits + freshHistory.length,
    });
  });

  it('is a no-op the second time: nothing duplicated, the same conflicts listed', async () => {
    const { ours, theirs } = await twoCopies();
    const first = mergeAnnotatorCopy(ours.project, theirs.dir);
    const after = counts(ours.project);
    const second = mergeAnnotatorCopy(ours.project, theirs.dir);
    expect(second.segmentsAdded).toBe(0);
    expect(second.tiersAdded).toBe(0);
    expect(second.segmentsUnchanged).toBe(2);
    expect(second.conflicts).toEqual(first.conflicts);
    expect(counts(ours.project)).toEqual(after);
  });

  it('adds tiers the project lacks and skips recordings it does not hold', async () => {
    const files = recordings(tempDir());
    const ours = await annotatorCopy(files, false);
    const theirs = await annotatorCopy(files, true);
    open.push(ours.project);
    const otherAudio = theirs.project.db
      .prepare("SELECT id, sha256 FROM audio WHERE original_name = 'other.wav'")
      .get() as { id: number; sha256: string };
    const toneAudio = theirs.project.annotations.getTier(theirs.tierId)!.audioId;
    const gloss = theirs.project.annotations.createTier(toneAudio, {
      name: 'gloss',
      kind: 'user',
      participant: 'speaker 1',
      annotator: 'ravi',
    });
    theirs.project.annotations.addSegment(gloss.id, { start: 0, end: 1, text: 'hello' }, 'ravi');
    const t2 = theirs.project.annotations.createTier(otherAudio.id, {
      name: 'transcript',
      kind: 'transcript',
    });
    theirs.project.annotations.addSegment(t2.id, { start: 0, end: 1, text: 'x' }, 'ravi');
    theirs.project.close();
    const r = mergeAnnotatorCopy(ours.project, theirs.dir);
    expect(r.tiersAdded).toBe(1);
    expect(r.segmentsAdded).toBe(1);
    expect(r.recordingsMissing).toEqual([otherAudio.sha256]);
    const audioId = ours.project.annotations.getTier(ours.tierId)!.audioId;
    const tier = ours.project.annotations.listTiers(audioId).find((t) => t.name === 'gloss')!;
    expect(tier).toMatchObject({ kind: 'user', participant: 'speaker 1', annotator: 'ravi' });
    expect(ours.project.annotations.listSegments(tier.id)[0]).toMatchObject({
      text: 'hello',
      author: 'ravi',
    });
  });

  it('is one transaction: an error halfway leaves the project unchanged', async () => {
    const { ours, theirs } = await twoCopies();
    const other = Project.open(theirs.dir);
    const late = other.annotations.addSegment(
      theirs.tierId,
      { start: 3.5, end: 3.75, text: 'boom' },
      'ravi',
    );
    other.annotations.setSegmentEntities(
      late.id,
      [{ type: 'BOOM', start: 0, end: 4, value: null }],
      'ravi',
    );
    other.close();
    // The last segment's span fails to insert, after the earlier new segment went in.
    ours.project.db.exec(`CREATE TRIGGER refuse_boom BEFORE INSERT ON segment_entities
      WHEN NEW.type = 'BOOM' BEGIN SELECT RAISE(ABORT, 'disk on fire'); END`);
    const before = counts(ours.project);
    expect(() => mergeAnnotatorCopy(ours.project, theirs.dir)).toThrow(/disk on fire/);
    expect(counts(ours.project)).toEqual(before);
    ours.project.db.exec('DROP TRIGGER refuse_boom');
    expect(mergeAnnotatorCopy(ours.project, theirs.dir).segmentsAdded).toBe(2);
  });

  it('the CLI exits 0 and lists the conflicts, as a table or JSON', async () => {
    const { ours, theirs } = await twoCopies();
    ours.project.close();
    open.splice(0);
    const json = charkha(['annotations', 'merge', '-p', ours.dir, '--from', theirs.dir, '--json']);
    expect(json.code).toBe(0);
    const r = JSON.parse(json.stdout) as { segmentsAdded: number; conflicts: unknown[] };
    expect(r.segmentsAdded).toBe(1);
    expect(r.conflicts).toHaveLength(1);
    const table = charkha(['annotations', 'merge', '-p', ours.dir, '--from', theirs.dir]);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('0 segments added');
    expect(table.stdout).toContain('conflict: tone.wav, tier "transcript"');
    expect(table.stdout).toMatch(/here: {2}1–2 s \[transcribed\] "पाँच लाख रुपये" by asha/);
    expect(table.stdout).toMatch(/other: 1\.2–2 s \[todo\] "पाँच लाख" \{NUM@0-8\} by ravi/);
  });
});

describe('shard merge carries the annotation tables', () => {
  it('copies notes, tier participant and annotator, entity spans and the edit log; twice is once', async () => {
    const { theirs } = await twoCopies();
    const shard = Project.open(theirs.dir);
    shard.annotations.updateTier(theirs.tierId, { participant: 'speaker 1', annotator: 'ravi' });
    const want = shard.annotations.listSegments(theirs.tierId);
    const wantLog = want.map((s) =>
      shard.annotations.history(s.id).map((h) => [h.op, h.author, h.at]),
    );
    shard.close();
    const target = Project.init(`${tempDir()}/merged`);
    open.push(target);
    mergeProjects(target, [theirs.dir]);
    const once = counts(target);
    const audio = target.db.prepare('SELECT id FROM audio').all() as { id: number }[];
    const tier = audio
      .flatMap((a) => target.annotations.listTiers(a.id))
      .find((t) => t.name === 'transcript')!;
    expect(tier).toMatchObject({ participant: 'speaker 1', annotator: 'ravi' });
    const got = target.annotations.listSegments(tier.id);
    const strip = (s: (typeof got)[number]) => ({ ...s, id: 0, tierId: 0 });
    expect(got.map(strip)).toEqual(want.map(strip));
    expect(
      got.map((s) => target.annotations.history(s.id).map((h) => [h.op, h.author, h.at])),
    ).toEqual(wantLog);
    mergeProjects(target, [theirs.dir]);
    expect(counts(target)).toEqual(once);
  });
});
