import type { BlockDraft, FormatParser } from '../types';
import { decodeText } from './decode-text';

const SETEXT_LEVELS: Record<string, number> = { '=': 1, '-': 2, '~': 3 };
const LIST_MARKER = /^(\s*)(?:[-*•‣◦–]|\d{1,3}[.)]|[a-zA-Z][.)])\s+(.*)$/;
const TABLE_RULE = /^\s*\|?[\s:|+=-]+\|?\s*$/;

/**
 * Plain text, read with the conventions people use in it: paragraphs separated by blank lines, headings
 * underlined with `===`, `---` or `~~~`, list items with `-`, `*`, `•`, `1.` or `a)` (indentation gives depth),
 * and tables as lines of cells separated by `|`.
 */
export const parseText: FormatParser = async (bytes, { fileName }) => {
  const text = decodeText(bytes, fileName).replace(/\r\n?/g, '\n');
  const blocks: BlockDraft[] = [];
  let table = 0;
  for (const chunk of text.split(/\n[ \t]*\n/)) {
    const lines = chunk.split('\n').filter((line) => line.trim() !== '');
    if (lines.length === 0) continue;
    const heading = setextHeading(lines);
    if (heading) {
      blocks.push(heading);
    } else if (lines.length > 1 && lines.every((line) => line.includes('|'))) {
      blocks.push(...tableCells(lines, table++));
    } else if (LIST_MARKER.test(lines[0] ?? '')) {
      blocks.push(...listItems(lines));
    } else {
      blocks.push({ type: 'paragraph', text: lines.join(' ') });
    }
  }
  return { blocks, metadata: {}, warnings: [] };
};

function setextHeading(lines: string[]): BlockDraft | undefined {
  const [title, rule] = lines;
  if (lines.length !== 2 || title === undefined || rule === undefined) return undefined;
  const underline = /^\s*(=|-|~)\1{2,}\s*$/.exec(rule);
  const level = underline?.[1] ? SETEXT_LEVELS[underline[1]] : undefined;
  return level ? { type: 'heading', level, text: title.trim() } : undefined;
}

function listItems(lines: string[]): BlockDraft[] {
  const items: { indent: number; ordered: boolean; text: string }[] = [];
  for (const line of lines) {
    const match = LIST_MARKER.exec(line);
    const last = items.at(-1);
    if (match) {
      const marker = line.trim().split(/\s/)[0] ?? '';
      items.push({ indent: indentWidth(match[1] ?? ''), ordered: /^[\da-zA-Z]/.test(marker), text: match[2] ?? '' });
    } else if (last) {
      last.text += ` ${line.trim()}`;
    }
  }
  const indents = [...new Set(items.map((i) => i.indent))].sort((a, b) => a - b);
  return items.map((item) => ({
    type: 'list-item',
    depth: indents.indexOf(item.indent),
    ordered: item.ordered,
    text: item.text,
  }));
}

function tableCells(lines: string[], table: number): BlockDraft[] {
  const rows = lines.filter((line) => !TABLE_RULE.test(line));
  const ruleAfterFirst = lines.length > 1 && TABLE_RULE.test(lines[1] ?? '');
  return rows.flatMap((line, row) =>
    line
      .trim()
      .replace(/^\||\|$/g, '')
      .split('|')
      .map((cell, column): BlockDraft => ({
        type: 'table-cell',
        table,
        row,
        column,
        header: ruleAfterFirst && row === 0,
        text: cell.trim(),
      })),
  );
}

function indentWidth(whitespace: string): number {
  return whitespace.replace(/\t/g, '    ').length;
}
