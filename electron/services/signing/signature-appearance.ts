import { PDFName, StandardFontEmbedder, StandardFonts, type PDFRef } from '@cantoo/pdf-lib';
import type { PdfUpdate } from './pdf-incremental';

export interface SignatureLine {
  text: string;
  size: number;
  bold?: boolean;
  /** Grey text, for the small print. */
  muted?: boolean;
}

const INK = '0.078 0.196 0.353';
const MUTED = '0.35 0.38 0.42';

/**
 * The picture of a signature field: a framed box with lines of text (signer, role, meaning, time), as a form
 * XObject for the widget's normal appearance (/AP /N). Drawn with the standard Helvetica fonts, so nothing is
 * embedded; characters Helvetica cannot show are simplified (é stays, Ł becomes L, others become "?"), while the
 * signature dictionary keeps every name exactly (/Name, /Reason are Unicode).
 */
export function signatureAppearance(
  pdf: PdfUpdate,
  width: number,
  height: number,
  lines: SignatureLine[],
  options: { signed: boolean },
): PDFRef {
  const { regular, bold } = embedders();
  const ops: string[] = ['q'];
  if (options.signed) {
    ops.push(
      '0.933 0.949 0.969 rg',
      `0 0 ${fmt(width)} ${fmt(height)} re f`,
      `${INK} RG 1 w`,
      `0.5 0.5 ${fmt(width - 1)} ${fmt(height - 1)} re S`,
    );
    ops.push(`${INK} rg`, `0 0 3 ${fmt(height)} re f`);
  } else {
    ops.push(`${MUTED} RG 0.6 w [3 2] 0 d`, `0.5 0.5 ${fmt(width - 1)} ${fmt(height - 1)} re S`, '[] 0 d');
  }
  const left = options.signed ? 9 : 6;
  let y = height - 6;
  for (const line of lines) {
    const font = line.bold ? bold : regular;
    y -= line.size * 1.18;
    if (y < 2) break;
    const text = fitText(font, simplify(font, line.text), line.size, width - left - 5);
    ops.push(
      'BT',
      `/${line.bold ? 'F2' : 'F1'} ${fmt(line.size)} Tf`,
      `${line.muted || !options.signed ? MUTED : INK} rg`,
      `${fmt(left)} ${fmt(y)} Td`,
      `${font.encodeText(text).toString()} Tj`,
      'ET',
    );
    y -= line.size * 0.25;
  }
  ops.push('Q');
  const fonts = fontRefs(pdf);
  const stream = pdf.context.stream(ops.join('\n'), {
    Type: 'XObject',
    Subtype: 'Form',
    BBox: [0, 0, width, height],
    Resources: { Font: { F1: fonts.regular, F2: fonts.bold }, ProcSet: [PDFName.of('PDF'), PDFName.of('Text')] },
  });
  return pdf.register(stream);
}

let standardFonts: { regular: StandardFontEmbedder; bold: StandardFontEmbedder } | undefined;

/** The metrics and encoding of the two standard fonts, read once. */
function embedders(): { regular: StandardFontEmbedder; bold: StandardFontEmbedder } {
  // The api's StandardFonts and the embedder's FontNames are two enums with the same names.
  const font = (name: StandardFonts) =>
    StandardFontEmbedder.for(name as unknown as Parameters<typeof StandardFontEmbedder.for>[0]);
  standardFonts ??= { regular: font(StandardFonts.Helvetica), bold: font(StandardFonts.HelveticaBold) };
  return standardFonts;
}

const fontsOfUpdate = new WeakMap<PdfUpdate, { regular: PDFRef; bold: PDFRef }>();

/** Helvetica and Helvetica-Bold, added once per update and shared by its appearances. */
function fontRefs(pdf: PdfUpdate): { regular: PDFRef; bold: PDFRef } {
  let refs = fontsOfUpdate.get(pdf);
  if (!refs) {
    refs = {
      regular: embedders().regular.embedIntoContext(pdf.context, pdf.newRef()),
      bold: embedders().bold.embedIntoContext(pdf.context, pdf.newRef()),
    };
    fontsOfUpdate.set(pdf, refs);
  }
  return refs;
}

/** Cuts text to fit `maxWidth`, ending with an ellipsis when it had to be cut. */
function fitText(font: StandardFontEmbedder, text: string, size: number, maxWidth: number): string {
  if (font.widthOfTextAtSize(text, size) <= maxWidth) return text;
  let cut = text;
  while (cut.length > 1 && font.widthOfTextAtSize(`${cut}...`, size) > maxWidth) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}...`;
}

const characterSets = new WeakMap<StandardFontEmbedder, Set<number>>();

/** Text the standard font can show: unknown letters lose their accents, or become "?". */
function simplify(font: StandardFontEmbedder, text: string): string {
  let set = characterSets.get(font);
  if (!set) characterSets.set(font, (set = new Set(font.encoding.supportedCodePoints)));
  const known = set;
  return [...text.replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, '"')]
    .map((c) => {
      if (known.has(c.codePointAt(0) ?? 0)) return c;
      const base = c.normalize('NFKD').replace(/\p{M}/gu, '');
      const mapped = STROKED[c] ?? base;
      return [...mapped].every((b) => known.has(b.codePointAt(0) ?? 0)) && mapped !== '' ? mapped : '?';
    })
    .join('');
}

const STROKED: Record<string, string> = { Ł: 'L', ł: 'l', Đ: 'D', đ: 'd', Ø: 'O', ø: 'o', Ħ: 'H', ħ: 'h', ı: 'i' };

function fmt(n: number): string {
  return (Math.round(n * 100) / 100).toString();
}
