const isMac = /Mac|iPhone|iPad/.test(navigator.platform);

/** Annotate the selected words: Ctrl+Alt+M (⌘+⌥+M on a Mac), as in word processors' "new comment". */
export const ANNOTATE_SHORTCUT = {
  label: isMac ? '⌘⌥M' : 'Ctrl+Alt+M',
  aria: isMac ? 'Meta+Alt+M' : 'Control+Alt+M',
  matches: (event: KeyboardEvent) =>
    (isMac ? event.metaKey : event.ctrlKey) && event.altKey && !event.shiftKey && event.code === 'KeyM',
};
