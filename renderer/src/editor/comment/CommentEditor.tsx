import { LinkNode } from '@lexical/link';
import { ListItemNode, ListNode } from '@lexical/list';
import { AutoFocusPlugin } from '@lexical/react/LexicalAutoFocusPlugin';
import { LexicalComposer, type InitialConfigType } from '@lexical/react/LexicalComposer';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { EditorRefPlugin } from '@lexical/react/LexicalEditorRefPlugin';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { LinkPlugin } from '@lexical/react/LexicalLinkPlugin';
import { ListPlugin } from '@lexical/react/LexicalListPlugin';
import { OnChangePlugin } from '@lexical/react/LexicalOnChangePlugin';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { $getRoot, type EditorThemeClasses, type LexicalEditor } from 'lexical';
import { useId, useState, type Ref } from 'react';
import type { RichText } from '../../../../shared/model';
import { SHORTCUTS } from './commentCommands';
import { isAllowedLinkUrl } from './linkRule';
import { CommentShortcutsPlugin } from './plugins/CommentShortcutsPlugin';
import { CommentToolbarPlugin } from './plugins/CommentToolbarPlugin';
import { normalizeRichText } from './richText';
import './comment.css';

const commentTheme: EditorThemeClasses = {
  paragraph: 'comment-paragraph',
  text: {
    bold: 'comment-bold',
    italic: 'comment-italic',
    underline: 'comment-underline',
    strikethrough: 'comment-strike',
  },
  list: { ul: 'comment-ul', ol: 'comment-ol', listitem: 'comment-li', nested: { listitem: 'comment-li-nested' } },
  link: 'comment-link',
};

export interface CommentValue {
  body: RichText;
  /** No words in it (only white space or nothing). */
  empty: boolean;
}

export interface CommentEditorProps {
  /** The editor's accessible name, e.g. "Comment" or "Reply". */
  label: string;
  /** Shows the label above the editor; without it the name is for assistive tech only. */
  showLabel?: boolean;
  /** What the editor starts with: a saved comment or a draft. */
  initial?: RichText | undefined;
  placeholder?: string;
  onChange: (value: CommentValue) => void;
  /** Ctrl+Enter (⌘+Enter on a Mac). */
  onSubmit?: () => void;
  onBlur?: () => void;
  disabled?: boolean;
  autoFocus?: boolean;
  /** Ids of elements that describe the editor (a hint, an error). */
  describedBy?: string | undefined;
  invalid?: boolean;
  editorRef?: Ref<LexicalEditor | null | undefined>;
}

/**
 * A small rich-text editor for comments and replies: bold, italic, bulleted and numbered lists, and links to web
 * and email addresses only, from the toolbar or the keyboard. Its value is Lexical's JSON, as the review keeps it.
 */
export function CommentEditor({
  label,
  showLabel = false,
  initial,
  placeholder,
  onChange,
  onSubmit,
  onBlur,
  disabled = false,
  autoFocus = false,
  describedBy,
  invalid,
  editorRef,
}: CommentEditorProps) {
  const labelId = useId();
  const hintId = useId();
  const [initialConfig] = useState<InitialConfigType>(() => ({
    namespace: 'policy-comment',
    theme: commentTheme,
    nodes: [ListNode, ListItemNode, LinkNode],
    editable: !disabled,
    onError: (error) => console.error(error),
    editorState: initial ? JSON.stringify(normalizeRichText(initial)) : undefined,
  }));

  return (
    <div
      className={['comment-editor', disabled ? 'is-disabled' : '', invalid ? 'is-invalid' : '']
        .filter(Boolean)
        .join(' ')}
    >
      {/* The editable area is named by aria-labelledby (a <label> cannot name it): a label, not a paragraph. */}
      <div id={labelId} className={showLabel ? 'field-label' : 'visually-hidden'}>
        {label}
      </div>
      <LexicalComposer initialConfig={initialConfig}>
        <CommentToolbarPlugin disabled={disabled} />
        <div className="comment-surface">
          <RichTextPlugin
            contentEditable={
              <ContentEditable
                className="comment-content"
                aria-labelledby={labelId}
                aria-describedby={[hintId, describedBy].filter(Boolean).join(' ')}
                aria-invalid={invalid || undefined}
                aria-multiline
                onBlur={onBlur}
                aria-placeholder={placeholder ?? ''}
                placeholder={<div className="comment-placeholder">{placeholder}</div>}
              />
            }
            ErrorBoundary={LexicalErrorBoundary}
          />
        </div>
        <p id={hintId} className="comment-hint">
          {onSubmit ? `${SHORTCUTS.submit} to save · ` : ''}
          {SHORTCUTS.bold} bold · {SHORTCUTS.italic} italic · {SHORTCUTS.link} link
        </p>
        <HistoryPlugin />
        <ListPlugin />
        <LinkPlugin validateUrl={isAllowedLinkUrl} />
        <CommentShortcutsPlugin onSubmit={onSubmit} />
        <OnChangePlugin
          ignoreSelectionChange
          onChange={(editorState) => {
            const json = editorState.toJSON() as unknown as RichText;
            const empty = editorState.read(() => $getRoot().getTextContent().trim() === '');
            onChange({ body: json, empty });
          }}
        />
        {editorRef && <EditorRefPlugin editorRef={editorRef} />}
        {autoFocus && <AutoFocusPlugin defaultSelection="rootEnd" />}
      </LexicalComposer>
    </div>
  );
}
