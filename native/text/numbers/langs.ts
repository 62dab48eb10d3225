import { EN_NUMBERS } from './lang-en.js';
import { GU_NUMBERS } from './lang-gu.js';
import { HI_NUMBERS } from './lang-hi.js';
import { TA_NUMBERS } from './lang-ta.js';
import { TE_NUMBERS } from './lang-te.js';
import type { NumberLang, NumberLangData } from './types.js';

export const NUMBER_DATA: Readonly<Record<NumberLang, NumberLangData>> = {
  hi: HI_NUMBERS,
  te: TE_NUMBERS,
  ta: TA_NUMBERS,
  en: EN_NUMBERS,
  gu: GU_NUMBERS,
};

export const SUPPORTED_NUMBER_LANGS: readonly NumberLang[] = ['hi', 'te', 'ta', 'en', 'gu'];

export function isNumberLang(lang: string): lang is NumberLang {
  return Object.prototype.hasOwnProperty.call(NUMBER_DATA, lang);
}
