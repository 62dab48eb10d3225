import { describe, expect, it } from 'vitest';
import {
  typeKey,
  type WordInProgress,
} from '../../../renderer/features/annotate/translit-typing.js';

/** Types `keys` into a field as the Annotate screen does, the browser handling what typeKey leaves. */
function typeInto(
  start: { value: string; caret: number },
  keys: string[],
  lang = 'te',
): { value: string; caret: number } {
  let { value, caret } = start;
  let word: WordInProgress | null = null;
  for (const k of keys) {
    const r = typeKey(
      { value, selectionStart: caret, selectionEnd: caret },
      k,
      word,
      lang,
      'itrans',
    );
    if (r) {
      value = r.value;
      caret = r.caret;
      word = r.word;
      continue;
    }
    word = null;
    if (k === 'Backspace') {
      value = value.slice(0, caret - 1) + value.slice(caret);
      caret--;
    } else {
      value = value.slice(0, caret) + k + value.slice(caret);
      caret += k.length;
    }
  }
  return { value, caret };
}

describe('typing Indic text through transliteration', () => {
  it('writes each word again in Telugu on every Latin key', () => {
    const out = typeInto({ value: '', caret: 0 }, [...'iravai lakSha rUpAyala']);
    expect(out.value).toBe('ఇరవై లక్ష రూపాయల');
    expect(out.caret).toBe(out.value.length);
  });

  it('types at the caret, in the middle of existing text, leaving the rest alone', () => {
    const out = typeInto({ value: 'నా  ఉంది', caret: 3 }, [...'pEru']);
    expect(out.value).toBe('నా పేరు ఉంది');
  });

  it('takes back one Latin key on Backspace while a word is in progress', () => {
    const out = typeInto({ value: '', caret: 0 }, [...'kaa', 'Backspace', 'Backspace', 'i']);
    expect(out.value).toBe('కి');
  });

  it('keeps digits and punctuation as typed, and drops Hindi’s final virama', () => {
    expect(typeInto({ value: '', caret: 0 }, [...'234, naam'], 'hi').value).toBe('234, नाम');
  });
});
