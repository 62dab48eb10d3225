import {
  forwardRef,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type KeyboardEvent,
} from 'react';
import { typeKey, type RomanScheme, type WordInProgress } from './translit-typing.js';

export interface TranslitFieldProps {
  value: string;
  onChange: (value: string) => void;
  lang: string;
  /** null: the system keyboard types as it is (an Indic layout, or Latin for a translation). */
  scheme: RomanScheme | null;
  label: string;
  rows?: number;
  placeholder?: string;
  testId?: string;
  /** Told the selection (UTF-16 offsets) whenever it changes, for entity tagging. */
  onSelect?: (start: number, end: number) => void;
  onKeyDown?: (e: KeyboardEvent<HTMLTextAreaElement>) => void;
}

/**
 * A text area that takes Indic text through transliteration: Latin keys
 * become native script as they are typed, the Latin of the word in progress
 * shown beside it; with the scheme off, the system keyboard is used as is.
 */
export const TranslitField = forwardRef<HTMLTextAreaElement, TranslitFieldProps>(
  function TranslitField(props, outer) {
    const { value, onChange, lang, scheme, label, rows = 3, placeholder, testId } = props;
    const inner = useRef<HTMLTextAreaElement | null>(null);
    const word = useRef<WordInProgress | null>(null);
    const caret = useRef<number | null>(null);
    const [latin, setLatin] = useState('');

    useLayoutEffect(() => {
      const el = inner.current;
      if (el && caret.current !== null && document.activeElement === el) {
        el.setSelectionRange(caret.current, caret.current);
        caret.current = null;
      }
    });

    // React's onSelect misses a selection set by script (find, a test, an extension): the
    // element's own select event does not.
    const onSelectRef = useRef(props.onSelect);
    onSelectRef.current = props.onSelect;
    useEffect(() => {
      const el = inner.current;
      if (!el) return;
      const on = () => onSelectRef.current?.(el.selectionStart, el.selectionEnd);
      el.addEventListener('select', on);
      return () => el.removeEventListener('select', on);
    }, []);

    const endWord = () => {
      word.current = null;
      setLatin('');
    };

    const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
      props.onKeyDown?.(e);
      if (e.defaultPrevented || scheme === null) return;
      if (e.ctrlKey || e.metaKey || e.altKey || e.nativeEvent.isComposing) return;
      const el = e.currentTarget;
      const typed = typeKey(
        { value: el.value, selectionStart: el.selectionStart, selectionEnd: el.selectionEnd },
        e.key,
        word.current,
        lang,
        scheme,
      );
      if (!typed) {
        if (e.key.length === 1 || e.key === 'Backspace' || e.key.startsWith('Arrow')) endWord();
        return;
      }
      e.preventDefault();
      word.current = typed.word;
      setLatin(typed.word?.typer.pending() ?? '');
      // The element takes the text at once: the next key (typed before React
      // renders, on a busy machine) must read this value and caret, not the last.
      el.value = typed.value;
      el.setSelectionRange(typed.caret, typed.caret);
      caret.current = typed.caret;
      onChange(typed.value);
    };

    return (
      <div className="translit-field">
        <textarea
          ref={(el) => {
            inner.current = el;
            if (typeof outer === 'function') outer(el);
            else if (outer) outer.current = el;
          }}
          value={value}
          rows={rows}
          lang={scheme === null ? undefined : lang}
          aria-label={label}
          placeholder={placeholder}
          data-testid={testId}
          spellCheck={false}
          onChange={(e) => {
            endWord();
            onChange(e.target.value);
          }}
          onKeyDown={onKeyDown}
          onMouseDown={endWord}
          onBlur={endWord}
          onSelect={(e) =>
            props.onSelect?.(e.currentTarget.selectionStart, e.currentTarget.selectionEnd)
          }
        />
        <span className="translit-pending mono" aria-live="polite">
          {latin ? `${latin} →` : ''}
        </span>
      </div>
    );
  },
);
