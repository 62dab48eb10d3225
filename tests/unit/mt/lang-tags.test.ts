import { describe, expect, it } from 'vitest';
import { flores200Tag, marianTag, pairTags } from '../../../native/mt/lang-tags.js';

const marian = { modelId: 'm', family: 'marian', languages: ['en', 'hi'], marianTargets: [] };
const multi = {
  modelId: 'mul',
  family: 'marian',
  languages: ['en'],
  marianTargets: ['>>hin<<', '>>tel<<'],
};
const m2m = { modelId: 'x', family: 'm2m100', languages: ['en', 'hi', 'te'], marianTargets: [] };
const nllb = { modelId: 'n', family: 'nllb', languages: [], marianTargets: [] };

describe('language tags', () => {
  it('maps ISO 639-1 codes to each family tag', () => {
    expect(flores200Tag('hi')).toBe('hin_Deva');
    expect(flores200Tag('ta')).toBe('tam_Taml');
    expect(flores200Tag('en')).toBe('eng_Latn');
    expect(marianTag('te')).toBe('>>tel<<');
  });

  it('a one-pair Marian model needs no tag and takes only its pair', () => {
    expect(pairTags(marian, 'en', 'hi')).toEqual({ prefix: '' });
    expect(() => pairTags(marian, 'hi', 'en')).toThrow(/does not translate hi → en.*en → hi/s);
  });

  it('a multi-target Marian model gets its target token before the source', () => {
    expect(pairTags(multi, 'en', 'te')).toEqual({ prefix: '>>tel<< ' });
    expect(() => pairTags(multi, 'en', 'ta')).toThrow(/does not translate en → ta/);
  });

  it('M2M100 and NLLB get src_lang and tgt_lang in their own codes', () => {
    expect(pairTags(m2m, 'te', 'hi')).toEqual({ prefix: '', srcLang: 'te', tgtLang: 'hi' });
    expect(pairTags(nllb, 'en', 'hi')).toEqual({
      prefix: '',
      srcLang: 'eng_Latn',
      tgtLang: 'hin_Deva',
    });
    expect(() => pairTags(m2m, 'en', 'ta')).toThrow(/between en, hi, te/);
  });

  it('rejects unknown codes and a pair of one language', () => {
    expect(() => pairTags(m2m, 'xx', 'hi')).toThrow(/unknown language code "xx"/);
    expect(() => pairTags(m2m, 'hi', 'hi')).toThrow(/both "hi"/);
  });
});
