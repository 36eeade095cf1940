import { readFileSync } from 'node:fs';
import { fromHtml } from 'hast-util-from-html';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { blocksFromHast } from '../../../electron/services/import/parsers/html-blocks';
import { htmlFragmentTree } from '../../../electron/services/import/parsers/html-fragment-tree';
import { longPolicyDocx, pictureDocx, policyDocx } from './support-docx-build';

const FIXTURES = new URL('../../../fixtures/policies/riverton-social-media/', import.meta.url);

/** What the shared HTML reader makes of a tree: blocks, warnings, metadata and the text a reader never sees. */
const read = (tree: ReturnType<typeof htmlFragmentTree>) => blocksFromHast(tree, { fileName: 'policy.docx' });
const readByParse5 = (html: string) => read(fromHtml(html, { fragment: true }));

describe('mammoth’s HTML read into a tree by htmlparser2 and hastscript', () => {
  it('gives the blocks parse5’s tree gives, for the HTML mammoth makes of real Word documents', async () => {
    const documents = [
      await policyDocx(),
      await pictureDocx('A chart of the accounts'),
      await longPolicyDocx(3),
      ...['v1', 'v2', 'v3'].map((name) => readFileSync(new URL(`${name}.docx`, FIXTURES))),
    ];
    for (const docx of documents) {
      const { value: html } = await mammoth.convertToHtml({ buffer: Buffer.from(docx) });
      const blocks = read(htmlFragmentTree(html));
      expect(blocks.blocks.length).toBeGreaterThan(0);
      expect(blocks).toEqual(readByParse5(html));
    }
  });

  it.each([
    ['rows written straight in a table (parse5 puts them in a tbody)', '<table><tr><td>a</td><td>b</td></tr></table>'],
    [
      'a header row and body rows with spans',
      '<table><thead><tr><th colspan="2">h</th></tr></thead><tbody><tr><td rowspan="2">a</td><td>b</td></tr>' +
        '<tr><td>c</td></tr></tbody></table>',
    ],
    ['nested lists', '<ul><li>a<ul><li>b</li></ul></li><li>c</li></ul><ol start="3"><li><strong>d</strong></li></ol>'],
    [
      'escaped text and attributes',
      '<p>1 &lt; 2 &amp;&amp; 3 &gt; 0 "q" &#8212; &eacute;</p><p><img alt="a &quot;b&quot; &amp; c" src="" /></p>',
    ],
    [
      'footnote links and their back links',
      '<p>x<sup><a href="#footnote-1" id="footnote-ref-1">[1]</a></sup><br />y</p>' +
        '<ol><li id="footnote-1"><p>n <a href="#footnote-ref-1">↑</a></p></li></ol>',
    ],
    ['a quote and headings', '<h1>T</h1><blockquote><p>q</p></blockquote><h2><em>s</em></h2>'],
    ['text hidden by an attribute', '<p>shown</p><p hidden>not shown</p><p aria-hidden="true">nor this</p>'],
  ])('reads %s as parse5’s tree reads', (_, html) => {
    expect(read(htmlFragmentTree(html))).toEqual(readByParse5(html));
  });

  it('never takes an attribute named after an object’s own keys as a property', () => {
    const tree = htmlFragmentTree('<p __proto__="x" constructor="y" class="note">a</p>');
    const paragraph = tree.children[0];
    expect(paragraph).toMatchObject({ type: 'element', tagName: 'p', properties: { className: ['note'] } });
    expect(Object.getPrototypeOf((paragraph as { properties: object }).properties)).toBe(Object.prototype);
    expect(Object.hasOwn((paragraph as { properties: object }).properties, 'constructor')).toBe(false);
  });
});
