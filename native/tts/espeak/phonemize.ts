/**
 * Phonemes of a text in a language (espeak-ng's `--ipa` / `-x`), as Piper
 * voices consume them. The same strictness as synthesis: the voice must be
 * the language's own and the text in its script (Latin allowed for
 * code-mix), and the result must not be another language's reading: any
 * language switch other than to English for Latin words is refused.
 */
import { UserError } from '../../contract/errors.js';
import { checkScript } from './script-check.js';
import { SWITCH_MARKER } from './select.js';
import { checkText, prepareVoice } from './synthesize.js';
import type { ResolvedVoice } from './voices.js';

export interface PhonemizeOptions {
  voice: string;
  variant?: string;
  /** IPA (default, `--ipa`) or espeak's ASCII phoneme names (`-x`). */
  ipa?: boolean;
}

export interface PhonemeResult {
  /** Phonemes of each clause (espeak splits at punctuation), without separators or switch markers. */
  clauses: string[];
  /** The clauses joined with a space. */
  phonemes: string;
  /** espeak's own output: `_` between phonemes, ` | ` between clauses, `(en)` switch markers. */
  raw: string;
  /** Languages espeak switched to inside the text (`en` for Latin words), besides the voice's own. */
  switchedTo: string[];
  voiceUsed: string;
}

export async function phonemizeInThread(
  text: string,
  opts: PhonemizeOptions,
): Promise<PhonemeResult> {
  return (await phonemizeAllInThread([text], opts))[0];
}

/**
 * Several texts with one voice, as one pool task: one round trip and one
 * voice selection for a whole request's clauses. The voice's snapshot is not
 * restored when it is already loaded (phonemes do not depend on the wave
 * generator's state; tests/unit/tts/espeak-phonemize.test.ts checks that).
 */
export async function phonemizeAllInThread(
  texts: readonly string[],
  opts: PhonemizeOptions,
): Promise<PhonemeResult[]> {
  texts.forEach(checkText);
  const { rt, voice } = await prepareVoice(opts.voice, opts.variant, false);
  return texts.map((text) => {
    if (voice.script) checkScript(text, voice.script, voice.espeakName);
    return readPhonemes(rt.textToPhonemes(text, opts.ipa ?? true), voice);
  });
}

function readPhonemes(raw: string, voice: ResolvedVoice): PhonemeResult {
  const own = voice.language.split('-')[0];
  const switchedTo = [
    ...new Set([...raw.matchAll(SWITCH_MARKER)].map((m) => m[1].toLowerCase())),
  ].filter((l) => l.split('-')[0] !== own);
  const foreign = switchedTo.filter((l) => !l.startsWith('en'));
  if (foreign.length > 0 && voice.script) {
    throw new UserError(
      'bad_input',
      `espeak-ng read part of the text as ${foreign.join(', ')}, not ${voice.name}`,
    );
  }
  const clauses = raw
    .split(' | ')
    .map((c) => c.replace(SWITCH_MARKER, '').replace(/_+/g, '').replace(/\s+/g, ' ').trim())
    .filter((c) => c.length > 0);
  return { clauses, phonemes: clauses.join(' '), raw, switchedTo, voiceUsed: voice.espeakName };
}
