import { describe, expect, it } from 'vitest';
import { UserError } from '../../../native/contract/errors.js';
import {
  LANG_SCRIPT,
  SUPPORTED_LANGS,
  assertLang,
  brahmicOffset,
  dominantScript,
  fromBrahmicOffset,
  isBrahmic,
  scriptOf,
  scriptOfLang,
} from '../../../native/text/scripts.js';

describe('scripts', () => {
  it('finds the script of a code point by its block', () => {
    expect(scriptOf('क')).toBe('Devanagari');
    expect(scriptOf('ক')).toBe('Bengali');
    expect(scriptOf('ਕ')).toBe('Gurmukhi');
    expect(scriptOf('ક')).toBe('Gujarati');
    expect(scriptOf('କ')).toBe('Odia');
    expect(scriptOf('க')).toBe('Tamil');
    expect(scriptOf('క')).toBe('Telugu');
    expect(scriptOf('ಕ')).toBe('Kannada');
    expect(scriptOf('ക')).toBe('Malayalam');
    expect(scriptOf('k')).toBe('Latin');
    expect(scriptOf('é')).toBe('Latin');
    expect(scriptOf('ک')).toBe('Arabic');
    expect(scriptOf('5')).toBe('Common');
    expect(scriptOf('।')).toBe('Common');
    expect(scriptOf(' ')).toBe('Common');
    expect(scriptOf('Ж')).toBe('Other');
    expect(scriptOf(0x0c15)).toBe('Telugu');
  });

  it('gives a word its dominant script', () => {
    expect(dominantScript('డెలివరీ')).toBe('Telugu');
    expect(dominantScript('upi@okaxis')).toBe('Latin');
    expect(dominantScript('123')).toBe('Common');
    expect(dominantScript('కನ್ನడ')).toBe('Kannada');
  });

  it('finds the same letter in another Brahmic block', () => {
    expect(brahmicOffset('క')).toBe(0x15);
    expect(brahmicOffset('ಕ')).toBe(0x15);
    expect(brahmicOffset('k')).toBeUndefined();
    expect(String.fromCodePoint(fromBrahmicOffset('Kannada', brahmicOffset('ఇ')!))).toBe('ಇ');
    expect(isBrahmic('Tamil')).toBe(true);
    expect(isBrahmic('Latin')).toBe(false);
  });

  it('maps languages to scripts and refuses unknown codes', () => {
    expect(scriptOfLang('hi')).toBe('Devanagari');
    expect(scriptOfLang('as')).toBe('Bengali');
    expect(scriptOfLang('ur')).toBe('Arabic');
    expect(SUPPORTED_LANGS).toHaveLength(Object.keys(LANG_SCRIPT).length);
    expect(() => assertLang('xx')).toThrow(UserError);
    expect(() => scriptOfLang('hin')).toThrow(/unknown language code "hin"/);
    expect(() => assertLang('te')).not.toThrow();
  });
});
