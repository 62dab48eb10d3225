/**
 * Piper speaks a text sentence by sentence, and keeps each clause's closing
 * punctuation in the phoneme string (the voices were trained on it: a comma
 * is a short pause, `?` a rising end). espeak-ng's phonemizer drops that
 * punctuation, so the text is split here and each clause phonemised alone;
 * the punctuation is put back the way piper-phonemize writes it.
 */
import { splitSentences } from '../espeak/sentences.js';

export interface PiperClause {
  text: string;
  /** What piper-phonemize appends for the clause's terminator (`,` `.` `?` `!` `;` `:`), or ''. */
  punct: string;
}

// Dandas end a clause as a full stop does; other scripts' commas as a comma.
const PUNCT_AS: Record<string, string> = {
  ',': ',',
  ';': ';',
  ':': ':',
  '?': '?',
  '!': '!',
  '.': '.',
  '।': '.',
  '॥': '.',
  '،': ',',
  '、': ',',
  '，': ',',
};

/**
 * Clauses of each sentence. Inside a sentence a mark ends a clause only when
 * white space follows it, and a full stop only at the sentence's end, so
 * `1,00,000`, `3.5` and `Rs. 500` stay whole as the sentence splitter keeps them.
 */
export function piperSentences(text: string): PiperClause[][] {
  const out: PiperClause[][] = [];
  for (const s of splitSentences(text)) {
    const chars = [...s.text.trim()];
    const clauses: PiperClause[] = [];
    let body = '';
    let punct = '';
    const flush = (): void => {
      const t = body.trim();
      if (t.length > 0 && /\p{L}|\p{N}/u.test(t)) clauses.push({ text: t, punct });
      else if (clauses.length > 0 && punct && !clauses[clauses.length - 1].punct)
        clauses[clauses.length - 1].punct = punct;
      body = '';
      punct = '';
    };
    for (let i = 0; i < chars.length; i++) {
      const c = chars[i];
      const mapped = PUNCT_AS[c];
      const atEnd = chars.slice(i + 1).every((x) => PUNCT_AS[x] !== undefined || /\s/u.test(x));
      const ends = mapped !== undefined && (atEnd || (c !== '.' && /\s/u.test(chars[i + 1] ?? '')));
      if (!ends) {
        body += c;
        continue;
      }
      // A run of marks (`?!`, `...`) gives one terminator: the first.
      punct ||= mapped;
      const next = chars[i + 1];
      if (next === undefined || PUNCT_AS[next] === undefined) flush();
    }
    flush();
    if (clauses.length > 0) out.push(clauses);
  }
  return out;
}
