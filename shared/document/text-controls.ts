import stripAnsi from 'strip-ansi';

/**
 * Characters in a document that are instructions rather than text. Control characters (C0, DEL, C1) mean nothing
 * in a policy and can drive a terminal (hide text, set its title) when the text is printed, so import removes
 * them. Bidirectional overrides and isolates are kept (they are part of what the document says) but can make
 * text read differently from how it is stored, so they are flagged and shown as marks.
 */

/** The explicit bidirectional formatting characters, by the short name the Unicode standard gives each. */
export const BIDI_CONTROL_NAMES: Readonly<Record<string, string>> = {
  '\u202a': 'LRE',
  '\u202b': 'RLE',
  '\u202c': 'PDF',
  '\u202d': 'LRO',
  '\u202e': 'RLO',
  '\u2066': 'LRI',
  '\u2067': 'RLI',
  '\u2068': 'FSI',
  '\u2069': 'PDI',
};

/** Matches one bidirectional override, embedding or isolate character (U+202A–U+202E, U+2066–U+2069). */
export const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069]/;
const BIDI_CONTROLS = new RegExp(BIDI_CONTROL.source, 'g');

/** C0 controls but tab, line feed and carriage return; DEL; C1 controls. */
const CONTROL = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f]/g;
const CONTROL_PRESENT = new RegExp(CONTROL.source);
/** Vertical tab and form feed end a line (a form feed is a page break in plain text); they become line breaks. */
const LINE_ENDING_CONTROL = /[\u000b\u000c]/g;

/** The text without terminal escape sequences (with their parameters) or control characters; tabs and line breaks stay. */
export function stripControlCharacters(text: string): string {
  return stripAnsi(text).replace(LINE_ENDING_CONTROL, '\n').replace(CONTROL, '');
}

/** Whether `stripControlCharacters` removes anything (every escape sequence starts with a control character). */
export function hasControlCharacters(text: string): boolean {
  return CONTROL_PRESENT.test(text);
}

/** The bidirectional controls in a text, in order, by name (`RLO`, `PDI`, …). */
export function bidiControlsIn(text: string): string[] {
  return [...text.matchAll(BIDI_CONTROLS)].map(([char]) => BIDI_CONTROL_NAMES[char] ?? 'BIDI');
}

/** The text with each bidirectional control replaced by a visible mark such as `⟨RLO⟩`, for messages and printed output. */
export function markBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, (char) => `⟨${BIDI_CONTROL_NAMES[char] ?? 'BIDI'}⟩`);
}
