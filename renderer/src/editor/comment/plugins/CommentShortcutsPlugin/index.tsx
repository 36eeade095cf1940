import { INSERT_ORDERED_LIST_COMMAND, INSERT_UNORDERED_LIST_COMMAND } from '@lexical/list';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { COMMAND_PRIORITY_NORMAL, KEY_DOWN_COMMAND } from 'lexical';
import { useEffect, useEffectEvent } from 'react';
import { OPEN_LINK_FIELD_COMMAND } from '../../commentCommands';

const isMac = /Mac|iPhone|iPad/.test(navigator.platform);

/**
 * The comment editor's keyboard shortcuts beyond Lexical's own (bold, italic): Ctrl+Shift+8 a bulleted list,
 * Ctrl+Shift+7 a numbered list, Ctrl+K a link, and Ctrl+Enter to send.
 */
export function CommentShortcutsPlugin({ onSubmit }: { onSubmit?: (() => void) | undefined }) {
  const [editor] = useLexicalComposerContext();
  const submit = useEffectEvent(() => onSubmit?.());
  const canSubmit = onSubmit !== undefined;
  useEffect(
    () =>
      editor.registerCommand(
        KEY_DOWN_COMMAND,
        (event: KeyboardEvent) => {
          const mod = isMac ? event.metaKey : event.ctrlKey;
          if (!mod || event.altKey) return false;
          if (event.shiftKey && (event.code === 'Digit8' || event.code === 'Digit7')) {
            event.preventDefault();
            editor.dispatchCommand(
              event.code === 'Digit8' ? INSERT_UNORDERED_LIST_COMMAND : INSERT_ORDERED_LIST_COMMAND,
              undefined,
            );
            return true;
          }
          if (!event.shiftKey && event.key.toLowerCase() === 'k') {
            event.preventDefault();
            editor.dispatchCommand(OPEN_LINK_FIELD_COMMAND, undefined);
            return true;
          }
          if (!event.shiftKey && event.key === 'Enter' && canSubmit) {
            event.preventDefault();
            submit();
            return true;
          }
          return false;
        },
        COMMAND_PRIORITY_NORMAL,
      ),
    [editor, canSubmit],
  );
  return null;
}
