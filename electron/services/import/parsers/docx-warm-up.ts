// A small Word document the parser's worker converts while it waits for its file (import-worker.ts), so that the
// file's conversion runs code V8 has compiled already: mammoth, the HTML reader and the checks every format passes
// are compiled only as they are first called, and a first 100-page policy paid for it (a tenth to a quarter of its
// conversion). Its parts are what the archive check would hand over: the body (headings, paragraphs with bold,
// italic and a link, a numbered list, a table, a footnote), its styles, numbering, footnotes and relationships.
const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const RELATIONSHIPS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

const text = (words: string, properties = '') =>
  `<w:r>${properties ? `<w:rPr>${properties}</w:rPr>` : ''}<w:t xml:space="preserve">${words}</w:t></w:r>`;
const paragraph = (runs: string, properties = '') =>
  `<w:p>${properties ? `<w:pPr>${properties}</w:pPr>` : ''}${runs}</w:p>`;
const cell = (words: string) =>
  `<w:tc><w:tcPr><w:tcW w:w="4500" w:type="dxa"/></w:tcPr>${paragraph(text(words))}</w:tc>`;

/** One section of the sample: what a policy's section holds. */
function section(n: number): string {
  return [
    paragraph(text(`${n}. Accounts`), '<w:pStyle w:val="Heading1"/>'),
    paragraph(
      text('Official accounts are ') +
        text('approved', '<w:b/>') +
        text(' by the office and ') +
        text('reviewed', '<w:i/>') +
        text(' each year. ') +
        `<w:hyperlink r:id="rIdLink">${text('See the annex.')}</w:hyperlink>` +
        (n === 1 ? `<w:r><w:footnoteReference w:id="1"/></w:r>` : ''),
    ),
    paragraph(text(`${n}.1 Scope`), '<w:pStyle w:val="Heading2"/>'),
    ...['Apply in writing.', 'Wait for approval.'].map((step) =>
      paragraph(text(step), '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>'),
    ),
    `<w:tbl><w:tr>${cell('Account')}${cell('Owner')}</w:tr><w:tr>${cell(`@office${n}`)}${cell('Office')}</w:tr></w:tbl>`,
    paragraph(text('Every post speaks for the council.'), '<w:pStyle w:val="Quote"/>'),
  ].join('');
}

const SECTIONS = 12;

const PARTS: Record<string, string> = {
  '_rels/.rels': `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${RELATIONSHIPS}/officeDocument" Target="word/document.xml"/></Relationships>`,
  'word/_rels/document.xml.rels':
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
    `<Relationship Id="rId1" Type="${RELATIONSHIPS}/styles" Target="styles.xml"/>` +
    `<Relationship Id="rId2" Type="${RELATIONSHIPS}/numbering" Target="numbering.xml"/>` +
    `<Relationship Id="rId3" Type="${RELATIONSHIPS}/footnotes" Target="footnotes.xml"/>` +
    `<Relationship Id="rIdLink" Type="${RELATIONSHIPS}/hyperlink" Target="https://example.org/annex" TargetMode="External"/>` +
    `</Relationships>`,
  'word/document.xml': `<w:document ${W} ${R}><w:body>${Array.from({ length: SECTIONS }, (_, i) => section(i + 1)).join('')}</w:body></w:document>`,
  'word/styles.xml':
    `<w:styles ${W}>` +
    ['Heading1:heading 1', 'Heading2:heading 2', 'Quote:Quote']
      .map((style) => style.split(':'))
      .map(([id, name]) => `<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="${name}"/></w:style>`)
      .join('') +
    `</w:styles>`,
  'word/numbering.xml':
    `<w:numbering ${W}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/>` +
    `<w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>` +
    `<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`,
  'word/footnotes.xml': `<w:footnotes ${W}><w:footnote w:id="1">${paragraph(text('As the council decided.'))}</w:footnote></w:footnotes>`,
};

/** The sample's parts, as the archive check hands a document's parts to the parser (see DocxArchive). */
export function warmUpParts(): Map<string, Uint8Array> {
  const encoder = new TextEncoder();
  return new Map(Object.entries(PARTS).map(([name, xml]) => [name, encoder.encode(xml)]));
}
