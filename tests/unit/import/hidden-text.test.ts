import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../../electron/services/import/parse-document';
import { DEFAULT_IMPORT_LIMITS, type ImportFormat } from '../../../electron/services/import/types';
import {
  docxWithHiddenText,
  HIDDEN_TEXT_HTML,
  KEPT_INVISIBLE,
  LEFT_OUT_MARKERS,
  OPENING,
  PRIVACY,
} from '../../../fixtures/generator/hidden-text';
import { useTempDirs } from '../support/temp-dir';
import { call, reviewIn } from './support-import';

const tempDir = useTempDirs();

/** Parses a file as the import worker does: the format's parser, then the checks every format shares. */
function parse(
  format: ImportFormat,
  content: string | Uint8Array,
  fileName = `policy.${format === 'markdown' ? 'md' : format}`,
) {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  return parseDocument(format, bytes, { fileName, limits: DEFAULT_IMPORT_LIMITS });
}

const textOf = (parsed: { blocks: { text: string }[] }) => parsed.blocks.map((block) => block.text).join('\n\n');

describe('text a reader of a web page never sees', () => {
  it('leaves out what a style sheet, the hidden attribute or a closed dialog hides, and keeps what the page shows', async () => {
    const { ws, reviewId } = await reviewIn(await tempDir());
    const source = {
      kind: 'file' as const,
      fileName: 'privacy.html',
      dataBase64: Buffer.from(HIDDEN_TEXT_HTML).toString('base64'),
    };
    const imported = await call(ws, 'versions.import', { reviewId, source });
    const version = await call(ws, 'versions.get', { reviewId, versionId: imported.version.id });
    for (const marker of LEFT_OUT_MARKERS) expect(version.text, marker).not.toContain(marker);
    for (const shown of [
      OPENING,
      'The active tab says that residents may ask for their data.',
      'Consent is never assumed.',
      'The printed copy is for reference only.',
      'The open dialog asks residents to read the moderation rules.',
      'Questions go to the data protection officer.',
    ]) {
      expect(version.text).toContain(shown);
    }
    await ws.close();
  }, 60_000);

  it('keeps text styled to be invisible and warns about each piece on the version, naming where it is', async () => {
    const { ws, reviewId } = await reviewIn(await tempDir());
    const source = {
      kind: 'file' as const,
      fileName: 'privacy.html',
      dataBase64: Buffer.from(HIDDEN_TEXT_HTML).toString('base64'),
    };
    const { version } = await call(ws, 'versions.import', { reviewId, source });
    const stored = await call(ws, 'versions.get', { reviewId, versionId: version.id });
    for (const { marker, how } of KEPT_INVISIBLE) {
      expect(stored.text, marker).toContain(marker);
      const index = stored.blocks.findIndex((block) => block.text.includes(marker));
      const paragraph = stored.blocks.slice(1, index + 1).filter((block) => block.type === 'paragraph').length;
      const warning = stored.warnings.find((w) => w.includes(marker));
      expect(warning, marker).toMatch(
        new RegExp(
          `^Text styled to be invisible \\(${how.source}\\) kept in paragraph ${paragraph} under “${PRIVACY}”: “${marker} `,
        ),
      );
    }
    expect(stored.warnings.filter((w) => w.startsWith('Text styled to be invisible'))).toHaveLength(
      KEPT_INVISIBLE.length,
    );
    await ws.close();
  }, 60_000);

  it('decides between style rules as a browser does: !important, then the style attribute, then specificity, then order', async () => {
    const page = `<style>
      .tab { display: none } .tab.on { display: block }
      #rule { display: none } p.rule { display: block }
      .forced { display: none !important }
      .plain { display: none }
      .later { display: block } .later { display: none }
      .kept:hover { display: none } .kept::before { display: none }
    </style>
    <p class="tab on">ONE shown: a more specific rule shows it.</p>
    <p class="rule" id="rule">TWO hidden: an id outweighs a class.</p>
    <p class="forced" style="display: block">THREE hidden: !important outweighs the style attribute.</p>
    <p class="plain" style="display: block">FOUR shown: the style attribute outweighs the sheet.</p>
    <p class="later">FIVE hidden: the later of two equal rules wins.</p>
    <p class="kept">SIX shown: a state and generated content are not the page as first shown.</p>`;
    const text = textOf(await parse('html', page));
    expect(text).toContain('ONE shown');
    expect(text).toContain('FOUR shown');
    expect(text).toContain('SIX shown');
    expect(text).not.toMatch(/TWO|THREE|FIVE/);
  });

  it('warns about text too close in colour to its background, from old colour attributes too, but not on a picture', async () => {
    const page = `<body bgcolor="#000000" text="#ffffff"><h1>${PRIVACY}</h1>
      <p><font color="#010101">DARK on black.</font></p>
      <p style="background-color: #fafafa; color: rgb(250 250 250)">PALE on pale.</p>
      <p style="background: url(paper.png) white; color: white">PICTURE behind: judged visible.</p>
      <p style="color: rgb(0 0 0 / 0); background: white">CLEAR text.</p>
      <p>Ordinary text on the black page.</p></body>`;
    const { warnings } = await parse('html', page);
    expect(warnings).toEqual([
      expect.stringMatching(
        /^Text styled to be invisible \(#010101 on black\) kept in paragraph 1 under “Privacy”: “DARK on black\.”/,
      ),
      expect.stringMatching(
        /^Text styled to be invisible \(#fafafa on #fafafa\) kept in paragraph 2 under “Privacy”: “PALE on pale\.”/,
      ),
      expect.stringMatching(
        /^Text styled to be invisible \(transparent text\) kept in paragraph 4 under “Privacy”: “CLEAR text\.”/,
      ),
    ]);
  });

  it('says so when a style sheet has more rules than are checked, rather than pass what they hide as checked', async () => {
    const padding = Array.from({ length: 1_200 }, (_, i) => `p.rule${i}, p { color: #222 }`).join('\n');
    const page = `<style>${padding}\n.late { display: none }</style><h1>${PRIVACY}</h1><p>${OPENING}</p><p class="late">LATERULE hidden by the last rule.</p>`;
    const parsed = await parse('html', page);
    expect(parsed.warnings).toContainEqual(
      expect.stringMatching(
        /^The page’s style sheets have more rules than are checked for hidden text \(the first 1,000 were checked, 201 more were not\)/,
      ),
    );
  });

  it('warns about invisible text in a Markdown file’s inline HTML, naming the list item it is in', async () => {
    const markdown =
      `# ${PRIVACY}\n\n${OPENING}\n\n- Replies are answered within five days.\n- Complaints are ` +
      `read.<span style="opacity:0"> HIDDENINMARKDOWN</span>\n`;
    const parsed = await parse('markdown', markdown);
    expect(textOf(parsed)).toContain('HIDDENINMARKDOWN');
    expect(parsed.warnings).toEqual([
      expect.stringMatching(
        /^Text styled to be invisible \(opacity 0\) kept in list item 2 under “Privacy”: “HIDDENINMARKDOWN”/,
      ),
    ]);
  });
});

describe('Word’s hidden text', () => {
  it('is left out whether a run, its character style or its paragraph’s style hides it, with a warning', async () => {
    const parsed = await parse('docx', await docxWithHiddenText());
    const text = textOf(parsed);
    expect(text).not.toMatch(/RUNHIDDEN|STYLEHIDDEN|PARAGRAPHHIDDEN/);
    expect(text).toContain('Replies are answered within five days.');
    expect(text).toContain('Complaints are read by two officers.');
    // A run that switches hidden off inside a hidden paragraph style is shown.
    expect(text).toContain('Questions go to the data protection officer.');
    expect(parsed.warnings).toContainEqual(
      'Left out text that “policy.docx” hides from readers (Word’s “Hidden” font setting) in 3 ' +
        'paragraphs, for example “RUNHIDDEN Replies may be ignored.”. Word shows it only when ' +
        'asked to show hidden text.',
    );
  });
});
