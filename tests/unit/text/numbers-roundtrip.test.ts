import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  SUPPORTED_NUMBER_LANGS,
  findNumberReadings,
  parseDatePhrase,
  parseNumberPhrase,
  parseTimePhrase,
  verbalizeCardinal,
  verbalizeCurrency,
  verbalizeDate,
  verbalizeDecimal,
  verbalizeDigits,
  verbalizeTime,
} from '../../../native/text/numbers/index.js';

const split = (s: string): string[] => s.split(' ');
const MAIN = ['hi', 'te', 'ta', 'en'] as const;

describe('verbalize → parse round trip', () => {
  it.each(MAIN)('every value 0–999 in %s', (lang) => {
    for (let v = 0; v <= 999; v++) {
      const s = verbalizeCardinal(v, lang);
      expect(/[0-9]/.test(s)).toBe(false);
      expect(parseNumberPhrase(split(s), lang), `${v}: ${s}`).toBe(v);
    }
  });

  it.each(SUPPORTED_NUMBER_LANGS)('sampled values up to 10^9 in %s', (lang) => {
    fc.assert(
      fc.property(
        // Small, medium and large values alike, not only nine-digit ones.
        fc.oneof(
          fc.integer({ min: 0, max: 10_000 }),
          fc.integer({ min: 0, max: 10_000_000 }),
          fc.integer({ min: 0, max: 1_000_000_000 }),
        ),
        (v) => {
          const s = verbalizeCardinal(v, lang);
          expect(parseNumberPhrase(split(s), lang), `${v}: ${s}`).toBe(v);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('English international grouping', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999_999_999 }), (v) => {
        const s = verbalizeCardinal(v, 'en', 'international');
        expect(parseNumberPhrase(split(s), 'en'), `${v}: ${s}`).toBe(v);
      }),
      { numRuns: 2000 },
    );
    expect(verbalizeCardinal(1_250_000, 'en', 'international')).toBe(
      'one million two hundred fifty thousand',
    );
    expect(verbalizeCardinal(1_250_000, 'en')).toBe('twelve lakh fifty thousand');
  });

  it.each(SUPPORTED_NUMBER_LANGS)('digit strings keep leading zeros in %s', (lang) => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{2,12}$/), (d) => {
        const s = verbalizeDigits(d, lang);
        const rs = findNumberReadings(split(s), lang);
        expect(rs).toHaveLength(1);
        expect(rs[0].kind).toBe('digits');
        expect(rs[0].digitString).toBe(d);
      }),
      { numRuns: 500 },
    );
    const grouped = verbalizeDigits('9876543210', lang, { grouping: [5, 5] });
    expect(findNumberReadings(split(grouped), lang)[0].digitString).toBe('9876543210');
  });

  it.each(SUPPORTED_NUMBER_LANGS)('currency amounts with paise in %s', (lang) => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000_00 }), (cents) => {
        const amount = cents / 100;
        const s = verbalizeCurrency(amount, lang);
        expect(/[0-9]/.test(s)).toBe(false);
        const rs = findNumberReadings(split(s), lang);
        expect(rs, s).toHaveLength(1);
        expect(rs[0].value, s).toBe(amount);
        expect(rs[0].currency).toBe('INR');
        expect(rs[0].hasCurrencyWord).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it.each(SUPPORTED_NUMBER_LANGS)('decimals in %s', (lang) => {
    for (const v of ['0.5', '3.14', '12.05', '1000.25']) {
      expect(parseNumberPhrase(split(verbalizeDecimal(v, lang)), lang)).toBe(Number(v));
    }
  });

  it.each(SUPPORTED_NUMBER_LANGS)('every minute of the day in %s', (lang) => {
    for (let m = 0; m < 1440; m++) {
      const t = `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
      const s = verbalizeTime(t, lang);
      expect(/[0-9]/.test(s)).toBe(false);
      expect(parseTimePhrase(split(s), lang), s).toBe(t);
    }
  });

  it.each(SUPPORTED_NUMBER_LANGS)('dates in %s', (lang) => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1900-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }),
        (d) => {
          const iso = d.toISOString().slice(0, 10);
          const s = verbalizeDate(iso, lang);
          expect(/[0-9]/.test(s)).toBe(false);
          expect(parseDatePhrase(split(s), lang), s).toBe(iso);
        },
      ),
      { numRuns: 300 },
    );
  });
});
