import { $isLinkNode, $toggleLink, $createLinkNode } from '@lexical/link';
import {
  $isListNode,
  INSERT_ORDERED_LIST_COMMAND,
  INSERT_UNORDERED_LIST_COMMAND,
  REMOVE_LIST_COMMAND,
  type ListType,
} from '@lexical/list';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $findMatchingParent, mergeRegister } from '@lexical/utils';
import {
  $createTextNode,
  $createRangeSelectionFromDom,
  $getSelection,
  $isRangeSelection,
  $setSelection,
  COMMAND_PRIORITY_NORMAL,
  FORMAT_TEXT_COMMAND,
  type BaseSelection,
  type LexicalNode,
} from 'lexical';
import { useEffect, useEffectEvent, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { OPEN_LINK_FIELD_COMMAND, SHORTCUTS } from '../../commentCommands';
import { linkFromInput } from '../../linkRule';

interface FormatState {
  bold: boolean;
  italic: boolean;
  list: ListType | undefined;
  link: string | undefined;
}

const NO_FORMAT: FormatState = { bold: false, italic: false, list: undefined, link: undefined };

function $formatState(): FormatState {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return NO_FORMAT;
  const anchor = selection.anchor.getNode();
  const list = $findMatchingParent(anchor, (node: LexicalNode) => $isListNode(node));
  const link = $findMatchingParent(anchor, (node: LexicalNode) => $isLinkNode(node));
  return {
    bold: selection.hasFormat('bold'),
    italic: selection.hasFormat('italic'),
    list: $isListNode(list) ? list.getListType() : undefined,
    link: $isLinkNode(link) ? link.getURL() : undefined,
  };
}

interface ToolButtonProps {
  label: string;
  shortcut: string;
  pressed?: boolean;
  onClick: () => void;
  children: ReactNode;
  disabled: boolean;
  /** The bar's one Tab stop. */
  first?: boolean;
}

function ToolButton({ label, shortcut, pressed, onClick, children, disabled, first = false }: ToolButtonProps) {
  return (
    <button
      type="button"
      className="comment-tool"
      aria-label={label}
      aria-pressed={pressed}
      aria-keyshortcuts={shortcut.replace('Ctrl', 'Control').replace('⌘', 'Meta')}
      title={`${label} (${shortcut})`}
      tabIndex={first ? 0 : -1}
      disabled={disabled}
      // Keeps the text selection in the editor while the button is pressed.
      onMouseDown={(event) => event.preventDefault()}
      onClick={onClick}
    >
      {children}
    </button>
  );
}

/**
 * The formatting bar of a comment: bold, italic, bulleted and numbered lists, and a link limited to web and
 * email addresses. One Tab stop, the arrow keys move between the buttons; the link field opens under the bar.
 */
export function CommentToolbarPlugin({ disabled = false }: { disabled?: boolean }) {
  const [editor] = useLexicalComposerContext();
  const [format, setFormat] = useState<FormatState>(NO_FORMAT);
  const [linkField, setLinkField] = useState<{ value: string; problem?: string } | null>(null);
  const savedSelection = useRef<BaseSelection | null>(null);
  const barRef = useRef<HTMLDivElement>(null);
  const linkInputRef = useRef<HTMLInputElement>(null);
  const linkInputId = useId();
  const linkProblemId = useId();

  const openLinkFromShortcut = useEffectEvent(() => openLinkField());
  useEffect(
    () =>
      mergeRegister(
        editor.registerUpdateListener(({ editorState }) => setFormat(editorState.read($formatState))),
        editor.registerCommand(
          OPEN_LINK_FIELD_COMMAND,
          () => {
            openLinkFromShortcut();
            return true;
          },
          COMMAND_PRIORITY_NORMAL,
        ),
      ),
    [editor],
  );

  const linkOpen = linkField !== null;
  useEffect(() => {
    if (linkOpen) linkInputRef.current?.focus();
  }, [linkOpen]);

  /**
   * Lexical learns of a keyboard selection on `selectionchange`, which can arrive after the next key: Shift+Arrow
   * then Ctrl+K at typing speed would link the selection as it was one key earlier. The page's own selection is
   * the one the person sees, so it wins when it lies in this editor.
   */
  function $selectionOnScreen() {
    const onScreen = window.getSelection();
    const root = editor.getRootElement();
    if (!onScreen?.anchorNode || !root?.contains(onScreen.anchorNode)) return null;
    return $createRangeSelectionFromDom(onScreen, editor);
  }

  function openLinkField() {
    const { selection, url } = editor.read(() => {
      const current = $selectionOnScreen() ?? $getSelection();
      return { selection: current ? current.clone() : null, url: $formatState().link };
    });
    savedSelection.current = selection;
    setLinkField({ value: url ?? '' });
  }

  const closeLinkField = () => {
    setLinkField(null);
    editor.update(() => {
      if (savedSelection.current) $setSelection(savedSelection.current.clone());
    });
    editor.focus();
  };

  const applyLink = () => {
    if (!linkField) return;
    const link = linkFromInput(linkField.value);
    if ('problem' in link) {
      setLinkField({ ...linkField, problem: link.problem });
      return;
    }
    const { url } = link;
    editor.update(() => {
      const saved = savedSelection.current;
      if (saved) $setSelection(saved.clone());
      const selection = $getSelection();
      if (!$isRangeSelection(selection)) return;
      if (selection.isCollapsed()) {
        const link = $createLinkNode(url).append($createTextNode(url.replace(/^mailto:/, '')));
        selection.insertNodes([link]);
      } else {
        $toggleLink(url);
      }
    });
    setLinkField(null);
    editor.focus();
  };

  const removeLink = () => {
    editor.update(() => {
      if (savedSelection.current) $setSelection(savedSelection.current.clone());
      $toggleLink(null);
    });
    setLinkField(null);
    editor.focus();
  };

  const toggleList = (type: ListType) =>
    editor.dispatchCommand(
      format.list === type
        ? REMOVE_LIST_COMMAND
        : type === 'number'
          ? INSERT_ORDERED_LIST_COMMAND
          : INSERT_UNORDERED_LIST_COMMAND,
      undefined,
    );

  // The bar is one Tab stop: the first button, or the one last used, and the arrows move along it.
  const onBarKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const buttons = [...(barRef.current?.querySelectorAll<HTMLButtonElement>('.comment-tool:not(:disabled)') ?? [])];
    const at = buttons.findIndex((b) => b === document.activeElement);
    const next = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: buttons.length - 1 }[event.key];
    if (next === undefined || buttons.length === 0) return;
    event.preventDefault();
    buttons[(next + buttons.length) % buttons.length]?.focus();
  };

  return (
    <div className="comment-toolbar-wrap">
      <div ref={barRef} role="toolbar" aria-label="Formatting" className="comment-toolbar" onKeyDown={onBarKeyDown}>
        <ToolButton
          first
          label="Bold"
          shortcut={SHORTCUTS.bold}
          pressed={format.bold}
          disabled={disabled}
          onClick={() => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'bold')}
        >
          <strong aria-hidden="true">B</strong>
        </ToolButton>
        <ToolButton
          label="Italic"
          shortcut={SHORTCUTS.italic}
          pressed={format.italic}
          disabled={disabled}
          onClick={() => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'italic')}
        >
          <em aria-hidden="true">I</em>
        </ToolButton>
        <span className="comment-tool-separator" aria-hidden="true" />
        <ToolButton
          label="Bulleted list"
          shortcut={SHORTCUTS.bulletList}
          pressed={format.list === 'bullet'}
          disabled={disabled}
          onClick={() => toggleList('bullet')}
        >
          <BulletListGlyph />
        </ToolButton>
        <ToolButton
          label="Numbered list"
          shortcut={SHORTCUTS.numberList}
          pressed={format.list === 'number'}
          disabled={disabled}
          onClick={() => toggleList('number')}
        >
          <NumberListGlyph />
        </ToolButton>
        <span className="comment-tool-separator" aria-hidden="true" />
        <ToolButton
          label="Link"
          shortcut={SHORTCUTS.link}
          pressed={format.link !== undefined}
          disabled={disabled}
          onClick={openLinkField}
        >
          <LinkGlyph />
        </ToolButton>
      </div>
      {linkField && (
        <div className="comment-link-field">
          <label htmlFor={linkInputId} className="comment-link-label">
            Link address
          </label>
          <input
            ref={linkInputRef}
            id={linkInputId}
            className="input comment-link-input"
            type="url"
            inputMode="url"
            placeholder="https://… or name@example.org"
            value={linkField.value}
            aria-invalid={linkField.problem ? true : undefined}
            aria-describedby={linkField.problem ? linkProblemId : undefined}
            onChange={(event) => setLinkField({ value: event.target.value })}
            onKeyDown={(event) => {
              if (event.key === 'Enter') {
                event.preventDefault();
                applyLink();
              } else if (event.key === 'Escape') {
                event.preventDefault();
                event.stopPropagation();
                closeLinkField();
              }
            }}
          />
          <button type="button" className="button button-secondary button-sm" onClick={applyLink}>
            <span className="button-label">{format.link ? 'Update link' : 'Add link'}</span>
          </button>
          {format.link && (
            <button type="button" className="button button-ghost button-sm" onClick={removeLink}>
              <span className="button-label">Remove link</span>
            </button>
          )}
          <button type="button" className="button button-ghost button-sm" onClick={closeLinkField}>
            <span className="button-label">Cancel</span>
          </button>
          {linkField.problem && (
            <p id={linkProblemId} className="field-error comment-link-problem" role="alert">
              {linkField.problem}
            </p>
          )}
        </div>
      )}
    </div>
  );
}

const glyph = {
  viewBox: '0 0 24 24',
  width: 16,
  height: 16,
  fill: 'none',
  stroke: 'currentColor',
  strokeWidth: 1.8,
  strokeLinecap: 'round' as const,
  'aria-hidden': true,
  focusable: false,
};

function BulletListGlyph() {
  return (
    <svg {...glyph}>
      <path d="M10 6h10M10 12h10M10 18h10" />
      <circle cx="5" cy="6" r="1.2" fill="currentColor" />
      <circle cx="5" cy="12" r="1.2" fill="currentColor" />
      <circle cx="5" cy="18" r="1.2" fill="currentColor" />
    </svg>
  );
}

function NumberListGlyph() {
  return (
    <svg {...glyph}>
      <path d="M10 6h10M10 12h10M10 18h10" />
      <path d="M4 4.5l1.5-1v5M3.8 14.2c0-1 .8-1.5 1.6-1.5s1.5.5 1.5 1.3c0 1.3-3 2.2-3 3.5h3" strokeWidth={1.3} />
    </svg>
  );
}

function LinkGlyph() {
  return (
    <svg {...glyph}>
      <path d="M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1" />
      <path d="M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1" />
    </svg>
  );
}
