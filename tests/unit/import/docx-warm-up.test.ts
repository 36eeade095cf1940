// The small Word document a parser's worker converts while it waits for its file (parsers/docx-warm-up.ts): it is
// only worth its time if it goes through what a policy goes through, so it must come out as a policy does.
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../../electron/services/import/parse-document';
import { warmUpParts } from '../../../electron/services/import/parsers/docx-warm-up';
import { DEFAULT_IMPORT_LIMITS } from '../../../electron/services/import/types';

describe('the Word document a worker converts while it waits', () => {
  it('is read, without a warning, into headings, paragraphs, list items, table cells, quotes and a note', async () => {
    const parsed = await parseDocument('docx', new Uint8Array(), {
      fileName: 'warm-up.docx',
      limits: DEFAULT_IMPORT_LIMITS,
      docxArchive: { parts: warmUpParts() },
    });
    expect(parsed.warnings).toEqual([]);
    expect(new Set(parsed.blocks.map((block) => block.type))).toEqual(
      new Set(['heading', 'paragraph', 'list-item', 'table-cell', 'quote', 'note']),
    );
    expect(parsed.blocks.slice(0, 4)).toEqual([
      { type: 'heading', level: 1, text: '1. Accounts' },
      {
        type: 'paragraph',
        text: 'Official accounts are approved by the office and reviewed each year. See the annex.[1]',
      },
      { type: 'heading', level: 2, text: '1.1 Scope' },
      { type: 'list-item', depth: 0, ordered: true, text: 'Apply in writing.' },
    ]);
  });
});
