import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  aliasKey,
  lexiconLanguages,
  lexiconRoot,
  loadBrands,
  loadFormats,
  loadLanguage,
  loadLoanwords,
  loadPersons,
  loadPlaces,
  loadTemplates,
  parseLexicon,
  spellingInScript,
} from '../../../native/entities/lexicon.js';
import { brandsFileSchema, templatesFileSchema } from '../../../native/entities/lexicon-schema.js';

describe('lexicon loaders', () => {
  it('finds assets/lexicons by walking up from the module', () => {
    const root = lexiconRoot();
    expect(root.endsWith(join('assets', 'lexicons'))).toBe(true);
    expect(existsSync(join(root, 'common', 'brands.json'))).toBe(true);
  });

  it('caches per process: a second call returns the same objects', () => {
    expect(loadBrands()).toBe(loadBrands());
    expect(loadPlaces()).toBe(loadPlaces());
    expect(loadLoanwords()).toBe(loadLoanwords());
    expect(loadPersons('te')).toBe(loadPersons('te'));
    expect(loadFormats()).toBe(loadFormats());
  });

  it('lists the language folders, each with a language.json naming its own code', () => {
    const langs = lexiconLanguages();
    expect(langs).toEqual([...langs].sort());
    expect(langs).not.toContain('common');
    for (const l of langs) expect(loadLanguage(l).code).toBe(l);
  });

  it('names the file and the field when data is bad', () => {
    const bad = {
      _source: 'test',
      _licence: 'CC-BY-4.0',
      brands: [{ id: 'x', canonical: 'X', category: 'bank', spellings: { hi: [''] } }],
    };
    expect(() => parseLexicon(brandsFileSchema, bad, 'common/brands.json')).toThrow(
      /common\/brands\.json[\s\S]*brands\[0\]\.spellings\.hi\[0\]/,
    );
    const noSlot = {
      _source: 'test',
      _licence: 'CC-BY-4.0',
      lang: 'hi',
      templates: [{ id: 'hi-digits-001', class: 'digits', text: 'कुछ नहीं', slots: [] }],
    };
    expect(() => parseLexicon(templatesFileSchema, noSlot, 'hi/templates.json')).toThrow(
      /hi\/templates\.json[\s\S]*templates\[0\]\.slots/,
    );
    expect(() => parseLexicon(brandsFileSchema, { brands: [] }, 'x.json')).toThrow(
      /x\.json[\s\S]*_source/,
    );
  });

  it('reports a missing file by its path', () => {
    expect(() => loadTemplates('zz')).toThrow(/zz\/templates\.json/);
  });

  it('folds aliases: NFC, whitespace and Latin case', () => {
    expect(aliasKey('  Google   PAY ')).toBe('google pay');
    const decomposed = 'ज\u093cोमैटो';
    expect(aliasKey(decomposed)).toBe(decomposed.normalize('NFC'));
    const zomato = loadBrands().find((b) => b.id === 'zomato');
    expect(zomato?.aliases).toContain(aliasKey(decomposed));
  });

  it('checks scripts by the ranges of each language.json', () => {
    expect(spellingInScript('पेटीएम', 'hi')).toBe(true);
    expect(spellingInScript('ఫ్లిప్\u200cకార్ట్', 'te')).toBe(true);
    expect(spellingInScript('ஜீ5', 'ta')).toBe(true);
    expect(spellingInScript('పేటీఎం', 'hi')).toBe(false);
    expect(spellingInScript('ಪೇಟಿಎಂ', 'te')).toBe(false); // Kannada letters are not Telugu
    expect(spellingInScript('Paytm', 'ta')).toBe(false);
  });

  it('gives persons their language and aliases in every script', () => {
    const te = loadPersons('te');
    expect(te.every((p) => p.lang === 'te')).toBe(true);
    const venkatesh = te.find((p) => p.latin === 'Venkatesh');
    expect(venkatesh?.gender).toBe('m');
    expect(venkatesh?.aliases).toEqual(expect.arrayContaining(['venkatesh', 'వెంకటేష్', 'वेंकटेश']));
    expect(loadPersons().length).toBe(
      ['hi', 'ta', 'te'].reduce((n, l) => n + loadPersons(l).length, 0),
    );
  });

  it('gives places their PIN range and aliases', () => {
    const hyd = loadPlaces().find((p) => p.id === 'hyderabad');
    expect(hyd).toMatchObject({ kind: 'city', state: 'Telangana', pin: { from: '500001' } });
    expect(hyd?.aliases).toEqual(
      expect.arrayContaining(['hyderabad', 'हैदराबाद', 'హైదరాబాద్', 'ஹைதராபாத்']),
    );
  });
});
