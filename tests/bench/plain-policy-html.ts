import type { Block } from '../../shared/model';
import { esc, PAGE_MM } from '../../shared/report';

/**
 * A version's own text as the simplest printable HTML: headings, paragraphs and list items, nothing else, on the
 * report's page (A4, the report's margins and body font). Printing it is what Chromium costs per page for text
 * alone, the yardstick the report's printing is judged by.
 */
export function plainPolicyHtml(title: string, blocks: readonly Block[]): string {
  const p = PAGE_MM;
  const body: string[] = [];
  let listOpen = false;
  for (const block of blocks) {
    const isItem = block.type === 'list-item';
    if (isItem !== listOpen) {
      body.push(isItem ? '<ul>' : '</ul>');
      listOpen = isItem;
    }
    if (block.type === 'heading') {
      const level = Math.min(6, block.level + 1);
      body.push(`<h${level}>${esc(block.text)}</h${level}>`);
    } else if (isItem) body.push(`<li>${esc(block.text)}</li>`);
    else body.push(`<p>${esc(block.text)}</p>`);
  }
  if (listOpen) body.push('</ul>');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${esc(title)}</title>
<style>
@page { size: A4; margin: ${p.top}mm ${p.right}mm ${p.bottom}mm ${p.left}mm; }
html { font-family: "Liberation Serif", "DejaVu Serif", Georgia, serif; font-size: 10.5pt; line-height: 1.4; }
body { margin: 0; }
</style>
</head>
<body>
<h1>${esc(title)}</h1>
${body.join('\n')}
</body>
</html>
`;
}
