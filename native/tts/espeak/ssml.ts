/**
 * The WASM build always synthesises with espeakSSML | espeakPHONEMES, so `<`,
 * `&` and `>` in plain text would be read as markup and `[[` as the start of
 * phoneme input. Escaping shifts espeak's event positions, so the escaped
 * text carries a map back to the caller's text.
 */

export interface EscapedText {
  text: string;
  /** For each code point of `text`, the UTF-16 offset of the input character it came from. */
  source: number[];
}

const ENTITIES: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;' };

export function escapeForEspeak(input: string): EscapedText {
  let text = '';
  const source: number[] = [];
  let at = 0;
  for (const ch of input) {
    let piece = ENTITIES[ch] ?? ch;
    // "[[" opens phoneme input: break the pair with a space.
    if (ch === '[' && input[at + 1] === '[') piece = '[ ';
    text += piece;
    for (let k = 0; k < [...piece].length; k++) source.push(at);
    at += ch.length;
  }
  return { text, source };
}

/** Phoneme input for espeak: its ASCII phoneme names inside [[ ]]. */
export function phonemeInput(phonemes: string): EscapedText {
  const inner = phonemes.replace(/\]\]/g, '] ]');
  const text = `[[${inner}]]`;
  return { text, source: [...text].map((_, i) => Math.max(0, Math.min(phonemes.length, i - 2))) };
}
