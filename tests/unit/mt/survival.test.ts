import { describe, expect, it } from 'vitest';
import { entitySurvival, rowEntities } from '../../../native/mt/survival.js';
import { edsaRow, edsaRows } from './edsa-rows.js';

const survived = (r: { survived: boolean }[]): boolean[] => r.map((x) => x.survived);

describe('entitySurvival', () => {
  it('every EDSA row keeps all its entities against its own text', () => {
    for (const row of edsaRows()) {
      const entities = rowEntities(row);
      expect(entities.length, row.id).toBeGreaterThan(0);
      const got = entitySurvival(entities, row.text, row.lang);
      expect(survived(got), row.id).toEqual(entities.map(() => true));
    }
  });

  it('reads amounts as digits, grouped digits, number words and native digits', () => {
    const entities = rowEntities(edsaRow('hi_currency_000000'));
    expect(entities).toEqual([
      {
        type: 'currency_amount',
        value: '50000 INR',
        surface: '50 हजार रुपये',
        canonical: { kind: 'amount', value: 50000, currency: 'INR' },
      },
    ]);
    const found = (t: string, lang: string): string | null =>
      entitySurvival(entities, t, lang)[0].found;
    expect(found('My salary is 50 thousand rupees every month.', 'en')).toBe('50 thousand rupees');
    expect(found('My salary is Rs 50,000 a month.', 'en')).toBe('Rs 50,000');
    expect(found('My salary is fifty thousand rupees.', 'en')).toBe('fifty thousand rupees');
    expect(found('मेरी सैलरी ५०००० रुपये है', 'hi')).toBe('५०००० रुपये');
    expect(found('My salary is 5000 rupees.', 'en')).toBeNull();
    expect(found('My salary is 50000 dollars.', 'en')).toBeNull();
  });

  it('finds brands and names in another script by alias or transliteration', () => {
    const swiggy = rowEntities(edsaRow('te_brands_000000'));
    expect(entitySurvival(swiggy, 'I ordered from Swiggy', 'en')[0].found).toBe('Swiggy');
    expect(entitySurvival(swiggy, 'स्विगी से ऑर्डर किया', 'hi')[0].found).toBe('स्विगी');
    expect(survived(entitySurvival(swiggy, 'I ordered food', 'en'))).toEqual([false]);
    const rajiv = entitySurvival([{ type: 'person', value: 'राजीव' }], 'Rajiv came', 'en');
    expect(rajiv[0]).toMatchObject({ survived: true, found: 'Rajiv', start: 0, end: 5 });
  });

  it('flags the entity a translation dropped and keeps the others', () => {
    const entities = rowEntities(edsaRow('hi_addresses_000000'));
    expect(entities.map((e) => e.value)).toEqual(['45-b', '110015']);
    expect(
      survived(entitySurvival(entities, 'Deliver to 45-B, Rajiv Nagar, Delhi 110015', 'en')),
    ).toEqual([true, true]);
    expect(survived(entitySurvival(entities, 'Deliver to Delhi 110015', 'en'))).toEqual([
      false,
      true,
    ]);
  });

  it('a value the source has twice must come back twice', () => {
    const twice = [
      { type: 'pincode', value: '500081' },
      { type: 'pincode', value: '500081' },
    ];
    expect(survived(entitySurvival(twice, 'PIN 500081', 'en'))).toEqual([true, false]);
    expect(survived(entitySurvival(twice, 'PIN 500081, not 500081', 'en'))).toEqual([true, true]);
  });

  it('phone numbers and digit runs said digit by digit', () => {
    const got = entitySurvival(
      rowEntities(edsaRow('te_digits_000020')),
      'my number is nine eight seven six five four three two one zero',
      'en',
    );
    expect(got[0].found).toBe('nine eight seven six five four three two one zero');
  });

  it('entities of unknown type are looked for as written', () => {
    const got = entitySurvival([{ type: 'gadget', value: 'Wi-Fi 6' }], 'it has wi-fi 6 now', 'en');
    expect(got[0].survived).toBe(true);
    expect(survived(entitySurvival([{ type: 'gadget', value: 'Wi-Fi 6' }], 'no', 'en'))).toEqual([
      false,
    ]);
  });
});
