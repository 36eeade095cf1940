import { describe, expect, it } from 'vitest';
import { normalizeBlockText } from '../../../shared/document';

// The one whitespace rule for block text (shared/document/canonical-text.ts). Text that already follows it is
// returned without being rewritten; these cases hold that shortcut to the rule itself.

describe('the whitespace rule for block text', () => {
  it.each([
    ['words with single spaces', 'Accounts are reviewed yearly.', 'Accounts are reviewed yearly.'],
    ['nothing', '', ''],
    ['spaces at the ends', ' a b ', 'a b'],
    ['a run of spaces', 'a  b', 'a b'],
    ['a line break, a carriage return and a tab', 'a\nb\r\nc\td', 'a b c d'],
    ['no-break, figure and narrow spaces', 'a\u00a0b\u2007c\u202fd', 'a b c d'],
    ['a zero-width space', 'a\u200bb', 'a b'],
    ['a byte order mark and an ideographic space', '\ufeffa\u3000b', 'a b'],
    ['a line separator alone', '\u2028', ''],
  ])('%s', (_, text, expected) => {
    expect(normalizeBlockText(text, 'paragraph')).toBe(expected);
    expect(normalizeBlockText(text, 'table-cell')).toBe(expected);
  });

  it('keeps the lines of code, trimming only their ends and the blank lines around them', () => {
    expect(normalizeBlockText('\nif (a)  {\r\n  b();   \n}\n\n', 'code')).toBe('if (a)  {\n  b();\n}');
    expect(normalizeBlockText('one line', 'code')).toBe('one line');
  });
});
