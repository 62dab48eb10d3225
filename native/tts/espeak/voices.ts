/**
 * Naming an espeak-ng voice: `hi`, `te+m2`, `inc/ta`, with an optional
 * variant. Resolution is strict: an unknown language or variant is a
 * UserError, never espeak's habit of keeping whatever voice was loaded (or
 * ignoring an unknown variant).
 */
import { UserError } from '../../contract/errors.js';
import type { VoiceInfo } from '../engine.js';
import { indicLanguage } from './languages.js';
import type { RawVoice } from './runtime.js';

export interface ResolvedVoice {
  /** Language code the voice is for, as espeak lists it first (`hi`, `en-gb`). */
  language: string;
  identifier: string;
  name: string;
  variant: string | undefined;
  /** Script the voice reads natively, or undefined where Charkha does not know it. */
  script: string | undefined;
  indic: boolean;
  /** What is passed to espeak_SetVoiceByName. */
  espeakName: string;
}

/** Scripts of the non-Indic voices Charkha checks text for (English code-mix). */
const LATIN_LANGS = /^en(-|$)/;

export function scriptOfVoice(language: string): string | undefined {
  const indic = indicLanguage(language.split('-')[0]);
  if (indic) return indic.script;
  return LATIN_LANGS.test(language) ? 'Latin' : undefined;
}

export function resolveVoice(
  voices: readonly RawVoice[],
  variants: readonly string[],
  voice: string,
  variant?: string,
): ResolvedVoice {
  const spec = voice.trim();
  const plus = spec.indexOf('+');
  const base = (plus >= 0 ? spec.slice(0, plus) : spec).toLowerCase();
  const inlineVariant = plus >= 0 ? spec.slice(plus + 1) : undefined;
  if (inlineVariant !== undefined && variant !== undefined && inlineVariant !== variant) {
    throw new UserError(
      'bad_input',
      `voice "${voice}" names variant "${inlineVariant}" but the variant option says "${variant}"`,
    );
  }
  const wantVariant = variant ?? inlineVariant;
  if (base.length === 0) throw new UserError('bad_input', 'no voice given');
  const found =
    voices.find((v) => v.identifier.toLowerCase() === base) ??
    voices.find((v) => v.identifier.toLowerCase().split('/').pop() === base) ??
    voices.find((v) => v.languages[0]?.toLowerCase() === base) ??
    voices.find((v) => v.languages.some((l) => l.toLowerCase() === base));
  if (!found) {
    const hint = base.startsWith('en-in')
      ? 'this espeak-ng build has no Indian English voice; use en (British) or en-us'
      : 'run `charkha synthesize --list-voices` to see the voices this build has';
    throw new UserError('not_found', `espeak-ng has no voice "${voice}"`, hint);
  }
  if (wantVariant !== undefined && !variants.includes(wantVariant)) {
    throw new UserError(
      'not_found',
      `espeak-ng has no voice variant "${wantVariant}"`,
      `variants: ${variants.join(', ')}`,
    );
  }
  const language = found.languages[0] ?? base;
  return {
    language,
    identifier: found.identifier,
    name: found.name,
    variant: wantVariant,
    script: scriptOfVoice(language),
    indic: indicLanguage(language) !== undefined,
    espeakName: wantVariant ? `${found.identifier}+${wantVariant}` : found.identifier,
  };
}

export function toVoiceInfo(v: RawVoice): VoiceInfo {
  const language = v.languages[0] ?? v.identifier;
  return {
    id: language,
    name: v.name,
    language,
    indic: indicLanguage(language) !== undefined,
    script: scriptOfVoice(language) ?? 'unknown',
    engine: 'espeak',
  };
}
