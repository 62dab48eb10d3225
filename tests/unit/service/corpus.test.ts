import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportCorpus } from '../../../native/service/export-corpus.js';
import { importCorpus } from '../../../native/service/import-corpus.js';
import { Service } from '../../../native/service/service.js';
import { Project } from '../../../native/store/project.js';
import { tempDir } from '../../helpers/temp.js';

const fixtures = join(import.meta.dirname, '../../fixtures/corpus');
const readRows = (p: string) =>
  readFileSync(p, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Record<string, unknown>);

describe('corpus import and export', () => {
  it('imports rows with their spans, mapping published type names and keeping the originals', async () => {
    const p = Project.init(join(tempDir(), 'p'));
    const r = await importCorpus(p, join(fixtures, 'sample.jsonl'));
    expect(r.problems).toEqual([]);
    expect(r.imported).toBe(7);
    const hi = p.utterances.getByExtId('fx_hi_0001')!;
    expect(hi.entities[0]).toMatchObject({
      type: 'currency_amount',
      originalType: 'amount',
      surface: '50',
      start: 20,
      end: 22,
    });
    const te = p.utterances.getByExtId('fx_te_0001')!;
    expect(te.entities.map((e) => e.type)).toEqual(['pincode', 'house_number']);
    const en = p.utterances.getByExtId('fx_en_0001')!;
    expect(en.entities[0]).toMatchObject({ surface: 'Paytm', start: 15, end: 20 });
    p.close();
  });

  it('is idempotent: a second import changes nothing', async () => {
    const p = Project.init(join(tempDir(), 'p'));
    await importCorpus(p, join(fixtures, 'sample.jsonl'));
    const before = p.info().counts;
    const r = await importCorpus(p, join(fixtures, 'sample.jsonl'));
    expect(r.imported).toBe(0);
    expect(r.unchanged).toBe(7);
    expect(p.info().counts).toEqual(before);
    p.close();
  });

  it('reports every bad row with its line number and lands the valid ones', async () => {
    const p = Project.init(join(tempDir(), 'p'));
    const r = await importCorpus(p, join(fixtures, 'bad-rows.jsonl'));
    const byLine = Object.fromEntries(r.problems.map((x) => [x.line, x.reason]));
    expect(byLine[1]).toMatch(/not valid JSON/);
    expect(byLine[2]).toMatch(/entity_tokens\[0\]: offsets 3\.\.10 give .* not the surface/);
    expect(byLine[3]).toMatch(/unknown language code "xx"/);
    expect(byLine[4]).toMatch(/audio_path "missing\.wav" not found/);
    expect(byLine[5]).toMatch(/unknown entity type "mystery"/);
    expect(byLine[6]).toMatch(/"id" is missing/);
    expect(r.problems).toHaveLength(6);
    expect(r.imported).toBe(1);
    expect(p.utterances.getByExtId('good_after_bad')).not.toBeNull();
    expect(p.info().counts.utterances).toBe(1);
    p.close();
  });

  it('refuses enormous text and a changed row with an id already present', async () => {
    const dir = tempDir();
    const p = Project.init(join(dir, 'p'));
    const { writeFileSync } = await import('node:fs');
    const f1 = join(dir, 'a.jsonl');
    writeFileSync(
      f1,
      `${JSON.stringify({ id: 'x', lang: 'hi', text: 'क'.repeat(6000) })}\n${JSON.stringify({ id: 'y', lang: 'hi', text: 'एक' })}\n`,
    );
    const r1 = await importCorpus(p, f1);
    expect(r1.problems[0].reason).toMatch(/6000 code points/);
    const f2 = join(dir, 'b.jsonl');
    writeFileSync(f2, `${JSON.stringify({ id: 'y', lang: 'hi', text: 'दो' })}\n`);
    const r2 = await importCorpus(p, f2);
    expect(r2.problems[0].reason).toMatch(/already in the project with different content/);
    expect(p.utterances.getByExtId('y')!.text).toBe('एक');
    p.close();
  });

  it('export gives back every key and value; editing one span changes that row only', async () => {
    const dir = tempDir();
    const p = Project.init(join(dir, 'p'));
    await importCorpus(p, join(fixtures, 'sample.jsonl'));
    const out1 = join(dir, 'out1.jsonl');
    exportCorpus(p, out1, 'jsonl');
    const original = readRows(join(fixtures, 'sample.jsonl'));
    expect(readRows(out1)).toEqual(original);

    const svc = new Service(p);
    const u = p.utterances.getByExtId('fx_te_0001')!;
    const house = u.entities.find((e) => e.type === 'house_number')!;
    // Widen "456" to "ప్లాట్ 456" (the annotator decides the plot word belongs to it).
    await svc.dispatch('entities.update', { spanId: house.id, start: 29, end: 39 });
    const out2 = join(dir, 'out2.jsonl');
    exportCorpus(p, out2, 'jsonl');
    const edited = readRows(out2);
    const changed = edited.map((row, i) => JSON.stringify(row) !== JSON.stringify(original[i]));
    expect(changed).toEqual(original.map((r) => r.id === 'fx_te_0001'));
    const row = edited.find((r) => r.id === 'fx_te_0001')!;
    expect(row.entity_tokens).toEqual([
      { surface: '530001', start: 71, end: 77, type: 'pincode' },
      { surface: 'ప్లాట్ 456', start: 29, end: 39, type: 'house_or_plot' },
    ]);
    expect(Object.keys(row)).toEqual(Object.keys(original.find((r) => r.id === 'fx_te_0001')!));
    p.close();
  });

  it('the API refuses a span outside the text, naming the limit', async () => {
    const p = Project.init(join(tempDir(), 'p'));
    await importCorpus(p, join(fixtures, 'sample.jsonl'));
    const svc = new Service(p);
    const u = p.utterances.getByExtId('fx_ta_0001')!;
    await expect(
      svc.dispatch('entities.update', { spanId: u.entities[0].id, end: 999 }),
    ).rejects.toThrow(/outside the text \(16 code points\)/);
    await expect(svc.dispatch('entities.update', { spanId: 'x' })).rejects.toThrow(/spanId/);
    p.close();
  });
});
