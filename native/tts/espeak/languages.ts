/**
 * The languages of India that this espeak-ng build (the npm
 * `@echogarden/espeak-ng-emscripten` 0.3.5 data, espeak-ng 1.52-dev) has a
 * voice for, with the Unicode script each voice reads natively. The list is
 * checked against the build's own voice list at load: a language missing
 * there is simply not offered (there is no Sanskrit and no en-IN voice in it).
 */
export interface IndicLanguage {
  code: string;
  name: string;
  /** Unicode script name (as in `\p{Script=…}`). */
  script: string;
}

export const INDIC_LANGUAGES: readonly IndicLanguage[] = [
  { code: 'hi', name: 'Hindi', script: 'Devanagari' },
  { code: 'bn', name: 'Bengali', script: 'Bengali' },
  { code: 'mr', name: 'Marathi', script: 'Devanagari' },
  { code: 'gu', name: 'Gujarati', script: 'Gujarati' },
  { code: 'pa', name: 'Punjabi', script: 'Gurmukhi' },
  { code: 'or', name: 'Odia', script: 'Oriya' },
  { code: 'as', name: 'Assamese', script: 'Bengali' },
  { code: 'ta', name: 'Tamil', script: 'Tamil' },
  { code: 'te', name: 'Telugu', script: 'Telugu' },
  { code: 'kn', name: 'Kannada', script: 'Kannada' },
  { code: 'ml', name: 'Malayalam', script: 'Malayalam' },
  { code: 'ur', name: 'Urdu', script: 'Arabic' },
  { code: 'ne', name: 'Nepali', script: 'Devanagari' },
  { code: 'sd', name: 'Sindhi', script: 'Arabic' },
  { code: 'si', name: 'Sinhala', script: 'Sinhala' },
  { code: 'kok', name: 'Konkani', script: 'Devanagari' },
  { code: 'bpy', name: 'Bishnupriya Manipuri', script: 'Bengali' },
];

const BY_CODE = new Map(INDIC_LANGUAGES.map((l) => [l.code, l]));

export function indicLanguage(code: string): IndicLanguage | undefined {
  return BY_CODE.get(code);
}

/** Scripts a voice's text is checked against; anything else counts as "Other". */
export const CHECKED_SCRIPTS = [
  'Devanagari',
  'Bengali',
  'Gurmukhi',
  'Gujarati',
  'Oriya',
  'Tamil',
  'Telugu',
  'Kannada',
  'Malayalam',
  'Sinhala',
  'Arabic',
  'Latin',
] as const;
