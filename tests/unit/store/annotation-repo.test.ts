import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../../native/contract/errors.js';
import { Project } from '../../../native/store/project.js';
import { tempDir } from '../../helpers/temp.js';

function project(): { p: Project; audioId: number } {
  const p = Project.init(join(tempDir(), 'p'));
  const audioId = p.audio.insert({
    sha256: 'a'.repeat(64),
    originalName: 'telugu.wav',
    ext: 'wav',
    container: 'wav',
    codec: 'pcm_s16le',
    sampleRate: 16000,
    channels: 1,
    frames: 160000,
    durationSec: 10,
    bytes: 320044,
    system: null,
  });
  return { p, audioId };
}

function userError(fn: () => unknown): UserError {
  try {
    fn();
  } catch (e) {
    if (e instanceof UserError) return e;
    throw e;
  }
  throw new Error('expected a UserError');
}

describe('annotation tiers', () => {
  it('creates tiers with kinds, parents and vocabularies, and ensureTier finds them again', () => {
    const { p, audioId } = project();
    const a = p.annotations;
    const tr = a.createTier(audioId, { name: 'transcript', kind: 'transcript' });
    const tl = a.createTier(audioId, {
      name: 'english',
      kind: 'translation',
      parentId: tr.id,
    });
    const cv = a.createTier(audioId, {
      name: 'noise',
      kind: 'user',
      vocabulary: ['laugh', 'cough', 'laugh'],
    });
    expect(tl.parentId).toBe(tr.id);
    expect(cv.vocabulary).toEqual(['laugh', 'cough']);
    expect(a.ensureTier(audioId, 'transcript', 'transcript').id).toBe(tr.id);
    const sp = a.ensureTier(audioId, 'speaker', 'speaker');
    expect(a.listTiers(audioId).map((t) => [t.name, t.kind])).toEqual([
      ['transcript', 'transcript'],
      ['english', 'translation'],
      ['noise', 'user'],
      ['speaker', 'speaker'],
    ]);
    expect(sp.kind).toBe('speaker');
    expect(userError(() => a.createTier(audioId, { name: 'transcript', kind: 'user' })).code).toBe(
      'conflict',
    );
    expect(
      userError(() => a.createTier(audioId, { name: 'x', kind: 'words' as 'user' })).message,
    ).toMatch(/tier kind/);
    expect(userError(() => a.createTier(999, { name: 'x', kind: 'user' })).code).toBe('not_found');
    // The database refuses a bad kind even past the repository.
    expect(() =>
      p.db
        .prepare("INSERT INTO tiers (audio_id, name, kind) VALUES (?, 'bad', 'words')")
        .run(audioId),
    ).toThrow(/tiers.kind/);
    p.close();
  });
});

