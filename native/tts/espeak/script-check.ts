/**
 * Which scripts a text is written in, and whether a voice can read it.
 *
 * The policy: a voice reads letters of its own script, and Latin letters too
 * (espeak-ng switches to English for them, which is what English code-mix in
 * Indic sentences needs). Letters of any other script are refused: espeak-ng
 * would either hand them to another language's rules mid-sentence or spell
 * them out as English letter names ("telugu letter ka"), which is never what
 * a corpus wants and is easy to miss by ear. Digits and punctuation are
 * script-neutral.
 */
import { UserError } from '../../contract/errors.js';
import { CHECKED_SCRIPTS } from './languages.js';

const PATTERNS = CHECKED_SCRIPTS.map((s) => [s, new RegExp(`\\p{Script=${s}}`, 'u')] as const);
const LETTER = /[\p{L}\p{M}]/u;
const INHERITED = /\p{Script=Inherited}/u;

/** Letter counts by script (combining marks count with the script they belong to). */
export function scriptCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const ch of text) {
    if (!LETTER.test(ch) || INHERITED.test(ch)) continue;
    const script = PATTERNS.find(([, re]) => re.test(ch))?.[0] ?? 'Other';
    counts.set(script, (counts.get(script) ?? 0) + 1);
  }
  return counts;
}

/** Throws a UserError when `text` has letters `script`'s voice cannot read. */
export function checkScript(text: string, script: string, voiceLabel: string): void {
  const counts = scriptCounts(text);
  const foreign = [...counts.keys()].filter((s) => s !== script && s !== 'Latin');
  if (foreign.length === 0) return;
  const sample = [...text].find((ch) => {
    if (!LETTER.test(ch) || INHERITED.test(ch)) return false;
    const s = PATTERNS.find(([, re]) => re.test(ch))?.[0] ?? 'Other';
    return foreign.includes(s);
  });
  const names = foreign.map((s) => (s === 'Other' ? 'another script' : s)).join(', ');
  throw new UserError(
    'bad_input',
    `text has ${names} letters (e.g. "${sample ?? '?'}") but voice ${voiceLabel} reads ${script}`,
    'espeak-ng would spell them out or switch language mid-sentence; use the voice for that language, or transliterate the text',
  );
}
