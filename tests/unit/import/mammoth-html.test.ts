import { readFileSync } from 'node:fs';
import type { Nodes } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { mammothHtmlToHast } from '../../../electron/services/import/parsers/mammoth-html';
import { longPolicyDocx, pictureDocx, policyDocx } from './support-docx-build';

const FIXTURES = new URL('../../../fixtures/policies/riverton-social-media/', import.meta.url);

/** parse5's tree without the source positions it adds (the reader of mammoth's HTML has no use for them). */
function withoutPositions(node: Nodes): unknown {
  const { position: _position, data: _data, ...rest } = node as Nodes & { data?: unknown };
  return 'children' in rest ? { ...rest, children: rest.children.map(withoutPositions) } : rest;
}

const parse5Tree = (html: string) => withoutPositions(fromHtml(html, { fragment: true }));

describe("reading mammoth's HTML", () => {
  it('builds the tree parse5 builds from the HTML mammoth makes of real Word documents', async () => {
    const documents = [
      await policyDocx(),
      await pictureDocx('A chart of the accounts'),
      await longPolicyDocx(3),
      ...['v1', 'v2', 'v3'].map((name) => readFileSync(new URL(`${name}.docx`, FIXTURES))),
    ];
    for (const docx of documents) {
      const { value: html } = await mammoth.convertToHtml({ buffer: Buffer.from(docx) });
      const tree = mammothHtmlToHast(html);
      expect(tree).toBeDefined();
      expect(tree).toEqual(parse5Tree(html));
    }
  });

  it.each([
    ['rows written straight in a table (parse5 puts them in a tbody)', '<table><tr><td>a</td><td>b</td></tr></table>'],
    [
      'a header row and body rows with spans',
      '<table><thead><tr><th colspan="2">h</th></tr></thead><tbody><tr><td rowspan="2">a</td></tr></tbody></table>',
    ],
    ['nested lists', '<ul><li>a<ul><li>b</li></ul></li><li>c</li></ul><ol><li><strong>d</strong></li></ol>'],
    [
      'escaped text and attributes',
      '<p>1 &lt; 2 &amp;&amp; 3 &gt; 0 "q"</p><p><img alt="a &quot;b&quot; &amp; c" src="" /></p>',
    ],
    [
      'footnote links and their back links',
      '<p>x<sup><a href="#footnote-1" id="footnote-ref-1">[1]</a></sup><br />y</p>' +
        '<ol><li id="footnote-1"><p>n <a href="#footnote-ref-1">↑</a></p></li></ol>',
    ],
    [
      'a ticked box and a link with its frame',
      '<p><input type="checkbox" checked="checked" /> done <a href="https://example.org/" target="_blank">l</a></p>',
    ],
    ['a quote and headings', '<h1>T</h1><blockquote><p>q</p></blockquote><h2><em>s</em></h2>'],
  ])('reads %s as parse5 does', (_, html) => {
    expect(mammothHtmlToHast(html)).toEqual(parse5Tree(html));
  });

  it.each([
    ['a paragraph in a paragraph', '<p>a<p>b</p>c</p>'],
    ['a list in a paragraph', '<p>a<ul><li>b</li></ul></p>'],
    ['a list item straight in a list item', '<ul><li>a<li>b</li></li></ul>'],
    ['a heading in a heading', '<h1>a<h2>b</h2></h1>'],
    ['a link in a link', '<p><a href="#a">a<a href="#b">b</a></a></p>'],
    ['text straight in a table', '<table>x<tr><td>a</td></tr></table>'],
    ['a cell outside a row', '<table><td>a</td></table>'],
    ['an element mammoth does not write', '<div>a</div>'],
    ['an attribute mammoth does not write', '<p class="note">a</p>'],
    ['an entity the writer never uses', '<p>a &copy; b</p>'],
    ['a carriage return', '<p>a\r\nb</p>'],
    ['an end tag that closes nothing open', '<p>a</strong></p>'],
    ['an element left open', '<p>a'],
    ['a void element written with an end tag', '<p><br></br></p>'],
  ])('leaves %s to parse5', (_, html) => {
    expect(mammothHtmlToHast(html)).toBeUndefined();
  });
});