describe('annotation segments', () => {
  it('keeps times to the millisecond exactly and refuses overlaps naming the segment', () => {
    const { p, audioId } = project();
    const a = p.annotations;
    const tier = a.createTier(audioId, { name: 'transcript', kind: 'transcript' });
    const s1 = a.addSegment(tier.id, { start: 0.1 + 0.2, end: 1.2345678, text: 'నమస్కారం' }, 'anu');
    expect(s1.start).toBe(0.3);
    expect(s1.end).toBe(1.235);
    const s2 = a.addSegment(tier.id, { start: 1.235, end: 2.001 }, 'anu');
    expect(s2.start).toBe(1.235);
    const e = userError(() => a.addSegment(tier.id, { start: 2, end: 3 }, 'anu'));
    expect(e.code).toBe('conflict');
    expect(e.message).toContain(`segment ${s2.id}`);
    expect(userError(() => a.updateSegment(s1.id, { end: 1.5 }, 'anu')).message).toContain(
      `segment ${s2.id}`,
    );
    expect(userError(() => a.addSegment(tier.id, { start: 5, end: 4 }, 'anu')).code).toBe(
      'bad_input',
    );
    // A refused write leaves nothing behind, including in the log.
    expect(a.listSegments(tier.id).map((s) => [s.start, s.end])).toEqual([
      [0.3, 1.235],
      [1.235, 2.001],
    ]);
    expect(a.history(s1.id).map((h) => h.op)).toEqual(['create']);
    // Another tier may overlap freely.
    const other = a.createTier(audioId, { name: 'speaker', kind: 'speaker' });
    expect(a.addSegment(other.id, { start: 0, end: 5, text: 'A' }, 'anu').tierId).toBe(other.id);
    p.close();
  });

  it('records who made each edit with before and after, and editing text clears machine', () => {
    const { p, audioId } = project();
    const a = p.annotations;
    const tier = a.createTier(audioId, { name: 'transcript', kind: 'transcript' });
    const s = a.addSegment(
      tier.id,
      { start: 1, end: 2, text: 'पाँच लाख रुपये', machine: true, state: 'transcribed' },
      'asr',
    );
    expect(s.machine).toBe(true);
    const reviewed = a.updateSegment(s.id, { state: 'reviewed', note: 'check the amount' }, 'ravi');
    expect(reviewed.machine).toBe(true);
    expect(reviewed.note).toBe('check the amount');
    const edited = a.updateSegment(s.id, { text: 'पाँच लाख रुपए' }, 'sita');
    expect(edited.machine).toBe(false);
    expect(edited.author).toBe('sita');
    const h = a.history(s.id);
    expect(h.map((x) => [x.op, x.author])).toEqual([
      ['create', 'asr'],
      ['update', 'ravi'],
      ['update', 'sita'],
    ]);
    expect(h[0].before).toBeNull();
    expect(h[2].before!.text).toBe('पाँच लाख रुपये');
    expect(h[2].after!.text).toBe('पाँच लाख रुपए');
    expect(userError(() => a.updateSegment(s.id, { state: 'done' as 'todo' }, 'x')).code).toBe(
      'bad_input',
    );
    expect(userError(() => a.updateSegment(s.id, { text: 'x' }, ' ')).message).toMatch(/author/);
    a.deleteSegment(s.id, 'ravi');
    expect(a.getSegment(s.id)).toBeNull();
    const log = a.history(s.id);
    expect(log.at(-1)!.op).toBe('delete');
    expect(log.at(-1)!.after).toBeNull();
    // Undo of the delete: the snapshot goes back with its id.
    const back = a.restoreSegment(log.at(-1)!.before!, 'ravi');
    expect(back.id).toBe(s.id);
    expect(back.text).toBe('पाँच लाख रुपए');
    p.close();
  });

  it('stores entity spans in code points and keeps them through edits that do not touch them', () => {
    const { p, audioId } = project();
    const a = p.annotations;
    const tier = a.createTier(audioId, { name: 'transcript', kind: 'transcript' });
    const s = a.addSegment(tier.id, { start: 0, end: 2, text: 'मुझे पाँच लाख दो' }, 'anu');
    const tagged = a.setSegmentEntities(
      s.id,
      [{ type: 'number', start: 5, end: 13, value: '500000' }],
      'anu',
    );
    expect(Array.from(tagged.text).slice(5, 13).join('')).toBe('पाँच लाख');
    expect(tagged.entities).toEqual([{ type: 'number', start: 5, end: 13, value: '500000' }]);
    expect(
      userError(() =>
        a.setSegmentEntities(s.id, [{ type: 'x', start: 3, end: 40, value: null }], 'anu'),
      ).message,
    ).toMatch(/outside its text/);
    // An edit before the span shifts it; an edit inside it drops it.
    const shifted = a.updateSegment(s.id, { text: 'आप मुझे पाँच लाख दो' }, 'anu');
    expect(shifted.entities).toEqual([{ type: 'number', start: 8, end: 16, value: '500000' }]);
    const dropped = a.updateSegment(s.id, { text: 'आप मुझे छह लाख दो' }, 'anu');
    expect(dropped.entities).toEqual([]);
    p.close();
  });

  it('splits and merges in one logged batch each', () => {
    const { p, audioId } = project();
    const a = p.annotations;
    const tier = a.createTier(audioId, { name: 'transcript', kind: 'transcript' });
    const s = a.addSegment(
      tier.id,
      { start: 1, end: 3, text: 'ఒకటి రెండు', state: 'reviewed' },
      'anu',
    );
    a.setSegmentEntities(s.id, [{ type: 'number', start: 5, end: 10, value: '2' }], 'anu');
    const [first, second] = a.splitSegment(s.id, 2.0004, 'anu', 4);
    expect([first.start, first.end, first.text]).toEqual([1, 2, 'ఒకటి']);
    expect([second.start, second.end, second.text]).toEqual([2, 3, 'రెండు']);
    expect(second.entities).toEqual([{ type: 'number', start: 0, end: 5, value: '2' }]);
    expect(first.entities).toEqual([]);
    expect(userError(() => a.splitSegment(s.id, 2.5, 'anu')).message).toMatch(/not inside/);
    const [h1] = a.history(first.id).slice(-1);
    const [h2] = a.history(second.id);
    expect(h1.batch).toBe(h2.batch);

    // Undo of the split, from its batch: drop the new half, put the original back.
    const splitBatch = a.tierHistory(tier.id).filter((h) => h.batch === h1.batch);
    expect(splitBatch.map((h) => [h.segmentId, h.before === null])).toEqual([
      [first.id, false],
      [second.id, true],
    ]);
    a.deleteSegment(second.id, 'anu');
    const undone = a.restoreSegment(splitBatch[0].before!, 'anu');
    expect([undone.start, undone.end, undone.text]).toEqual([1, 3, 'ఒకటి రెండు']);
    // ... and redo it.
    a.restoreSegment(splitBatch[0].after!, 'anu');
    a.restoreSegment(splitBatch[1].after!, 'anu');
    expect(a.listSegments(tier.id).map((s) => s.text)).toEqual(['ఒకటి', 'రెండు']);

    const merged = a.mergeWithNext(first.id, 'ravi');
    expect([merged.start, merged.end, merged.text]).toEqual([1, 3, 'ఒకటి రెండు']);
    expect(merged.entities).toEqual([{ type: 'number', start: 5, end: 10, value: '2' }]);
    expect(a.getSegment(second.id)).toBeNull();
    expect(a.listSegments(tier.id)).toHaveLength(1);
    expect(userError(() => a.mergeWithNext(first.id, 'ravi')).message).toMatch(/last/);
    const last = a.history(second.id).at(-1)!;
    expect(last.op).toBe('merge');
    expect(last.batch).toBe(a.history(first.id).at(-1)!.batch);
    p.close();
  });

  it('keeps the annotator name and removes a tier with its segments', () => {
    const { p, audioId } = project();
    const a = p.annotations;
    expect(a.annotator()).toBeNull();
    a.setAnnotator(' Lakshmi ');
    expect(a.annotator()).toBe('Lakshmi');
    const tr = a.createTier(audioId, { name: 'transcript', kind: 'transcript' });
    const en = a.createTier(audioId, { name: 'en', kind: 'translation', parentId: tr.id });
    const s = a.addSegment(tr.id, { start: 0, end: 1, text: 'x' }, 'Lakshmi');
    a.addSegment(en.id, { start: 0, end: 1, text: 'y' }, 'Lakshmi');
    a.deleteTier(tr.id, 'Lakshmi');
    expect(a.listTiers(audioId)).toEqual([]);
    expect(a.history(s.id).at(-1)!.op).toBe('delete');
    p.close();
  });
});
