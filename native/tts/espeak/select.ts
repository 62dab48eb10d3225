/**
 * Loading a voice and making sure it is the one asked for. espeak-ng keeps
 * the previous voice when a name is unknown, and reads a script it has no
 * rules for as English letter names; either would give English-sounding
 * audio under an Indic label. So after selecting, a probe word in the
 * voice's own script is phonemised: it must come out with no language switch
 * and differ from what the English voice makes of it.
 */
import { UserError } from '../../contract/errors.js';
import type { EspeakRuntime } from './runtime.js';
import type { ResolvedVoice } from './voices.js';

const PROBES: Record<string, string> = {
  Devanagari: 'कमल',
  Bengali: 'কমল',
  Gurmukhi: 'ਕਮਲ',
  Gujarati: 'કમળ',
  Oriya: 'କମଳ',
  Tamil: 'கமல்',
  Telugu: 'కమల',
  Kannada: 'ಕಮಲ',
  Malayalam: 'കമല',
  Sinhala: 'කමල',
  Arabic: 'کتاب',
};

/** Language-switch markers espeak writes into phoneme output: `(en)`, `(hi)`. */
export const SWITCH_MARKER = /\(([a-z]{2,3}(?:-[a-z0-9]+)*)\)/gi;

const verified = new Set<string>();
const englishReadings = new Map<string, string>();

/** `reset` false keeps an already-current voice's state (enough for phonemes, see `useVoice`). */
export function selectVoice(rt: EspeakRuntime, voice: ResolvedVoice, reset = true): void {
  const probe = voice.script ? PROBES[voice.script] : undefined;
  if (probe && !verified.has(voice.espeakName) && !englishReadings.has(probe)) {
    if (rt.setVoice('en') === 0) englishReadings.set(probe, rt.textToPhonemes(probe, true));
  }
  const code = rt.useVoice(voice.espeakName, reset);
  if (code !== 0) {
    throw new UserError(
      'not_found',
      `espeak-ng could not load voice "${voice.espeakName}" (espeak error ${code})`,
    );
  }
  if (!probe || verified.has(voice.espeakName)) return;
  const got = rt.textToPhonemes(probe, true);
  const switched = [...got.matchAll(SWITCH_MARKER)].map((m) => m[1]);
  if (switched.length > 0 || got === englishReadings.get(probe)) {
    throw new UserError(
      'unsupported',
      `espeak-ng loaded a voice that does not read ${voice.script} as ${voice.name} (probe "${probe}" gave "${got}")`,
      'this espeak-ng build lacks the language data; Charkha will not fall back to English',
    );
  }
  verified.add(voice.espeakName);
  // Back to the state right after loading, which the probe has moved on.
  rt.useVoice(voice.espeakName);
}
