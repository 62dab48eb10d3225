/** Numbers in Indic and English text: reading them (scorer) and saying them (generator). */
export { SUPPORTED_NUMBER_LANGS, isNumberLang } from './langs.js';
export { findNumberReadings, parseNumberPhrase } from './parse.js';
export { parseTimePhrase } from './time-parse.js';
export { parseDatePhrase } from './date-parse.js';
export {
  verbalizeCardinal,
  verbalizeCurrency,
  verbalizeDate,
  verbalizeDecimal,
  verbalizeDigits,
  verbalizeTime,
} from './verbalize.js';
export type { CardinalStyle } from './verbalize-cardinal.js';
export type { CurrencyCode, NumberLang, NumberReading, NumberReadingKind } from './types.js';
