import { createCommand, type LexicalCommand } from 'lexical';

/** Opens the link field of the comment toolbar (Ctrl+K or the toolbar's Link button). */
export const OPEN_LINK_FIELD_COMMAND: LexicalCommand<void> = createCommand('OPEN_LINK_FIELD_COMMAND');

/** The shortcuts of the comment editor, as shown in its buttons' titles. */
export const MOD = /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘' : 'Ctrl';
export const SHORTCUTS = {
  bold: `${MOD}+B`,
  italic: `${MOD}+I`,
  bulletList: `${MOD}+Shift+8`,
  numberList: `${MOD}+Shift+7`,
  link: `${MOD}+K`,
  submit: `${MOD}+Enter`,
} as const;
