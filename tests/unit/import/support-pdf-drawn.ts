// Test inputs for the PDF parser drawn line by line with pdf-lib, like the output of older office programs: no
// tags, no outline, only text placed on pages. Each line is where the test puts it, so hyphenation at a line end,
// list indents, two columns and page-number feet are exactly as the tests say.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { degrees, PDFDocument, PDFName, PDFString, StandardFonts, type PDFFont, type PDFPage } from '@cantoo/pdf-lib';

const A4: [number, number] = [595.28, 841.89];
const LEFT = 72;
const BODY = 11;
const LEADING = 14;

export const CODE_HEAD = 'Code of Conduct for Council Staff — Draft 3';

/** The text of the drawn code of conduct, as the parser should read it back. */
export const CODE = {
  hyphenated:
    'Every member of staff who speaks for the council online is personally responsible for ' +
    'what they post, and one well-known rule applies to all of them: when in doubt, do not ' +
    'post at all. Complaints about posts go to the council’s Anti-Corruption Office, which ' +
    'checks every one of them.[1]',
  footnote: 'The office was set up by council resolution 2019-14.',
  bullets: [
    'Be polite, even when others are not.',
    'Do not answer insults; report them to your manager.',
    'Never share personal data of residents in public replies, not even when they ask for it.',
  ],
  steps: ['Read this code.', 'Ask your manager about anything unclear.', 'Sign the declaration.'],
  left:
    'Meetings of the council are public, and staff who report on them online describe what ' +
    'was decided rather than who said what, so that residents can follow the decisions without ' +
    'being drawn into arguments between members.',
  right:
    'Staff do not record or stream closed sessions, do not post about them afterwards, and ' +
    'refer questions about them to the secretary of the council, who decides what can be said ' +
    'and when it can be said.',
  acrossPages:
    'Where a post turns out to be wrong, the author corrects it in a new post that says what ' +
    'changed and why, leaves the original in place with a note pointing to the correction, and ' +
    'tells the communications office, which keeps a list of corrections for the annual report ' +
    'to the committee on the use of social media',
  closing: 'This code takes effect on the first of January and is reviewed every year.',
} as const;

interface Pen {
  page: PDFPage;
  y: number;
}

/**
 * Four pages: (1) font-size headings, a paragraph with a word hyphenated at a line end and a footnote mark (its
 * footnote at the foot of the page), bulleted and numbered lists with nested items, and a paragraph that runs on
 * (past the footnote) to (2) whose body is set in two columns; (3) a page with only a
 * picture; (4) closing words under a diagonal "DRAFT" watermark. Every page has the same running head and a bare
 * page number at the foot.
 */
export async function drawnCodePdf(picture: Uint8Array): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const pages = [pdf.addPage(A4), pdf.addPage(A4), pdf.addPage(A4), pdf.addPage(A4)];
  pages.forEach((page, index) => {
    page.drawText(CODE_HEAD, { x: LEFT, y: 800, size: 9, font: regular });
    const number = String(index + 1);
    page.drawText(number, { x: (A4[0] - regular.widthOfTextAtSize(number, 9)) / 2, y: 36, size: 9, font: regular });
  });

  const one: Pen = { page: pages[0]!, y: 740 };
  line(one, 'Code of Conduct', { font: bold, size: 20, after: 34 });
  line(one, '1. Behaviour online', { font: bold, size: 14, after: 22 });
  for (const text of [
    'Every member of staff who speaks for the council online is personally respon-',
    'sible for what they post, and one well-known rule applies to all of them: when in',
    'doubt, do not post at all. Complaints about posts go to the council’s Anti-',
  ]) {
    line(one, text, { font: regular });
  }
  // The last line carries a raised footnote mark; the footnote itself is at the foot of the page, in smaller type.
  const last = 'Corruption Office, which checks every one of them.';
  one.page.drawText('1', {
    x: LEFT + regular.widthOfTextAtSize(last, BODY) + 0.5,
    y: one.y + 4,
    size: 7,
    font: regular,
  });
  line(one, last, { font: regular });
  one.page.drawText('1', { x: LEFT, y: 53, size: 6, font: regular });
  one.page.drawText(CODE.footnote, { x: LEFT + 5, y: 50, size: 8, font: regular });
  one.y -= 10;
  bullet(one, regular, '•', LEFT, ['Be polite, even when others are not.']);
  bullet(one, regular, '–', LEFT + 24, ['Do not answer insults; report them to your manager.']);
  bullet(one, regular, '•', LEFT, [
    'Never share personal data of residents in public replies, not',
    'even when they ask for it.',
  ]);
  one.y -= 10;
  line(one, 'Before the first post:', { font: regular, after: LEADING + 10 });
  bullet(one, regular, '1.', LEFT, ['Read this code.']);
  bullet(one, regular, 'a)', LEFT + 24, ['Ask your manager about anything unclear.']);
  bullet(one, regular, '2.', LEFT, ['Sign the declaration.']);
  one.y -= 10;
  line(one, '2. Corrections', { font: bold, size: 14, after: 22 });
  const across = wrap(CODE.acrossPages, regular, BODY, 450);
  const [onPageOne, onPageTwo] = [across.slice(0, across.length - 2), across.slice(-2)];
  one.y = 60 + LEADING * onPageOne.length;
  for (const text of onPageOne) line(one, text, { font: regular });

  const two: Pen = { page: pages[1]!, y: 760 };
  for (const text of onPageTwo) line(two, text, { font: regular });
  two.y -= 12;
  line(two, '3. Meetings', { font: bold, size: 14, after: 22 });
  const left = wrap(CODE.left, regular, BODY, 200);
  const right = wrap(CODE.right, regular, BODY, 200);
  const top = two.y;
  left.forEach((text, i) => pages[1]!.drawText(text, { x: LEFT, y: top - i * LEADING, size: BODY, font: regular }));
  right.forEach((text, i) =>
    pages[1]!.drawText(text, { x: LEFT + 245, y: top - i * LEADING, size: BODY, font: regular }),
  );

  const image = await pdf.embedPng(picture);
  pages[2]!.drawImage(image, { x: LEFT, y: 400, width: 400, height: 200 });

  const four: Pen = { page: pages[3]!, y: 740 };
  line(four, '4. Closing words', { font: bold, size: 14, after: 22 });
  line(four, CODE.closing, { font: regular });
  pages[3]!.drawText('DRAFT', { x: 150, y: 250, size: 96, font: bold, rotate: degrees(45), opacity: 0.2 });
  return pdf.save();
}

