/**
 * ISO 639-1 codes in, each family's language tags out: Marian's multi-target
 * models want `>>hin<<` before the source, M2M100 its own two-letter codes
 * (the tokenizer writes `__hi__`), NLLB and IndicTrans2 `hin_Deva`. A pair the
 * model cannot do is a user error naming the model and what it can do.
 */
import { UserError } from '../contract/errors.js';

/** ISO 639-3 code and ISO 15924 script of each language Charkha supports. */
const ISO3: Readonly<Record<string, readonly [string, string]>> = {
  en: ['eng', 'Latn'],
  hi: ['hin', 'Deva'],
  mr: ['mar', 'Deva'],
  ne: ['npi', 'Deva'],
  sa: ['san', 'Deva'],
  bn: ['ben', 'Beng'],
  as: ['asm', 'Beng'],
  pa: ['pan', 'Guru'],
  gu: ['guj', 'Gujr'],
  or: ['ory', 'Orya'],
  ta: ['tam', 'Taml'],
  te: ['tel', 'Telu'],
  kn: ['kan', 'Knda'],
  ml: ['mal', 'Mlym'],
  ur: ['urd', 'Arab'],
};

function iso3(lang: string): readonly [string, string] {
  const code = ISO3[lang];
  if (code === undefined) {
    throw new UserError(
      'bad_input',
      `unknown language code "${lang}"`,
      `use one of: ${Object.keys(ISO3).join(', ')}`,
    );
  }
  return code;
}

/** `hin_Deva`: the tag NLLB and IndicTrans2 use. */
export function flores200Tag(lang: string): string {
  const [code, script] = iso3(lang);
  return `${code}_${script}`;
}

/** `>>hin<<`: the target token of multi-target Marian models. */
export function marianTag(lang: string): string {
  return `>>${iso3(lang)[0]}<<`;
}

/** How one family is asked for a pair: a source prefix and/or the tokenizer's language codes. */
export interface PairTags {
  /** Prepended to every source sentence (Marian's target token and a space). */
  prefix: string;
  /** `src_lang` / `tgt_lang` for tokenizers that build translation inputs (M2M100, NLLB). */
  srcLang?: string;
  tgtLang?: string;
}

export interface ModelLanguages {
  modelId: string;
  family: string;
  /** From the manifest: Marian lists source then target; multilingual families every language. */
  languages: readonly string[];
  /** `>>xxx<<` tokens of a multi-target Marian vocabulary (empty for a single pair). */
  marianTargets: readonly string[];
}

function unsupported(m: ModelLanguages, from: string, to: string, can: string): UserError {
  return new UserError(
    'unsupported',
    `model ${m.modelId} (${m.family}) does not translate ${from} → ${to}; it translates ${can}`,
  );
}

/** The tags that ask model `m` for `from` → `to`. */
export function pairTags(m: ModelLanguages, from: string, to: string): PairTags {
  iso3(from);
  iso3(to);
  if (from === to) throw new UserError('bad_input', `--from and --to are both "${from}"`);
  switch (m.family) {
    case 'marian': {
      const [src, ...tgts] = m.languages;
      if (m.marianTargets.length > 0) {
        if (!m.marianTargets.includes(marianTag(to)) || (src !== undefined && src !== from)) {
          throw unsupported(m, from, to, `${src ?? '?'} → ${m.marianTargets.join(' ')}`);
        }
        return { prefix: `${marianTag(to)} ` };
      }
      if (src !== from || !tgts.includes(to)) {
        throw unsupported(m, from, to, `${src ?? '?'} → ${tgts.join(', ') || '?'}`);
      }
      return { prefix: '' };
    }
    case 'm2m100':
    case 'nllb': {
      const langs = m.languages;
      if (langs.length > 0 && (!langs.includes(from) || !langs.includes(to))) {
        throw unsupported(m, from, to, `between ${langs.join(', ')}`);
      }
      const tag = m.family === 'nllb' ? flores200Tag : (l: string): string => l;
      return { prefix: '', srcLang: tag(from), tgtLang: tag(to) };
    }
    case 'indictrans2': {
      const langs = m.languages;
      if (langs.length > 0 && (!langs.includes(from) || !langs.includes(to))) {
        throw unsupported(m, from, to, `between ${langs.join(', ')}`);
      }
      // The published checkpoints are one direction each, named in their id.
      const direction = /(en-indic|indic-en|indic-indic)/.exec(m.modelId)?.[1];
      const ok =
        direction === undefined ||
        (direction === 'en-indic' && from === 'en' && to !== 'en') ||
        (direction === 'indic-en' && from !== 'en' && to === 'en') ||
        (direction === 'indic-indic' && from !== 'en' && to !== 'en');
      if (!ok) throw unsupported(m, from, to, direction!.replace('-', ' → '));
      return { prefix: '', srcLang: flores200Tag(from), tgtLang: flores200Tag(to) };
    }
    default:
      throw new UserError('unsupported', `no translation runner for family "${m.family}"`);
  }
}
