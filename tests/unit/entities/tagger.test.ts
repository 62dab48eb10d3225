import { describe, expect, it } from 'vitest';
import { tagRows } from '../../../native/entities/tag-rows.js';
import { tagText } from '../../../native/entities/tagger.js';
import {
  compareRow,
  precisionRecall,
  type PrCounts,
} from '../../../native/entities/tagger-eval.js';

const kinds = (text: string, lang: string): string[] =>
  tagText(text, lang).map((s) => `${s.type}:${s.surface}`);

describe('tagger', () => {
  it('tags phones, PIN codes, amounts and house numbers with the scorer values', () => {
    const spans = tagText('मेरा नंबर 98765 43210 है, पता 42 राज नगर, दिल्ली 110051', 'hi');
    expect(spans.find((s) => s.type === 'phone')?.value).toBe('9876543210');
    expect(spans.find((s) => s.type === 'pincode')?.value).toBe('110051');
    expect(spans.find((s) => s.type === 'house_number')?.surface).toBe('42');
    expect(spans.some((s) => s.type === 'place' && s.surface === 'दिल्ली')).toBe(true);
    expect(tagText('मुझे ₹5,00,000 चाहिए', 'hi')[0]).toMatchObject({
      type: 'currency_amount',
      value: '500000 INR',
    });
  });

  it('reads digits said one by one as a digit run', () => {
    expect(kinds('ओटीपी पाँच नौ तीन दो एक है', 'hi')).toContain('digit_run:पाँच नौ तीन दो एक');
    expect(tagText('OTP 765432 பெற்ற உள்ளேன்', 'ta')).toContainEqual(
      expect.objectContaining({ type: 'digit_run', subtype: 'otp', value: '765432' }),
    );
  });

  it('tags brands with their product name, and places with fused case endings', () => {
    expect(kinds('Tata Nano ல் price ஆ மிக குறைவு', 'ta')).toEqual([
      'brand:Tata Nano',
      'loanword:price',
    ]);
    expect(kinds('నిధి మరియు సంజయ్ బెంగళూరులో ఉన్నారు', 'te')).toContain('place:బెంగళూరులో');
  });

  it('tags English words but not romanised Hindi', () => {
    expect(kinds('Aaj ka meeting postpone kar denge kya?', 'hi')).toEqual([
      'loanword:meeting',
      'loanword:postpone',
    ]);
    expect(kinds('నా ఆర్డర్ ఇంకా రాలేదు', 'te')).toContain('loanword:ఆర్డర్');
  });

  it('offsets are code points', () => {
    const text = 'నా ఫోన్ నంబర్ 98765 43210';
    for (const s of tagText(text, 'te'))
      expect([...text].slice(s.start, s.end).join('')).toBe(s.surface);
  });

  it('adds spans only to rows without them and keeps every other key', () => {
    const rows = [
      { id: 'a', lang: 'hi', text: 'Paytm से 500 रुपये भेजो', extra: 1, entity_tokens: [] },
      {
        id: 'b',
        lang: 'hi',
        text: 'x',
        entity_tokens: [{ surface: 'x', start: 0, end: 1, type: 'brand' }],
      },
    ];
    const r = tagRows(rows, 'in.jsonl');
    expect(r.tagged).toBe(1);
    expect(Object.keys(r.rows[0])).toEqual(['id', 'lang', 'text', 'extra', 'entity_tokens']);
    expect(r.rows[1]).toBe(rows[1]);
    expect(() => tagRows([{ id: 'c', text: 'x' }], 'in.jsonl')).toThrow(
      /in.jsonl: row 1: field "lang"/,
    );
  });

  it('precision and recall count overlapping spans of the same group', () => {
    const acc: Record<string, PrCounts> = {};
    compareRow(
      [
        { start: 0, end: 5, type: 'phone' },
        { start: 10, end: 15, type: 'brand' },
      ],
      [
        { start: 0, end: 4, type: 'digit_run', surface: '', value: '' },
        { start: 20, end: 22, type: 'brand', surface: '', value: '' },
      ],
      acc,
    );
    expect(precisionRecall(acc.numeric)).toEqual({ precision: 1, recall: 1 });
    expect(precisionRecall(acc.brand)).toEqual({ precision: 0, recall: 0 });
  });
});
