import type { ErrorPattern } from '../../../native/contract/index.js';

/** Error patterns of the drill-down as an evaluator names them. */
export const PATTERN_LABELS: Record<ErrorPattern, string> = {
  number_as_words: 'Number written as words',
  digit_split_merged: 'Digits split or merged',
  one_digit_wrong: 'One digit wrong',
  wrong_script: 'Wrong script',
  transliteration_variant: 'Transliteration or spelling variant',
  deleted: 'Deleted',
  other: 'Other',
};
