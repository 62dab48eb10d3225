import { UserError } from '../contract/errors.js';
import {
  checkDocument,
  emptyDocument,
  kindFromName,
  msTime,
  newTier,
  type AnnotationDocument,
} from './annotation-document.js';
import { decodeText } from './text-encoding.js';

type Token =
  | { kind: 'number'; value: number; line: number }
  | { kind: 'string'; value: string; line: number }
  | { kind: 'flag'; value: string; line: number };

/**
 * Praat's text formats are one stream of numbers, "strings" (quotes doubled
 * inside) and <flags>; the long format only adds labels (`xmin =`,
 * `item [1]:`) and the short one drops them, so one tokenizer that skips
 * labels, bracketed indices and `!` comments reads both.
 */
function tokenize(text: string, where: string): Token[] {
  const out: Token[] = [];
  let line = 1;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i];
    if (c === '\n') {
      line++;
      i++;
    } else if (c === '"') {
      const startLine = line;
      let value = '';
      i++;
      for (;;) {
        if (i >= n)
          throw new UserError('bad_input', `${where}:${startLine}: a string is not closed`);
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            value += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (text[i] === '\n') line++;
        value += text[i++];
      }
      out.push({ kind: 'string', value, line: startLine });
    } else if (c === '!') {
      while (i < n && text[i] !== '\n') i++;
    } else if (c === '<') {
      const close = text.indexOf('>', i);
      if (close < 0) throw new UserError('bad_input', `${where}:${line}: a <flag> is not closed`);
      out.push({ kind: 'flag', value: text.slice(i + 1, close), line });
      i = close + 1;
    } else if (c === '[') {
      const close = text.indexOf(']', i);
      if (close < 0) throw new UserError('bad_input', `${where}:${line}: a [ is not closed`);
      i = close + 1;
    } else if (/[0-9+\-.]/.test(c)) {
      const m = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/.exec(text.slice(i, i + 64));
      if (!m) throw new UserError('bad_input', `${where}:${line}: unexpected "${c}"`);
      out.push({ kind: 'number', value: Number(m[0]), line });
      i += m[0].length;
    } else if (/[A-Za-z_]/.test(c)) {
      // A label word (xmin, intervals, size, class, File, type, ...).
      while (i < n && /[A-Za-z0-9_]/.test(text[i])) i++;
    } else {
      i++;
    }
  }
  return out;
}

class Tokens {
  private i = 0;
  constructor(
    private readonly list: Token[],
    private readonly where: string,
  ) {}

  private next(what: string): Token {
    const t = this.list[this.i++];
    if (!t) {
      const last = this.list.at(-1)?.line ?? 1;
      throw new UserError(
        'bad_input',
        `${this.where}:${last}: the file ends where ${what} was expected`,
      );
    }
    return t;
  }

  line(): number {
    return this.list[this.i]?.line ?? this.list.at(-1)?.line ?? 1;
  }

  number(what: string): number {
    const t = this.next(what);
    if (t.kind !== 'number')
      throw new UserError('bad_input', `${this.where}:${t.line}: expected ${what} (a number)`);
    return t.value;
  }

  count(what: string): number {
    const line = this.line();
    const v = this.number(what);
    if (!Number.isInteger(v) || v < 0)
      throw new UserError('bad_input', `${this.where}:${line}: ${what} must be a whole number`);
    return v;
  }

  string(what: string): string {
    const t = this.next(what);
    if (t.kind !== 'string')
      throw new UserError(
        'bad_input',
        `${this.where}:${t.line}: expected ${what} (a quoted string)`,
      );
    return t.value;
  }

  flag(): string | null {
    const t = this.list[this.i];
    if (t?.kind !== 'flag') return null;
    this.i++;
    return t.value;
  }

  done(): boolean {
    return this.i >= this.list.length;
  }
}

/** Reads a Praat TextGrid in the long or short text format, UTF-8 or UTF-16. */
export function readTextGrid(bytes: Uint8Array, where: string): AnnotationDocument {
  const text = decodeText(bytes, where);
  if (!text.startsWith('File type = "ooTextFile')) {
    throw new UserError(
      'bad_input',
      `${where}:1: not a Praat text file (expected File type = "ooTextFile")`,
      text.startsWith('ooBinaryFile') ? 'save it from Praat as a text file' : undefined,
    );
  }
  const tokens = new Tokens(tokenize(text, where), where);
  tokens.string('the file type');
  const cls = tokens.string('the object class');
  if (cls !== 'TextGrid') throw new UserError('bad_input', `${where}:2: a ${cls}, not a TextGrid`);
  const doc = emptyDocument();
  const xmin = tokens.number('xmin');
  const xmax = tokens.number('xmax');
  doc.start = msTime(xmin);
  doc.end = msTime(xmax);
  const exists = tokens.flag();
  const size = exists === 'absent' ? 0 : tokens.count('the number of tiers');
  for (let t = 0; t < size; t++) {
    const line = tokens.line();
    const tierClass = tokens.string('a tier class');
    const name = tokens.string('a tier name');
    tokens.number('the tier xmin');
    tokens.number('the tier xmax');
    const count = tokens.count('the number of intervals or points');
    const tier = newTier(name, kindFromName(name));
    if (tierClass === 'IntervalTier') {
      let last = -Infinity;
      for (let k = 0; k < count; k++) {
        const at = tokens.line();
        const a = tokens.number('an interval xmin');
        const b = tokens.number('an interval xmax');
        const label = tokens.string('an interval text');
        if (b < a || a < last - 1e-9)
          throw new UserError(
            'bad_input',
            `${where}:${at}: interval ${k + 1} of tier "${name}" (${a}–${b}) is out of order`,
          );
        last = b;
        // Empty intervals only fill the gaps between annotations.
        if (label !== '') tier.segments.push({ start: msTime(a), end: msTime(b), text: label });
      }
    } else if (tierClass === 'TextTier') {
      tier.points = true;
      let last = -Infinity;
      for (let k = 0; k < count; k++) {
        const at = tokens.line();
        const time = tokens.number('a point time');
        const mark = tokens.string('a point mark');
        if (time <= last)
          throw new UserError(
            'bad_input',
            `${where}:${at}: point ${k + 1} of tier "${name}" (${time}) is out of order`,
          );
        last = time;
        tier.segments.push({ start: msTime(time), end: msTime(time), text: mark });
      }
    } else {
      throw new UserError('bad_input', `${where}:${line}: unknown tier class "${tierClass}"`);
    }
    doc.tiers.push(tier);
  }
  if (!tokens.done())
    throw new UserError(
      'bad_input',
      `${where}:${tokens.line()}: unexpected text after the last tier`,
    );
  return checkDocument(doc, where);
}
