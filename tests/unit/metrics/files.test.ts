import { describe, expect, it } from 'vitest';
import {
  pairRows,
  parseHypothesisJsonl,
  parseReferenceJsonl,
} from '../../../native/metrics/files.js';

const row = (o: Record<string, unknown>) => JSON.stringify(o);

describe('reference JSONL', () => {
  it('reads rows, code-point offsets and extra keys', () => {
    // 𝟘 is astral: a UTF-16 offset would be off by one after it.
    const text = '𝟘 पिन 530001';
    const rows = parseReferenceJsonl(
      row({
        id: 'a',
        lang: 'hi',
        text,
        entity_tokens: [{ surface: '530001', start: 6, end: 12, type: 'pincode' }],
        entity_class: 'addresses',
        audio_path: 'x.wav',
      }) + '\n\n',
      'ref.jsonl',
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: 'a', line: 1, entityClass: 'addresses' });
    expect(rows[0].raw.audio_path).toBe('x.wav');
  });

  it('names file, line and field in errors', () => {
    expect(() => parseReferenceJsonl('{"id":"a","lang":"hi","text":"x"}\n{bad', 'r.jsonl')).toThrow(
      /r\.jsonl:2: invalid JSON/,
    );
    expect(() => parseReferenceJsonl(row({ lang: 'hi', text: 'x' }), 'r.jsonl')).toThrow(
      /r\.jsonl:1: .*"id"/,
    );
    expect(() => parseReferenceJsonl(row({ id: 'a', text: 'x' }), 'r.jsonl')).toThrow(/"lang"/);
    expect(() => parseReferenceJsonl(row({ id: 'a', lang: 'hi' }), 'r.jsonl')).toThrow(/"text"/);
    expect(() =>
      parseReferenceJsonl(
        row({
          id: 'a',
          lang: 'hi',
          text: '𝟘 530001',
          entity_tokens: [{ surface: '530001', start: 3, end: 9, type: 'pincode' }],
        }),
        'r.jsonl',
      ),
    ).toThrow(/r\.jsonl:1: entity_tokens\[0\]: text\[3:9\] is "30001", not the surface "530001"/);
    expect(() =>
      parseReferenceJsonl(
        [row({ id: 'a', lang: 'hi', text: 'x' }), row({ id: 'a', lang: 'hi', text: 'y' })].join(
          '\n',
        ),
        'r.jsonl',
      ),
    ).toThrow(/r\.jsonl:2: duplicate id "a" \(first on line 1\)/);
  });
});

describe('hypothesis JSONL', () => {
  it('reads the named field; null and absent rows are missing', () => {
    const hyps = parseHypothesisJsonl(
      [row({ id: 'a', beta_hyp: 'x' }), row({ id: 'b', beta_hyp: null })].join('\n'),
      'h.jsonl',
      'beta_hyp',
    );
    const refs = parseReferenceJsonl(
      ['a', 'b', 'c'].map((id) => row({ id, lang: 'hi', text: 't' })).join('\n'),
      'r.jsonl',
    );
    const p = pairRows(refs, hyps);
    expect(p.scored.map((s) => s.ref.id)).toEqual(['a']);
    expect(p.missing.map((r) => r.id)).toEqual(['b', 'c']);
  });

  it('suggests --hyp-field when the field is nowhere', () => {
    try {
      parseHypothesisJsonl(row({ id: 'a', beta_hyp: 'x' }), 'h.jsonl');
      expect.unreachable();
    } catch (e) {
      expect((e as Error).message).toMatch(
        /h\.jsonl: no row has the hypothesis field "hypothesis"/,
      );
      expect((e as { hint?: string }).hint).toMatch(/--hyp-field beta_hyp/);
    }
    expect(() => parseHypothesisJsonl(row({ id: 'a', hypothesis: 3 }), 'h.jsonl')).toThrow(
      /h\.jsonl:1: field "hypothesis" must be a string or null/,
    );
  });
});
