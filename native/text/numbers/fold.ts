/**
 * Spelling fold for lexicon look-ups: ASCII lower case, no nukta, no
 * ZWJ/ZWNJ/soft hyphen, candrabindu as anusvara, canonical composition.
 * Annotators and ASR systems disagree on exactly these (पाँच/पांच,
 * हज़ार/हजार), and a number word's value never depends on them.
 *
 * It runs once per distinct word (callers cache), but cold scoring runs see
 * tens of thousands of words, so NFC (slow in V8) runs only on the rare
 * word that holds a character canonical composition could change.
 */
const DROP = new Set([
  0x093c, 0x09bc, 0x0a3c, 0x0abc, 0x0b3c, 0x0cbc, 0x200c, 0x200d, 0xfeff, 0xad,
]);

const MAP = new Map<number, number>([
  // candrabindu → anusvara
  [0x0901, 0x0902],
  [0x0981, 0x0982],
  [0x0a81, 0x0a82],
  [0x0b01, 0x0b02],
  [0x0c01, 0x0c02],
  // letters with nukta (precomposed) → base letter, as dropping the nukta does
  [0x0958, 0x0915],
  [0x0959, 0x0916],
  [0x095a, 0x0917],
  [0x095b, 0x091c],
  [0x095c, 0x0921],
  [0x095d, 0x0922],
  [0x095e, 0x092b],
  [0x095f, 0x092f],
  [0x0929, 0x0928],
  [0x0931, 0x0930],
  [0x0934, 0x0933],
  [0x09dc, 0x09a1],
  [0x09dd, 0x09a2],
  [0x09df, 0x09af],
  [0x0a33, 0x0a32],
  [0x0a36, 0x0a38],
  [0x0a59, 0x0a16],
  [0x0a5a, 0x0a17],
  [0x0a5b, 0x0a1c],
  [0x0a5e, 0x0a2b],
  [0x0b5c, 0x0b21],
  [0x0b5d, 0x0b22],
]);

/** Second halves of the canonical compositions in Indic scripts, and Latin accents. */
const COMPOSING = new Set([
  0x09be, 0x09d7, 0x0b3e, 0x0b56, 0x0b57, 0x0bbe, 0x0bd7, 0x0c56, 0x0cc2, 0x0cd5, 0x0cd6, 0x0d3e,
  0x0d57,
]);
const composes = (c: number): boolean => COMPOSING.has(c) || (c >= 0x0300 && c <= 0x036f);

const needsFold = (c: number): boolean =>
  (c >= 0x41 && c <= 0x5a) || DROP.has(c) || MAP.has(c) || composes(c);

export function foldWord(w: string): string {
  let i = 0;
  while (i < w.length && !needsFold(w.charCodeAt(i))) i++;
  if (i === w.length) return w; // the common case: nothing to fold
  let s = w;
  for (let k = i; k < s.length; k++) {
    if (composes(s.charCodeAt(k))) {
      s = s.normalize('NFC');
      break;
    }
  }
  const out: number[] = [];
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (DROP.has(c)) continue;
    const m = MAP.get(c);
    if (m !== undefined) out.push(m);
    else if (c >= 0x41 && c <= 0x5a) out.push(c + 0x20);
    else out.push(c);
  }
  return String.fromCharCode(...out);
}
