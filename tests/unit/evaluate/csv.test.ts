import { describe, expect, it } from 'vitest';
import { csvField, toCsv, type CsvColumn } from '../../../renderer/features/evaluate/csv.js';

describe('CSV export', () => {
  it('quotes commas, quotes and line breaks, and keeps Indic text as it is', () => {
    expect(csvField('నా నంబర్ 98765')).toBe('నా నంబర్ 98765');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(' padded')).toBe('" padded"');
  });

  it('writes numbers plainly and missing values as empty fields', () => {
    expect(csvField(0.125)).toBe('0.125');
    expect(csvField(-0.5)).toBe('-0.5');
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
    expect(csvField(Number.NaN)).toBe('');
  });

  it('defuses text a spreadsheet would run as a formula', () => {
    expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvField('+91 98765')).toBe("'+91 98765");
    expect(csvField('-x')).toBe("'-x");
    expect(csvField('-5')).toBe('-5');
  });

  it('writes a header and one CRLF line per row', () => {
    const cols: CsvColumn<{ id: string; wer: number | null }>[] = [
      { header: 'utterance', value: (r) => r.id },
      { header: 'WER', value: (r) => r.wer },
    ];
    expect(
      toCsv(cols, [
        { id: 'ph1', wer: 0.2 },
        { id: 'pin,1', wer: null },
      ]),
    ).toBe('utterance,WER\r\nph1,0.2\r\n"pin,1",\r\n');
  });
});
