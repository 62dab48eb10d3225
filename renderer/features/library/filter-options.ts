import type { ENTITY_CLASSES, Lang, Split } from '../../../native/contract/index.js';

/** Language names as a linguist reads them: English name and the endonym. */
export const LANG_NAMES: Record<Lang, string> = {
  hi: 'Hindi · हिन्दी',
  mr: 'Marathi · मराठी',
  ne: 'Nepali · नेपाली',
  sa: 'Sanskrit · संस्कृतम्',
  bn: 'Bengali · বাংলা',
  as: 'Assamese · অসমীয়া',
  pa: 'Punjabi · ਪੰਜਾਬੀ',
  gu: 'Gujarati · ગુજરાતી',
  or: 'Odia · ଓଡ଼ିଆ',
  ta: 'Tamil · தமிழ்',
  te: 'Telugu · తెలుగు',
  kn: 'Kannada · ಕನ್ನಡ',
  ml: 'Malayalam · മലയാളം',
  ur: 'Urdu · اردو',
  sd: 'Sindhi · سنڌي',
  si: 'Sinhala · සිංහල',
  en: 'English',
};

export type EntityClass = (typeof ENTITY_CLASSES)[number];

export const ENTITY_CLASS_NAMES: Record<EntityClass, string> = {
  digits: 'Digits',
  currency: 'Currency',
  addresses: 'Addresses',
  brands: 'Brands',
  codemix: 'Code-mix',
  proper_nouns: 'Proper nouns',
  dates_times: 'Dates and times',
  mixed: 'Mixed',
};

export const SPLIT_NAMES: Record<Split, string> = {
  train: 'Train',
  dev: 'Dev',
  test: 'Test',
  none: 'No split',
};
