/**
 * Entity protection on EDSA rows with a deterministic "model" that returns
 * its input (placeholders untouched): every protected entity comes back
 * exactly once, written as the target writes it, and the survival check
 * finds it; what a model can break (a lost, repeated or invented
 * placeholder) is flagged.
 */
import { describe, expect, it } from 'vitest';
import { protectEntities } from '../../../native/mt/protect.js';
import { indianGrouping, renderAmount, renderName } from '../../../native/mt/render.js';
import { restoreEntities } from '../../../native/mt/restore.js';
import { dominantScript, scriptOfLang } from '../../../native/text/scripts.js';
import { edsaRow, edsaRows } from './edsa-rows.js';

const TARGETS = ['en', 'hi', 'te', 'ta'];

function count(hay: string, needle: string): number {
  return hay.split(needle).length - 1;
}

describe('protect and restore (identity model)', () => {
  it('every EDSA entity comes back exactly once, in the target script and number format', () => {
    let checked = 0;
    for (const row of edsaRows()) {
      const p = protectEntities(row.text, row.lang, row.entity_tokens);
      if (row.entity_class === 'codemix') {
        expect(p.entities, row.id).toEqual([]); // loanwords are left to the model
        continue;
      }
      expect(p.entities.length, row.id).toBeGreaterThan(0);
      for (const e of p.entities) expect(count(p.text, e.placeholder), row.id).toBe(1);
      for (const to of TARGETS.filter((l) => l !== row.lang)) {
        const r = restoreEntities(p.text, p, to);
        expect(r.problems, `${row.id} → ${to}`).toEqual([]);
        expect(r.ok).toBe(true);
        expect(r.text).not.toMatch(/ZX\d/);
        for (const e of r.entities) {
          expect(e.occurrences).toBe(1);
          expect(count(r.text, e.rendered), `${row.id} → ${to}: ${e.rendered}`).toBe(1);
          if (e.type === 'currency_amount') {
            expect(e.rendered).toMatch(/^(₹)?[0-9]{1,3}(,[0-9]{2})*(,[0-9]{3})?( \S+)?$/);
          } else if (/^[a-z]/.test(e.value) && !/^[A-Z]+$/.test(e.rendered)) {
            // Names: in the target's script unless an acronym.
            expect(dominantScript(e.rendered), `${row.id} → ${to}`).toBe(scriptOfLang(to));
          } else {
            expect(e.rendered).toMatch(/^[0-9A-Za-z\-/ ]+$/);
          }
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(80);
  });

  it('amounts: Indian grouping, the target rupee word, ₹ in English', () => {
    expect(indianGrouping(1234567)).toBe('12,34,567');
    expect(indianGrouping(500)).toBe('500');
    expect(indianGrouping(2500.5)).toBe('2,500.5');
    const p = protectEntities(
      edsaRow('hi_currency_000000').text,
      'hi',
      edsaRow('hi_currency_000000').entity_tokens,
    );
    expect(p.text).toBe('मेरी सैलरी हर महीने ZX0 है।');
    expect(restoreEntities('My salary is ZX0 every month.', p, 'en').text).toBe(
      'My salary is ₹50,000 every month.',
    );
    expect(restoreEntities('నా జీతం ZX0', p, 'te').text).toBe('నా జీతం 50,000 రూపాయలు');
    expect(renderAmount(20, 'USD', 'hi')).toBe('$20');
  });

  it('names: lexicon spelling first, then transliteration; acronyms stay Latin', () => {
    expect(renderName('Swiggy', 'en', 'hi')).toBe('स्विगी');
    expect(renderName('Hyderabad', 'en', 'ta')).toBe('ஹைதராபாத்');
    expect(renderName('राहुल', 'hi', 'en')).toBe('Rahul');
    expect(renderName('NGO', 'en', 'te')).toBe('NGO');
    const translit = renderName('Kumbhalgarh', 'en', 'hi');
    expect(dominantScript(translit)).toBe('Devanagari');
    expect(renderName('సీత', 'te', 'hi')).toBe('सीत');
  });

  it('rows without spans: the tagger finds what to protect', () => {
    const p = protectEntities('Send Rs 5,000 to Rahul at 9876543210 by Swiggy.', 'en', null);
    expect(p.text).toBe('Send ZX0 to ZX1 at ZX2 by ZX3.');
    expect(p.entities.map((e) => e.type)).toEqual(['currency_amount', 'person', 'phone', 'brand']);
    const r = restoreEntities('ZX1 को ZX3 से ZX0 भेजें, फ़ोन ZX2', p, 'hi');
    expect(r.text).toBe('राहुल को स्विगी से 5,000 रुपये भेजें, फ़ोन 9876543210');
    expect(r.ok).toBe(true);
  });

  it('placeholders the model respelled are still found', () => {
    const p = protectEntities('Call 9876543210 or 9123456780', 'en', null);
    const r = restoreEntities('कॉल करें ZX ० या zx1', p, 'hi');
    expect(r.text).toBe('कॉल करें 9876543210 या 9123456780');
    expect(r.ok).toBe(true);
  });

  it('flags a lost, a repeated and an invented placeholder, never passes them', () => {
    const row = edsaRow('hi_addresses_000000');
    const p = protectEntities(row.text, row.lang, row.entity_tokens);
    const lost = restoreEntities('Deliver to Delhi ZX1', p, 'en');
    expect(lost.ok).toBe(false);
    expect(lost.entities.map((e) => [e.occurrences, e.survived])).toEqual([
      [0, false],
      [1, true],
    ]);
    expect(lost.problems).toEqual([
      'ZX0 (house_number 45-b) lost by the model',
      'house_number 45-b not found in the translation',
    ]);
    const twice = restoreEntities('ZX0, ZX0 Delhi ZX1', p, 'en');
    expect(twice.text).toBe('45-B, Delhi 110015');
    expect(twice.problems).toEqual(['ZX0 (house_number 45-b) written 2 times']);
    const invented = restoreEntities('ZX0 Delhi ZX1 ZX7', p, 'en');
    expect(invented.text).toBe('45-B Delhi 110015');
    expect(invented.problems).toEqual(['ZX7 is no entity of the source']);
  });
});
