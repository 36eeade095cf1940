import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { countOf } from '../../ui/format';
import { SearchIcon } from '../../ui/icons';
import { textMatches, MAX_MATCHES, type TextMatch } from './textMatches';

const isMac = /Mac|iPhone|iPad/.test(navigator.platform);

/** Find in the policy text: Ctrl+F (⌘F on a Mac), as in any reader. */
export const FIND_SHORTCUT = {
  label: isMac ? '⌘F' : 'Ctrl+F',
  aria: isMac ? 'Meta+F' : 'Control+F',
  matches: (event: globalThis.KeyboardEvent) =>
    (isMac ? event.metaKey : event.ctrlKey) && !event.altKey && !event.shiftKey && event.code === 'KeyF',
};

export interface FindInTextProps {
  /** The version's canonical text, where the words are looked for. */
  text: string;
  /** Selects the words of `match` in the policy text and moves focus there; false when they are not shown. */
  select: (match: TextMatch) => boolean;
  /** Set while the Document area shows: Ctrl+F brings focus to the field from anywhere in it. */
  shortcutActive: boolean;
}

/**
 * A field to find words in the policy text. Enter selects the next place they are (Shift+Enter the one before) and
 * puts focus in the text, so that the keyboard can extend the selection with Shift and the arrows and annotate it,
 * as a mouse selects the words it drags over.
 */
export function FindInText({ text, select, shortcutActive }: FindInTextProps) {
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState('');
  const [current, setCurrent] = useState<number>();
  const matches = useMemo(() => textMatches(text, query), [text, query]);

  useEffect(() => {
    if (!shortcutActive) return;
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      if (!FIND_SHORTCUT.matches(event)) return;
      event.preventDefault();
      inputRef.current?.scrollIntoView({ block: 'nearest' });
      inputRef.current?.focus();
      inputRef.current?.select();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [shortcutActive]);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter' || matches.length === 0) return;
    event.preventDefault();
    const step = event.shiftKey ? -1 : 1;
    const next = current === undefined ? (step > 0 ? 0 : matches.length - 1) : current + step;
    const wrapped = (next + matches.length) % matches.length;
    if (select(matches[wrapped]!)) setCurrent(wrapped);
  };

  const status = !query.trim()
    ? ''
    : matches.length === 0
      ? `No match for “${query.trim()}”.`
      : current !== undefined
        ? `Match ${current + 1} of ${matches.length} is selected in the text.`
        : `${matches.length === MAX_MATCHES ? 'At least ' : ''}${countOf(matches.length, 'match', 'matches')}: Enter selects the first.`;

  return (
    <div className="document-find">
      <div className="search-field">
        <label htmlFor={id} className="visually-hidden">
          Find in the policy text
        </label>
        <SearchIcon className="search-field-icon" />
        <input
          ref={inputRef}
          id={id}
          type="search"
          className="input"
          placeholder={`Find in the text (${FIND_SHORTCUT.label})`}
          aria-keyshortcuts={FIND_SHORTCUT.aria}
          aria-describedby={`${id}-status ${id}-hint`}
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setCurrent(undefined);
          }}
          onKeyDown={onKeyDown}
          autoComplete="off"
          spellCheck={false}
        />
      </div>
      <p id={`${id}-hint`} className="document-find-note">
        Enter selects the words found; Shift with the arrow keys extends the selection.
      </p>
      <p id={`${id}-status`} className="document-find-status" role="status">
        {status}
      </p>
    </div>
  );
}
