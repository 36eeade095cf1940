// Test inputs for the DOCX parser, written by the `docx` package the way Word writes them: styles, numbering
// definitions for lists, a table with a repeated header row, footnotes, a hyperlink, document properties.
// Also hostile archives built with JSZip (which mammoth itself uses to read .docx files).
import {
  AlignmentType,
  Document,
  ExternalHyperlink,
  FootnoteReferenceRun,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import JSZip from 'jszip';

export const DOCX = {
  title: 'Social Media Policy',
  intro: 'This policy sets out how the City of Testville uses social media.',
  footnoted: 'Personal data in posts is protected by law.',
  footnote: 'The Data Protection Act 2018 and the UK GDPR.',
  bullets: ['Official accounts need approval.', 'Personal accounts are personal.'],
  nestedBullet: 'The communications office keeps the list.',
  steps: ['Apply to the communications office.', 'Wait for written approval.'],
  nestedStep: 'Approval is given in writing.',
  table: [
    ['Account', 'Owner'],
    ['@testville', 'Communications office'],
    ['@testville_fire', 'Fire service'],
  ],
  quote: 'Every post speaks for the council.',
  linkBefore: 'Read ',
  linkText: 'the annex',
  linkAfter: ' before posting.',
  clause: 'Staff keep passwords in the password manager.',
} as const;

/** The policy as a Word document: a title, headings 1-3, paragraphs, nested bullets and numbers, a table, a quote, a footnote, a `javascript:` link. */
export async function policyDocx(): Promise<Uint8Array> {
  const d = DOCX;
  const document = new Document({
    title: d.title,
    creator: 'Policy team',
    styles: {
      paragraphStyles: [
        { id: 'Quote', name: 'Quote', basedOn: 'Normal', run: { italics: true } },
        { id: 'PolicyClause', name: 'Policy Clause', basedOn: 'Normal' },
      ],
    },
    numbering: {
      config: [
        {
          reference: 'steps',
          levels: [
            {
              level: 0,
              format: LevelFormat.DECIMAL,
              text: '%1.',
              alignment: AlignmentType.START,
              style: { paragraph: { indent: { left: 720, hanging: 360 } } },
            },
            {
              level: 1,
              format: LevelFormat.LOWER_LETTER,
              text: '%2)',
              alignment: AlignmentType.START,
              style: { paragraph: { indent: { left: 1440, hanging: 360 } } },
            },
          ],
        },
      ],
    },
    footnotes: { 1: { children: [new Paragraph(d.footnote)] } },
    sections: [
      {
        children: [
          new Paragraph({ text: d.title, heading: HeadingLevel.TITLE }),
          new Paragraph(d.intro),
          new Paragraph({ text: '1. Purpose', heading: HeadingLevel.HEADING_1 }),
          new Paragraph({ children: [new TextRun(d.footnoted), new FootnoteReferenceRun(1)] }),
          new Paragraph({ text: '1.1 Accounts', heading: HeadingLevel.HEADING_2 }),
          new Paragraph({ text: d.bullets[0], bullet: { level: 0 } }),
          new Paragraph({ text: d.nestedBullet, bullet: { level: 1 } }),
          new Paragraph({ text: d.bullets[1], bullet: { level: 0 } }),
          new Paragraph({ text: '1.1.1 Steps', heading: HeadingLevel.HEADING_3 }),
          new Paragraph({ text: d.steps[0], numbering: { reference: 'steps', level: 0 } }),
          new Paragraph({ text: d.nestedStep, numbering: { reference: 'steps', level: 1 } }),
          new Paragraph({ text: d.steps[1], numbering: { reference: 'steps', level: 0 } }),
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            rows: d.table.map(
              (row, index) =>
                // Only the header row says so: Word writes no <w:tblHeader> on other rows (and mammoth reads
                // the `docx` package's explicit w:val="off" as a header row too).
                new TableRow({
                  ...(index === 0 ? { tableHeader: true } : {}),
                  children: row.map((cell) => new TableCell({ children: [new Paragraph(cell)] })),
                }),
            ),
          }),
          new Paragraph({ text: d.quote, style: 'Quote' }),
          new Paragraph({
            children: [
              new TextRun(d.linkBefore),
              new ExternalHyperlink({
                link: 'javascript:alert(1)',
                children: [new TextRun({ text: d.linkText, style: 'Hyperlink' })],
              }),
              new TextRun(d.linkAfter),
            ],
          }),
          new Paragraph({ text: d.clause, style: 'PolicyClause' }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

/** A long policy (about `pages` pages of headings, paragraphs and bullets), for measuring. */
export async function longPolicyDocx(pages: number): Promise<Uint8Array> {
  const paragraph = `${DOCX.intro} ${DOCX.footnoted} ${DOCX.clause} ${DOCX.quote} `.repeat(3).trim();
  const children: Paragraph[] = [];
  for (let i = 1; i <= pages * 2; i++) {
    children.push(new Paragraph({ text: `${i}. Section ${i}`, heading: HeadingLevel.HEADING_1 }));
    for (let j = 0; j < 3; j++) children.push(new Paragraph(paragraph));
    for (const bullet of DOCX.bullets) children.push(new Paragraph({ text: bullet, bullet: { level: 0 } }));
  }
  return new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children }] })));
}