function line(
  pen: Pen,
  text: string,
  { font, size = BODY, x = LEFT, after = LEADING }: { font: PDFFont; size?: number; x?: number; after?: number },
): void {
  pen.page.drawText(text, { x, y: pen.y, size, font });
  pen.y -= after;
}

/** A list item: its marker at `x`, its text (and any wrapped lines) hung 18 pt to the right. */
function bullet(pen: Pen, font: PDFFont, marker: string, x: number, lines: string[]): void {
  pen.page.drawText(marker, { x, y: pen.y, size: BODY, font });
  for (const text of lines) line(pen, text, { font, x: x + 18 });
}

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(' ')) {
    const candidate = current ? `${current} ${word}` : word;
    if (current && font.widthOfTextAtSize(candidate, size) > width) {
      lines.push(current);
      current = word;
    } else {
      current = candidate;
    }
  }
  if (current) lines.push(current);
  return lines;
}

/** A picture of text, as a scanner makes it, rendered by ImageMagick (in DejaVu Sans, which CI installs: its default font may be missing). */
export function scannedPicture(dir: string): Uint8Array {
  const file = join(dir, 'scan.png');
  execFileSync('convert', [
    '-size',
    '800x400',
    'xc:white',
    '-font',
    'DejaVu-Sans',
    '-pointsize',
    '30',
    '-draw',
    "text 50,100 'Scanned policy'",
    file,
  ]);
  return new Uint8Array(readFileSync(file));
}

/** A one-page PDF with no text at all, only the picture of a scanned page. */
export async function imageOnlyPdf(picture: Uint8Array): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const page = pdf.addPage(A4);
  const image = await pdf.embedPng(picture);
  page.drawImage(image, { x: 50, y: 300, width: 495, height: 248 });
  return pdf.save();
}

/**
 * A PDF that tries to run JavaScript when it is opened (/OpenAction) and when a link is clicked, written without
 * object streams so its dictionaries are plain text in the file.
 */
export async function scriptedPdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const page = pdf.addPage(A4);
  page.drawText('Scripted policy', { x: LEFT, y: 760, size: 18, font });
  page.drawText('Click here for the annex.', { x: LEFT, y: 720, size: BODY, font });
  const context = pdf.context;
  const openAction = context.obj({ Type: 'Action', S: 'JavaScript', JS: PDFString.of('app.alert(1)') });
  pdf.catalog.set(PDFName.of('OpenAction'), openAction);
  const link = context.register(
    context.obj({
      Type: 'Annot',
      Subtype: 'Link',
      Rect: [LEFT, 715, LEFT + 150, 732],
      Border: [0, 0, 0],
      A: context.obj({ Type: 'Action', S: 'JavaScript', JS: PDFString.of('app.alert(1)') }),
    }),
  );
  page.node.set(PDFName.of('Annots'), context.obj([link]));
  return pdf.save({ useObjectStreams: false });
}

/** Three pages that each open with a numbered section heading ("Section 1", ...) in larger type, like an annex per page. */
export async function sectionPerPagePdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const rules = [
    'Every official account has a named owner.',
    'Posts are accurate, respectful and accessible.',
    'Personal data is handled with care.',
  ];
  rules.forEach((rule, index) => {
    const pen: Pen = { page: pdf.addPage(A4), y: 780 };
    line(pen, `Section ${index + 1}`, { font: bold, size: 16, after: 26 });
    line(pen, rule, { font: regular });
  });
  return pdf.save();
}
