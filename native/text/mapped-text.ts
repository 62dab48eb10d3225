/**
 * Text as a list of code points, each remembering the code-point offset of
 * the input it came from. Every normalisation step rewrites this list, so
 * the map back to the raw text stays right however characters are
 * composed, dropped or replaced.
 */
export interface Unit {
  /** One code point. */
  c: string;
  /** Code-point offset in the original input. */
  src: number;
}

export function toUnits(text: string): Unit[] {
  const out: Unit[] = [];
  let i = 0;
  for (const c of text) out.push({ c, src: i++ });
  return out;
}

export function unitsText(units: readonly Unit[]): string {
  let s = '';
  for (const u of units) s += u.c;
  return s;
}

const MARK = /\p{M}/u;

/**
 * NFC, chunk by chunk, keeping the map. A chunk is a code point plus every
 * following code point that is a combining mark or that NFC would merge
 * with it (Hangul jamo, Bengali/Tamil/Telugu two-part vowel signs whose
 * second part is a spacing mark). Composed output maps to the first input
 * code point it came from; decomposed output (क़ → क + ़) maps every part
 * to its single source.
 */
export function nfcUnits(units: readonly Unit[]): Unit[] {
  // Most text already is NFC: then nothing moves and the map is unchanged.
  const whole = unitsText(units);
  if (whole.normalize('NFC') === whole) return [...units];
  const out: Unit[] = [];
  let i = 0;
  while (i < units.length) {
    let j = i + 1;
    let chunk = units[i].c;
    while (j < units.length) {
      const next = units[j].c;
      if (
        !MARK.test(next) &&
        (chunk + next).normalize('NFC') === chunk.normalize('NFC') + next.normalize('NFC')
      )
        break;
      chunk += next;
      j++;
    }
    const composed = chunk.normalize('NFC');
    if (composed === chunk) {
      for (let k = i; k < j; k++) out.push(units[k]);
    } else {
      alignChunk(units.slice(i, j), composed, out);
    }
    i = j;
  }
  return out;
}

/** Map each code point of `composed` to the input unit whose decomposition it starts with. */
function alignChunk(input: readonly Unit[], composed: string, out: Unit[]): void {
  const firsts = input.map((u) => String.fromCodePoint(u.c.normalize('NFD').codePointAt(0) ?? 0));
  let at = 0;
  for (const c of composed) {
    const f = String.fromCodePoint(c.normalize('NFD').codePointAt(0) ?? 0);
    let found = -1;
    for (let k = at; k < input.length; k++) {
      if (firsts[k] === f) {
        found = k;
        break;
      }
    }
    if (found >= 0) at = found;
    out.push({ c, src: input[at].src });
  }
}
