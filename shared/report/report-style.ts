import { PAGE_MM, SIGNATURE_PAGE_MM } from './page-layout';

/**
 * The report's one stylesheet, for screen and paper. On paper: A4, the review title as a running header, "Page N
 * of M" at the foot (CSS page-margin boxes, so any Chromium prints the HTML file the same way), headings kept with
 * what follows, and the last page laid out in millimetres for the signature fields (see page-layout.ts).
 */
export function reportStylesheet(title: string): string {
  const p = PAGE_MM;
  const s = SIGNATURE_PAGE_MM;
  return (
    `
@page {
  size: A4;
  margin: ${p.top}mm ${p.right}mm ${p.bottom}mm ${p.left}mm;
  @top-left { content: ${cssString(title)}; ` +
    `font: 8pt "Liberation Sans", "DejaVu Sans", Arial, sans-serif; color: #4a5563; ` +
    `vertical-align: bottom; padding-bottom: 3mm; max-width: 130mm; }
  @top-right { content: "Policy review report"; ` +
    `font: 8pt "Liberation Sans", "DejaVu Sans", Arial, sans-serif; color: #4a5563; ` +
    `vertical-align: bottom; padding-bottom: 3mm; }
  @bottom-center { content: "Page " counter(page) " of " counter(pages); ` +
    `font: 8pt "Liberation Sans", "DejaVu Sans", Arial, sans-serif; color: #4a5563; ` +
    `vertical-align: top; padding-top: 4mm; }
}
@page :first { @top-left { content: none; } @top-right { content: none; } }
:root { color-scheme: light; }
html { font-family: "Liberation Serif", "DejaVu Serif", Georgia, serif; font-size: 10.5pt; line-height: 1.4; color: #1b1f24; background: #fff; }
body { margin: 0 auto; max-width: 190mm; padding: 0 6mm 12mm; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
h1, h2, h3, h4, th, .kicker, .facts, .badge, .annotation-head, .meta, nav, caption, ` +
    `.sig-note { font-family: "Liberation Sans", "DejaVu Sans", Arial, sans-serif; }
h1 { font-size: 22pt; line-height: 1.15; color: #14325a; margin: 2mm 0 5mm; }
h2 { font-size: 14pt; color: #14325a; margin: 9mm 0 3mm; padding-bottom: 1.2mm; border-bottom: 0.8pt solid #14325a; break-after: avoid-page; }
h3 { font-size: 12pt; color: #14325a; margin: 7mm 0 2mm; break-after: avoid-page; }
h4 { font-size: 10.5pt; margin: 0 0 1.5mm; break-after: avoid-page; }
p { margin: 0 0 2mm; orphans: 3; widows: 3; }
ul, ol { margin: 0 0 2mm; padding-left: 6mm; }
li { margin: 0 0 0.8mm; }
code, .hash { font-family: "Liberation Mono", "DejaVu Sans Mono", monospace; font-size: 8pt; }
.hash { word-break: break-all; }
.kicker { text-transform: uppercase; letter-spacing: 0.08em; font-size: 9pt; color: #4a5563; margin: 0; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: 1mm 5mm; ` +
    `font-size: 9pt; margin: 0 0 6mm; padding: 3mm 4mm; background: #eef2f7; ` +
    `border-left: 2.5pt solid #14325a; }
.facts dt { font-weight: bold; color: #14325a; }
.facts dd { margin: 0; }
nav ol { list-style: none; padding: 0; columns: 2; column-gap: 10mm; font-size: 10pt; }
nav li { margin: 0 0 1.2mm; }
nav a { color: #14325a; text-decoration: none; }
table { border-collapse: collapse; width: 100%; margin: 1mm 0 4mm; font-size: 9pt; }
caption { text-align: left; font-size: 8.5pt; color: #4a5563; padding-bottom: 1mm; caption-side: top; }
/* The captioned tables are short summaries: kept whole, so a caption never ends a page without its table. */
table:has(> caption) { break-inside: avoid; }
th, td { border: 0.5pt solid #9aa8b8; padding: 1.2mm 2mm; text-align: left; vertical-align: top; }
thead th { background: #14325a; color: #fff; font-size: 8.5pt; }
tbody th { font-weight: normal; }
tfoot th, tfoot td { font-weight: bold; background: #eef2f7; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.badge { display: inline-block; font-size: 8pt; font-weight: bold; padding: 0.2mm 1.6mm; ` +
    `border-radius: 1mm; border: 0.5pt solid currentColor; white-space: nowrap; }
.verdict-met { color: #1d6b2f; background: #e6f3e9; }
.verdict-partial { color: #8a5a00; background: #fdf2d9; }
.verdict-not-met { color: #9b1c1c; background: #fbe4e4; }
.verdict-not-applicable { color: #4a5563; background: #eef0f3; }
.verdict-unreviewed { color: #4a5563; background: #fff; border-style: dashed; }
ul.votes { margin: 0; padding-left: 0; list-style: none; }
ul.votes li { margin: 0.6mm 0; }
/* A vote that differs from the committee's verdict stays visible on paper, not only in colour. */
li.dissent { border-left: 1.2pt solid #9b1c1c; padding-left: 1.6mm; }
.dissent-mark { color: #9b1c1c; background: #fff; text-transform: uppercase; }
.severity-critical { color: #fff; background: #9b1c1c; border-color: #9b1c1c; }
.severity-major { color: #9b1c1c; background: #fbe4e4; }
.severity-minor { color: #8a5a00; background: #fdf2d9; }
.severity-info { color: #35506e; background: #e8eef6; }
.category-intro { color: #4a5563; font-style: italic; }
.criterion { margin: 0 0 5mm; padding: 2.5mm 0 0; border-top: 0.5pt solid #c9d2dc; }
.criterion-head { display: flex; justify-content: space-between; gap: 4mm; align-items: baseline; }
.criterion-id { font-family: "Liberation Mono", "DejaVu Sans Mono", monospace; font-size: 7.5pt; color: #4a5563; font-weight: normal; }
.question { font-style: italic; color: #333c47; }
.meta { font-size: 8.5pt; color: #4a5563; }
.rationale { margin: 1.5mm 0 2mm; }
.two-columns { columns: 2; column-gap: 8mm; font-size: 9.5pt; }
.two-columns li { break-inside: avoid; }
p.label { break-after: avoid-page; margin-bottom: 1mm; }
.label { font-weight: bold; font-family: "Liberation Sans", "DejaVu Sans", Arial, sans-serif; font-size: 9pt; }
.annotations { list-style: none; padding: 0; margin: 1mm 0 2mm; }
.annotation { margin: 0 0 2.5mm; padding: 1.5mm 0 1.5mm 3mm; border-left: 1.5pt solid #c9d2dc; break-inside: avoid; }
.annotation-head { font-size: 8.5pt; color: #4a5563; margin-bottom: 1mm; }
blockquote { margin: 0 0 1.2mm; padding: 0; font-style: italic; color: #333c47; }
p.comment, .reply p { margin: 0 0 1mm; }
.comment.item, .reply .item { padding-left: 4mm; text-indent: -4mm; margin-left: 2mm; }
.comment.depth-1, .reply .depth-1 { margin-left: 6mm; }
.comment.depth-2, .reply .depth-2 { margin-left: 10mm; }
.comment.depth-3, .reply .depth-3 { margin-left: 14mm; }
.replies { list-style: none; padding: 0 0 0 4mm; margin: 1mm 0 0; font-size: 9.5pt; }
.reply .meta { display: block; }
.changes-passages { list-style: none; padding: 0; }
.changes-passages li { margin: 0 0 2mm; break-inside: avoid; }
del { color: #9b1c1c; background: #fbe4e4; text-decoration: line-through; }
ins { color: #14532d; background: #e6f3e9; text-decoration: underline; }
.empty { color: #4a5563; font-style: italic; }
.overdue { color: #9b1c1c; font-weight: bold; }
.sig-note { font-size: 9pt; color: #333c47; background: #eef2f7; padding: 3mm 4mm; border-left: 2.5pt solid #14325a; }
.signature-page { display: none; }
/* A long report is laid out once for the window it loads in before it is laid out again for paper. Sections off
   that first screen skip the first layout (printing always lays out and prints all of them), which spares about
   a fifth of the work of printing a report with a thousand annotations. */
main > section[id], main > section > section { content-visibility: auto; contain-intrinsic-size: auto 250mm; }
@media print {
  body { max-width: none; padding: 0; margin: 0; }
  a { color: inherit; text-decoration: none; }
  .signature-page { display: block; break-before: page; height: ${PAGE_MM.height - PAGE_MM.top - PAGE_MM.bottom - 2}mm; overflow: hidden; }
  .signature-page .head { height: ${s.head}mm; overflow: hidden; }
  .signature-page h2 { margin-top: 0; }
  .signature-page .slots { height: ${s.rows * s.slotHeight + (s.rows - 1) * s.rowGap}mm; }
}
`
  );
}

/** A CSS string literal: quotes, backslashes and "<" escaped, so no title can end the string or the style element. */
function cssString(text: string): string {
  return `"${text.replace(/[\\"<>\n\r\f]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `)}"`;
}