/** Re-packs a .docx with JSZip after `change` has altered its entries (to build hostile or broken archives). */
export async function repack(docx: Uint8Array, change: (zip: JSZip) => void): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(docx);
  change(zip);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}

/** A 1×1 PNG: the smallest real picture. */
const ONE_PIXEL_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
  'base64',
);

/** Three paragraphs, the middle one a picture (word/media/…png) with a description, as Word keeps alt text. */
export async function pictureDocx(description: string): Promise<Uint8Array> {
  const picture = new ImageRun({
    type: 'png',
    data: ONE_PIXEL_PNG,
    transformation: { width: 40, height: 40 },
    altText: { name: 'map', title: 'Map', description },
  });
  const document = new Document({
    sections: [
      {
        children: [
          new Paragraph('Before the picture.'),
          new Paragraph({ children: [picture] }),
          new Paragraph('After the picture.'),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

/**
 * A "zip bomb": a valid .docx whose word/document.xml is padded with `megabytes` MB of spaces inside the body,
 * which deflate squeezes more than a thousand to one.
 */
export async function zipBombDocx(docx: Uint8Array, megabytes: number): Promise<Uint8Array> {
  const original = await JSZip.loadAsync(docx);
  const xml = await original.file('word/document.xml')!.async('string');
  const padded = xml.replace('<w:body>', `<w:body>${' '.repeat(megabytes * 1024 * 1024)}`);
  return repack(docx, (zip) => zip.file('word/document.xml', padded));
}

/**
 * Makes an archive lie about one entry: its directory (and local header) declare `declared` bytes unpacked, while
 * the data still unpacks to its real size. Understated, checks that trust the declared sizes alone miss such a
 * bomb; overstated, the entry comes out short, as a damaged archive's does.
 */
export function misstateEntrySize(zip: Uint8Array, name: string, declared: number): Uint8Array {
  const bytes = Buffer.from(zip);
  for (
    let at = bytes.indexOf('PK\u0001\u0002', 0, 'latin1');
    at >= 0;
    at = bytes.indexOf('PK\u0001\u0002', at + 4, 'latin1')
  ) {
    const nameLength = bytes.readUInt16LE(at + 28);
    if (bytes.toString('latin1', at + 46, at + 46 + nameLength) !== name) continue;
    bytes.writeUInt32LE(declared, at + 24);
    bytes.writeUInt32LE(declared, bytes.readUInt32LE(at + 42) + 22);
    return new Uint8Array(bytes);
  }
  throw new Error(`${name} is not in the archive`);
}
