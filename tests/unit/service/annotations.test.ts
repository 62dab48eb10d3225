import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { encodeWav } from '../../../native/audio/wav.js';
import { isUserError } from '../../../native/contract/errors.js';
import { suggestValue } from '../../../native/service/annotations.js';
import { importAudio } from '../../../native/service/import-audio.js';
import { Service } from '../../../native/service/service.js';
import { Project } from '../../../native/store/project.js';
import { tempDir } from '../../helpers/temp.js';

const open: Project[] = [];
afterEach(() => {
  for (const p of open.splice(0)) p.close();
});

async function serviceWithAudio(): Promise<{ service: Service; audioId: number }> {
  const dir = tempDir();
  const project = Project.init(join(dir, 'p'));
  open.push(project);
  const samples = Float32Array.from({ length: 16000 * 3 }, (_, i) => 0.3 * Math.sin(i / 9));
  writeFileSync(join(dir, 'tone.wav'), encodeWav([samples], 16000));
  const r = await importAudio(project, [join(dir, 'tone.wav')]);
  return { service: new Service(project), audioId: r.imported[0].audioId };
}

describe('annotation methods of the service API', () => {
  it('opens a recording with the four default tiers, once', async () => {
    const { service, audioId } = await serviceWithAudio();
    const first = (await service.dispatch('annotations.tiers', { audioId })) as {
      tiers: { name: string; kind: string }[];
      annotator: string;
      audio: { durationSec: number };
    };
    expect(first.tiers.map((t) => [t.name, t.kind])).toEqual([
      ['transcript', 'transcript'],
      ['normalised', 'normalised'],
      ['translation', 'translation'],
      ['speaker', 'speaker'],
    ]);
    expect(first.annotator).not.toBe('');
    expect(first.audio.durationSec).toBeCloseTo(3, 2);
    const again = (await service.dispatch('annotations.tiers', { audioId })) as {
      tiers: unknown[];
    };
    expect(again.tiers).toHaveLength(4);
  });

  it('adds, edits (text, state, note, entities), splits, merges, deletes and restores segments', async () => {
    const { service, audioId } = await serviceWithAudio();
    const ws = (await service.dispatch('annotations.tiers', { audioId })) as {
      tiers: { id: number }[];
    };
    const tierId = ws.tiers[0].id;
    type Seg = { id: number; start: number; end: number; text: string; state: string };
    const a = (await service.dispatch('annotations.addSegment', {
      tierId,
      start: 0.25,
      end: 1.5,
    })) as Seg;
    const b = (await service.dispatch('annotations.addSegment', {
      tierId,
      start: 1.5,
      end: 2.75,
    })) as Seg;
    // Overlaps on one tier are refused with a conflict.
    await expect(
      service.dispatch('annotations.addSegment', { tierId, start: 1, end: 2 }),
    ).rejects.toSatisfy((e: unknown) => isUserError(e) && e.code === 'conflict');

    const edited = (await service.dispatch('annotations.updateSegment', {
      id: a.id,
      text: 'నాకు ఐదు వేలు కావాలి',
      state: 'reviewed',
      note: 'check the amount',
      entities: [{ type: 'currency_amount', start: 5, end: 13, value: '5000' }],
    })) as Seg & { note: string; entities: unknown[] };
    expect(edited).toMatchObject({ state: 'reviewed', note: 'check the amount' });
    expect(edited.entities).toEqual([
      { type: 'currency_amount', start: 5, end: 13, value: '5000' },
    ]);

    const [left, right] = (await service.dispatch('annotations.splitSegment', {
      id: b.id,
      at: 2,
    })) as [Seg, Seg];
    expect([left.end, right.start, right.end]).toEqual([2, 2, 2.75]);
    const merged = (await service.dispatch('annotations.mergeWithNext', { id: left.id })) as Seg;
    expect([merged.start, merged.end]).toEqual([1.5, 2.75]);

    await service.dispatch('annotations.deleteSegment', { id: a.id });
    let all = (await service.dispatch('annotations.segments', { tierId })) as Seg[];
    expect(all.map((s) => s.id)).toEqual([merged.id]);
    // Undo of the delete: the segment comes back as it was, with its id.
    await service.dispatch('annotations.restoreSegment', { ...edited });
    all = (await service.dispatch('annotations.segments', { tierId })) as Seg[];
    expect(all.map((s) => [s.id, s.text])).toEqual([
      [a.id, 'నాకు ఐదు వేలు కావాలి'],
      [merged.id, ''],
    ]);
    const history = (await service.dispatch('annotations.history', { segmentId: a.id })) as {
      op: string;
    }[];
    expect(history.map((h) => h.op)).toEqual(['create', 'update', 'entities', 'delete', 'restore']);
  });

  it('exports the recording’s tiers as ELAN and Praat files, as the CLI writes them', async () => {
    const { service, audioId } = await serviceWithAudio();
    const ws = (await service.dispatch('annotations.tiers', { audioId })) as {
      tiers: { id: number }[];
    };
    await service.dispatch('annotations.addSegment', {
      tierId: ws.tiers[0].id,
      start: 0.5,
      end: 1.25,
      text: 'ఇరవై లక్ష',
    });
    for (const [format, ext, mark] of [
      ['eaf', '.eaf', 'ANNOTATION_DOCUMENT'],
      ['textgrid', '.TextGrid', 'IntervalTier'],
    ]) {
      const out = (await service.dispatch('annotations.export', { audioId, format })) as {
        fileName: string;
        base64: string;
      };
      const text = Buffer.from(out.base64, 'base64').toString('utf8');
      expect(out.fileName).toBe(`tone${ext}`);
      expect(text).toContain(mark);
      expect(text).toContain('ఇరవై లక్ష');
    }
  });
});

describe('the canonical value suggested for a tagged span', () => {
  it('reads numbers the way the scorer does', () => {
    const text = 'ప్లాట్ సంఖ్య 234, సదరంగంజ్ కాలనీలో';
    const at = Array.from(text).join('').indexOf('234');
    expect(suggestValue({ text, lang: 'te', start: at, end: at + 3, type: 'house_number' })).toBe(
      '234',
    );
    const hi = 'मुझे पाँच लाख रुपये चाहिए';
    const cps = Array.from(hi);
    const start = cps.join('').indexOf('पाँच');
    const end = start + Array.from('पाँच लाख रुपये').length;
    expect(suggestValue({ text: hi, lang: 'hi', start, end, type: 'currency_amount' })).toMatch(
      /^500000/,
    );
  });

  it('suggests nothing for a span the scorer reads no value from', () => {
    expect(suggestValue({ text: 'నా పేరు', lang: 'te', start: 0, end: 2, type: 'phone' })).toBe(null);
  });
});
