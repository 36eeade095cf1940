import { markBidiControls } from '../../shared/document';

/** Names of the control characters people know by name; the others print as their code point. */
const CONTROL_NAMES: Record<string, string> = {
  '\u0007': 'BEL',
  '\u0008': 'BS',
  '\u000d': 'CR',
  '\u001b': 'ESC',
  '\u007f': 'DEL',
  '\u009b': 'CSI',
};
/** C0 controls but tab and line feed (a carriage return can overwrite a printed line), DEL and C1. */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
/** What JSON.stringify leaves raw but a terminal acts on: DEL, C1, direction controls, line and paragraph separators. */
const RAW_IN_JSON = /[\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;

/**
 * Text as the command line prints it. Titles, labels, quotes and messages come from documents and from other
 * people's reviews (some imported before control characters were removed), so a control character is printed
 * as a visible mark (`⟨ESC⟩`) rather than sent to the terminal, where it could hide text or set the window's
 * title, and a direction control as its mark (`⟨RLO⟩`) rather than reordering what follows.
 */
export function terminalText(text: string): string {
  return markBidiControls(text.replace(CONTROL, (char) => `⟨${CONTROL_NAMES[char] ?? codePoint(char)}⟩`));
}

/** JSON for printing: the same value, with every character a terminal could act on written as a \u escape. */
export function terminalJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(
    RAW_IN_JSON,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

function codePoint(char: string): string {
  return `U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}
