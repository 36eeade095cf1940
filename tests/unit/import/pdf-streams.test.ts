// The check that holds each compressed stream of a PDF to a ceiling before pdf.js reads the file
// (electron/services/import/parsers/pdf-streams.ts), on PDFs made here with pdf-lib. The ceiling is 1 MB here so
// the files stay small; the import's is 64 MB.
import { readFile } from 'node:fs/promises';
import { deflateSync } from 'node:zlib';
import { PDFDocument, StandardFonts, type PDFPage } from '@cantoo/pdf-lib';
import { describe, expect, it } from 'vitest';
import { checkPdfStreams } from '../../../electron/services/import/parsers/pdf-streams';
import { DEFAULT_IMPORT_LIMITS } from '../../../electron/services/import/types';
import { HOSTILE, RIVERTON } from './support-import';

const CEILING = 1024 * 1024;
const check = (bytes: Uint8Array) =>
  checkPdfStreams(bytes, 'policy.pdf', { ...DEFAULT_IMPORT_LIMITS.pdf, maxStreamBytes: CEILING });
const refusal = (bytes: Uint8Array) =>
  check(bytes).then(
    () => undefined,
    (error: unknown) => error,
  );

/** Two megabytes of spaces after a few content operators: twice the ceiling once unpacked. */
const PADDED_CONTENT = Buffer.concat([
  Buffer.from('q 0 0 1 rg 72 700 120 20 re f Q\n'),
  Buffer.alloc(2 * CEILING, 0x20),
]);

/** A one-page PDF with a line of text, to which `add` adds what the test is about. */
async function pdfWith(add: (pdf: PDFDocument, page: PDFPage) => void): Promise<Uint8Array> {
  const pdf = await PDFDocument.create({ updateMetadata: false });
  const page = pdf.addPage();
  page.drawText('Social media policy', { x: 72, y: 760, font: await pdf.embedFont(StandardFonts.Helvetica) });
  add(pdf, page);
  return pdf.save({ useObjectStreams: false });
}

function addContentStream(
  pdf: PDFDocument,
  page: PDFPage,
  contents: Uint8Array,
  dict: Parameters<PDFDocument['context']['stream']>[1],
): void {
  page.node.addContentStream(pdf.context.register(pdf.context.stream(contents, dict)));
}

/**
 * zlib data that zlib itself refuses at once (its first match reaches back before the start: "invalid distance
 * too far back") but pdf.js, which does not check distances, unpacks in full: `matches` copies of 258 bytes, each
 * written in 13 bits of DEFLATE's fixed code (length code 285, distance code 0), in one final block.
 */
function damagedDeflate(matches: number): Uint8Array {
  const bits: number[] = [1, 1, 0]; // last block; fixed Huffman codes (type 01, low bit first)
  const code = (value: number, length: number) => {
    for (let bit = length - 1; bit >= 0; bit--) bits.push((value >> bit) & 1); // Huffman codes go high bit first
  };
  for (let i = 0; i < matches; i++) {
    code(0b11000101, 8);
    code(0, 5);
  }
  code(0, 7); // end of block
  const bytes = new Uint8Array(Math.ceil(bits.length / 8));
  bits.forEach((bit, index) => (bytes[index >> 3]! |= bit << (index & 7)));
  return Buffer.concat([Buffer.from([0x78, 0x9c]), bytes]);
}

describe('holding a PDF’s streams to a ceiling', () => {
  it.each([
    `${RIVERTON}/v1.pdf`,
    `${RIVERTON}/v3.pdf`,
    `${HOSTILE}/javascript.pdf`,
    `${HOSTILE}/image-only.pdf`,
    `${HOSTILE}/encrypted.pdf`,
    `${HOSTILE}/truncated.pdf`,
  ])(
    'passes %s at the import’s ceiling',
    async (path) => {
      await expect(
        checkPdfStreams(await readFile(path), 'policy.pdf', DEFAULT_IMPORT_LIMITS.pdf),
      ).resolves.toBeUndefined();
    },
    30_000,
  );

  it('refuses a page whose content stream unpacks past the ceiling, naming the file and the ceiling', async () => {
    const bytes = await pdfWith((pdf, page) =>
      addContentStream(pdf, page, deflateSync(PADDED_CONTENT), { Filter: 'FlateDecode' }),
    );
    expect(bytes.length).toBeLessThan(20_000);
    expect(await refusal(bytes)).toMatchObject({
      code: 'E_TOO_LARGE',
      message: expect.stringMatching(
        new RegExp(
          /^“policy\.pdf” holds a compressed part \(a page’s content, a font or another stream\) /.source +
            /that unpacks to more than 1 MB, .*check where it came from/.source,
        ),
      ),
    });
  });

  it('follows a chain of filters: hexadecimal text around DEFLATE data', async () => {
    const hex = Buffer.from(`${deflateSync(PADDED_CONTENT).toString('hex')}>`);
    const bytes = await pdfWith((pdf, page) =>
      addContentStream(pdf, page, hex, { Filter: ['ASCIIHexDecode', 'FlateDecode'] }),
    );
    expect(await refusal(bytes)).toMatchObject({
      code: 'E_TOO_LARGE',
      message: expect.stringContaining('unpacks to more than 1 MB'),
    });
  });

  it('refuses an object stream that unpacks past the ceiling, which pdf-lib would otherwise unpack as it parses', async () => {
    // pdf-lib writes no object streams of its own when asked not to, so this one is appended as an update would be.
    const objects = deflateSync(
      Buffer.concat([Buffer.from('90 0 << /Title (Policy) >>'), Buffer.alloc(2 * CEILING, 0x20)]),
    );
    const update = Buffer.from(
      `\n89 0 obj\n<< /Type /ObjStm /N 1 /First 5 /Filter /FlateDecode /Length ${objects.length} >>\nstream\n`,
      'latin1',
    );
    const bytes = Buffer.concat([
      await pdfWith(() => undefined),
      update,
      objects,
      Buffer.from('\nendstream\nendobj\n', 'latin1'),
    ]);
    expect(await refusal(bytes)).toMatchObject({
      code: 'E_TOO_LARGE',
      message: expect.stringContaining('unpacks to more than 1 MB'),
    });
  });

  it('lets a picture unpack past the ceiling: pdf.js never unpacks pictures to read text', async () => {
    const pixels = deflateSync(Buffer.alloc(2 * CEILING, 0x80));
    const picture = {
      Type: 'XObject',
      Subtype: 'Image',
      Width: 1024,
      Height: 2048,
      ColorSpace: 'DeviceGray',
      BitsPerComponent: 8,
      Filter: 'FlateDecode',
    };
    const bytes = await pdfWith((pdf) => pdf.context.register(pdf.context.stream(pixels, picture)));
    await expect(check(bytes)).resolves.toBeUndefined();
  });

  it('refuses a damaged stream that pdf.js could still unpack past the ceiling, by its length', async () => {
    const bytes = await pdfWith((pdf, page) =>
      addContentStream(pdf, page, damagedDeflate(5_000), { Filter: 'FlateDecode' }),
    );
    expect(await refusal(bytes)).toMatchObject({
      code: 'E_TOO_LARGE',
      message: expect.stringContaining('is damaged and could unpack to more than 1 MB'),
    });
  });

  it('passes a damaged stream too short to unpack past the ceiling', async () => {
    const bytes = await pdfWith((pdf, page) =>
      addContentStream(pdf, page, damagedDeflate(200), { Filter: 'FlateDecode' }),
    );
    await expect(check(bytes)).resolves.toBeUndefined();
  });
});
