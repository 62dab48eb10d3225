import { describe, expect, it } from 'vitest';
import { generateCorpus } from '../../../native/entities/generate.js';
import { isNumberWord, loadPlainWords } from '../../../native/entities/plain-words.js';
import { findNumberReadings } from '../../../native/text/numbers/index.js';

function words(s: string): string[] {
  return s
    .split(/[\s\p{P}\p{S}]+/u)
    .map((w) => w.trim())
    .filter((w) => w !== '');
}

describe('generate --plain-slots', () => {
  for (const lang of ['hi', 'te', 'ta']) {
    it(`${lang}: same templates and count as the dense rows, no span, no digit, no number word`, () => {
      for (const split of ['train', 'test'] as const) {
        const count = split === 'train' ? 800 : 200;
        const cfg = { langs: [lang], count, seed: 7, split };
        const dense = generateCorpus(cfg);
        const plain = generateCorpus({ ...cfg, plainSlots: true });
        expect(plain.rows).toHaveLength(count);
        expect(plain.rows.map((r) => r.template_id)).toEqual(dense.rows.map((r) => r.template_id));
        expect(plain.rows.map((r) => r.id)).toEqual(dense.rows.map((r) => r.id));
        expect(plain.summary.by_type).toEqual({});
        for (const r of plain.rows) {
          expect(r.entity_tokens, r.id).toEqual([]);
          expect(r.spoken_tokens, r.id).toEqual([]);
          expect(r.spoken).toBe(r.text);
          expect(/\p{Nd}/u.test(r.text), `${r.id}: ${r.text}`).toBe(false);
          expect(r.text, r.id).not.toMatch(/\{[a-z_]+\}/);
          const ws = words(r.text);
          for (const w of ws)
            expect(isNumberWord(w, lang), `${r.id}: "${w}" in ${r.text}`).toBe(false);
          // No run of words reads as a number either ("दो सौ").
          expect(findNumberReadings(ws, lang), `${r.id}: ${r.text}`).toEqual([]);
        }
        // The slots really changed: dense rows with entities differ from their plain twins.
        const changed = plain.rows.filter((r, i) => r.text !== dense.rows[i].text).length;
        expect(changed).toBeGreaterThan(count * 0.8);
      }
    });

    it(`${lang}: the plain-word list holds no number word and no duplicate`, () => {
      const list = loadPlainWords(lang);
      expect(new Set(list).size).toBe(list.length);
      for (const w of list) expect(isNumberWord(w, lang), w).toBe(false);
    });
  }

  it('is deterministic for a seed', () => {
    const cfg = { langs: ['hi'], count: 100, seed: 3, plainSlots: true };
    expect(generateCorpus(cfg).rows).toEqual(generateCorpus(cfg).rows);
  });

  it('a language without a plain-word list is a user error', () => {
    expect(() => loadPlainWords('xx')).toThrow(/no plain-word list for "xx"/);
  });
});
