import { fromHtml } from 'hast-util-from-html';
import { describe, expect, it } from 'vitest';
import { blocksFromHast } from '../../../electron/services/import/parsers/html-blocks';
import { parseHtml } from '../../../electron/services/import/parsers/html';
import { parseWith, textsOf } from './support-parse';

const POLICY_PAGE = `<!DOCTYPE html>
<html lang="en" dir="ltr">
<head>
  <meta charset="utf-8">
  <title>Social Media Policy | City of Example</title>
  <meta name="description" content="How city staff use social media.">
  <meta name="date" content="2024-03-01">
  <link rel="stylesheet" href="/site.css">
</head>
<body>
  <nav><ul><li><a href="/">Home</a></li><li><a href="/policies">Policies</a></li></ul></nav>
  <header><h1>City of Example</h1><p>Official website</p></header>
  <main>
    <h1>Social Media Policy</h1>
    <p>This policy applies to <strong>all staff</strong> who post<br>on behalf of the city.</p>
    <h2>Accounts</h2>
    <ul>
      <li>Official accounts
        <ul><li>need approval from <a href="/comms">Communications</a>;</li><li>are listed in the register.</li></ul>
      </li>
      <li><p>Personal accounts are personal.</p></li>
    </ul>
    <ol><li>Request an account.</li><li>Complete training.</li></ol>
    <h2>Owners</h2>
    <table>
      <thead><tr><th colspan="2">Account</th><th>Owner</th></tr></thead>
      <tbody>
        <tr><td>Twitter</td><td>@example</td><td>Communications</td></tr>
        <tr><td colspan="2">All others</td><td>Department heads</td></tr>
      </tbody>
    </table>
    <blockquote><p>Think before you post.</p><p>Then think again.</p></blockquote>
    <pre>Name:    Jane Doe
Account: @example</pre>
  </main>
  <footer><p>&copy; City of Example</p></footer>
</body>
</html>`;

const HOSTILE_PAGE =
  `<!DOCTYPE html>
<html><head>
  <meta http-equiv="refresh" content="0;url=javascript:alert(1)">
  <base href="https://evil/">
  <style>body { background: url("javascript:alert(1)") }</style>
  <script>alert(1)</script>
</head><body>
  <p onclick="alert(1)">Safe text</p>
  <script>document.write('alert')</script>
  <img src=x onerror="alert(1)">
  <a href="javascript:alert(1)">click</a>
  <iframe src="https://evil">iframe fallback alert</iframe>
  <svg onload="alert(1)"><text>alert</text></svg>
  <object data="https://evil/x.swf">alert fallback</object>
  <embed src="https://evil/y">
  <a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">a data link</a>
  <noscript>alert</noscript>
  <template><p>alert</p></template>
  <!-- alert(1) -->
  <form action="https://evil/steal"><label>Password <input value="secret"></label>` +
  `<textarea>secret</textarea><select><option>secret</option></select><button>secret</button></form>
  <math><mi>alert</mi></math>
</body></html>`;

describe('reading a web page', () => {
  it('turns a policy page into its blocks, leaving out the site’s navigation, header and footer', async () => {
    const parsed = await parseWith(parseHtml, 'policy.html', POLICY_PAGE);
    expect(parsed.blocks).toEqual([
      { type: 'heading', level: 1, text: 'Social Media Policy' },
      { type: 'paragraph', text: 'This policy applies to all staff who post on behalf of the city.' },
      { type: 'heading', level: 2, text: 'Accounts' },
      { type: 'list-item', depth: 0, ordered: false, text: 'Official accounts' },
      { type: 'list-item', depth: 1, ordered: false, text: 'need approval from Communications;' },
      { type: 'list-item', depth: 1, ordered: false, text: 'are listed in the register.' },
      { type: 'list-item', depth: 0, ordered: false, text: 'Personal accounts are personal.' },
      { type: 'list-item', depth: 0, ordered: true, text: 'Request an account.' },
      { type: 'list-item', depth: 0, ordered: true, text: 'Complete training.' },
      { type: 'heading', level: 2, text: 'Owners' },
      { type: 'table-cell', table: 0, row: 0, column: 0, header: true, text: 'Account' },
      { type: 'table-cell', table: 0, row: 0, column: 2, header: true, text: 'Owner' },
      { type: 'table-cell', table: 0, row: 1, column: 0, header: false, text: 'Twitter' },
      { type: 'table-cell', table: 0, row: 1, column: 1, header: false, text: '@example' },
      { type: 'table-cell', table: 0, row: 1, column: 2, header: false, text: 'Communications' },
      { type: 'table-cell', table: 0, row: 2, column: 0, header: false, text: 'All others' },
      { type: 'table-cell', table: 0, row: 2, column: 2, header: false, text: 'Department heads' },
      { type: 'quote', text: 'Think before you post.' },
      { type: 'quote', text: 'Then think again.' },
      { type: 'code', text: 'Name:    Jane Doe\nAccount: @example' },
    ]);
    expect(parsed.warnings).toEqual([
      "Left out the page's navigation, header and footer, which belong to the website rather than the policy.",
    ]);
  });

  it('reads the title, description and date from the head as metadata', async () => {
    const parsed = await parseWith(parseHtml, 'policy.html', POLICY_PAGE);
    expect(parsed.metadata).toEqual({
      title: 'Social Media Policy | City of Example',
      description: 'How city staff use social media.',
      date: '2024-03-01',
    });
  });

  it('lets nothing active from a hostile page into the result, only its text', async () => {
    const parsed = await parseWith(parseHtml, 'hostile.html', HOSTILE_PAGE);
    const output = JSON.stringify(parsed);
    for (const forbidden of [
      'alert',
      'javascript',
      'onerror',
      'onload',
      'onclick',
      'https://evil',
      'data:',
      'secret',
      '<',
    ]) {
      expect(output, `output contains ${forbidden}`).not.toContain(forbidden);
    }
    expect(textsOf(parsed, 'paragraph')).toEqual(['Safe text', 'click a data link']);
  });

  it('leaves out content the page hides from every reader', async () => {
    const page =
      '<p hidden>Draft clause</p><div aria-hidden="true">Decorative</div><p>Visible <span style="display: none">old wording</span>text</p>';
    const parsed = await parseWith(parseHtml, 'hidden.html', page);
    expect(parsed.blocks).toEqual([{ type: 'paragraph', text: 'Visible text' }]);
  });

  it('keeps an article’s own header, which is content, while leaving out the site’s', async () => {
    const page =
      '<body><header>Site name</header><main><article><header><h1>Code of conduct</h1></header><p>Be kind.</p></article></main></body>';
    const parsed = await parseWith(parseHtml, 'article.html', page);
    expect(parsed.blocks).toEqual([
      { type: 'heading', level: 1, text: 'Code of conduct' },
      { type: 'paragraph', text: 'Be kind.' },
    ]);
    expect(parsed.warnings).toEqual([
      "Left out the page's header, which belongs to the website rather than the policy.",
    ]);
  });

  it('turns loose text in containers into paragraphs, and a lone image into its description with a warning', async () => {
    const page =
      '<main>Intro text<div>Inner <em>loose</em> text<img alt="Org chart"></div><section><img src="logo.png"></section></main>';
    const parsed = await parseWith(parseHtml, 'loose.html', page);
    expect(parsed.blocks).toEqual([
      { type: 'paragraph', text: 'Intro text' },
      { type: 'paragraph', text: 'Inner loose text [Image: Org chart]' },
    ]);
    expect(parsed.warnings).toEqual(['2 images were left out (the description of 1 of them was kept).']);
  });

  it('ends a paragraph at two line breaks in a row, as older pages write paragraphs', async () => {
    const page = '<body>First clause,<br>still first.<br>\n<br>Second clause.</body>';
    expect(textsOf(await parseWith(parseHtml, 'breaks.html', page), 'paragraph')).toEqual([
      'First clause, still first.',
      'Second clause.',
    ]);
  });

  it('places table cells in the grid when a cell spans rows', async () => {
    const page =
      '<table><tr><th rowspan="2">Team</th><th>Role</th></tr><tr><td>Lead</td></tr><tr><td>Comms</td><td>Editor</td></tr></table>';
    const parsed = await parseWith(parseHtml, 'rowspan.html', page);
    const cells = parsed.blocks.map((block) =>
      block.type === 'table-cell' ? [block.row, block.column, block.text] : undefined,
    );
    expect(cells).toEqual([
      [0, 0, 'Team'],
      [0, 1, 'Role'],
      [1, 1, 'Lead'],
      [2, 0, 'Comms'],
      [2, 1, 'Editor'],
    ]);
  });

  it.each([
    {
      style: 'remark-gfm',
      html:
        `<p>Staff must comply.<sup><a href="#user-content-fn-1" id="user-content-fnref-1" data-footnote-ref aria-describedby="footnote-label">1` +
        `</a></sup></p>
        <section data-footnotes class="footnotes"><h2 class="sr-only" id="footnote-label">Footnotes</h2>
        <ol><li id="user-content-fn-1"><p>The Hatch Act applies. ` +
        `<a href="#user-content-fnref-1" data-footnote-backref aria-label="Back to reference 1" class="data-footnote-backref">↩` +
        `</a></p></li></ol></section>`,
    },
    {
      style: 'simple remark',
      html:
        '<p>Staff must comply.<sup><a href="#fn-1" id="fnref-1">1</a></sup></p>' +
        '<section class="footnotes"><ol><li id="fn-1">The Hatch Act applies. <a href="#fnref-1">↩' +
        '</a></li></ol></section>',
    },
    {
      style: 'pandoc',
      html: `<p>Staff must comply.<a href="#fn1" class="footnote-ref" id="fnref1" role="doc-noteref"><sup>1</sup></a></p>
        <section id="footnotes" class="footnotes footnotes-end-of-document" role="doc-endnotes"><hr />
        <ol><li id="fn1"><p>The Hatch Act applies.<a href="#fnref1" class="footnote-back" role="doc-backlink">↩︎</a></p></li></ol></section>`,
    },
    {
      style: 'mammoth (Word)',
      html:
        '<p>Staff must comply.<sup><a href="#footnote-1" id="footnote-ref-1">[1]</a></sup></p><ol>' +
        '<li id="footnote-1"><p>The Hatch Act applies. <a href="#footnote-ref-1">↑</a></p></li></ol>',
    },
  ])('turns $style footnotes into a [1] marker and a labelled note without its back-link', async ({ html }) => {
    const parsed = await parseWith(parseHtml, 'notes.html', html);
    expect(parsed.blocks).toEqual([
      { type: 'paragraph', text: 'Staff must comply.[1]' },
      { type: 'note', label: '1', text: 'The Hatch Act applies.' },
    ]);
  });

  it('reads Word output from mammoth, a fragment, through blocksFromHast', () => {
    const mammothHtml = [
      '<h1>Records policy</h1>',
      '<p><strong>Scope.</strong> All staff.<sup><a href="#footnote-1" id="footnote-ref-1">[1]</a></sup></p>',
      '<ul><li>Keep records<ul><li>for seven years</li></ul></li></ul>',
      '<table><tr><td><p>Record</p></td><td><p>Years</p></td></tr><tr><td><p>Email</p></td><td><p>7</p></td></tr></table>',
      '<p>Endnote here.<sup><a href="#endnote-1" id="endnote-ref-1">[2]</a></sup></p>',
      '<ol><li id="footnote-1"><p>Including contractors. <a href="#footnote-ref-1">↑</a></p>' +
        '</li><li id="endnote-1"><p>See the schedule. <a href="#endnote-ref-1">↑</a></p></li></ol>',
    ].join('');
    const { blocks, warnings } = blocksFromHast(fromHtml(mammothHtml, { fragment: true }), {
      fileName: 'records.docx',
    });
    expect(blocks).toEqual([
      { type: 'heading', level: 1, text: 'Records policy' },
      { type: 'paragraph', text: 'Scope. All staff.[1]' },
      { type: 'list-item', depth: 0, ordered: false, text: 'Keep records' },
      { type: 'list-item', depth: 1, ordered: false, text: 'for seven years' },
      { type: 'table-cell', table: 0, row: 0, column: 0, header: false, text: 'Record' },
      { type: 'table-cell', table: 0, row: 0, column: 1, header: false, text: 'Years' },
      { type: 'table-cell', table: 0, row: 1, column: 0, header: false, text: 'Email' },
      { type: 'table-cell', table: 0, row: 1, column: 1, header: false, text: '7' },
      { type: 'paragraph', text: 'Endnote here.[2]' },
      { type: 'note', label: '1', text: 'Including contractors.' },
      { type: 'note', label: '2', text: 'See the schedule.' },
    ]);
    expect(warnings).toEqual([]);
  });

  it('warns that a page declared in windows-1252 was read as UTF-8', async () => {
    const page =
      '<html><head><meta charset="windows-1252"><title>Policy</title></head><body><p>Café rules.</p></body></html>';
    const parsed = await parseWith(parseHtml, 'legacy.html', page);
    expect(parsed.warnings).toEqual([
      'The page says it is written in “windows-1252”, but it was read as UTF-8. If any letters look wrong, save the page as UTF-8 and import it again.',
    ]);
    expect(textsOf(parsed, 'paragraph')).toEqual(['Café rules.']);
  });

  it('gives no charset warning for a page declared as UTF-8', async () => {
    const page =
      '<html><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8"></head><body><p>Rules.</p></body></html>';
    expect((await parseWith(parseHtml, 'modern.html', page)).warnings).toEqual([]);
  });

  it('gives no blocks for a page without body text', async () => {
    const parsed = await parseWith(
      parseHtml,
      'empty.html',
      '<html><head><title>Empty</title></head><body><nav>Menu</nav><script>x()</script></body></html>',
    );
    expect(parsed.blocks).toEqual([]);
    expect(parsed.metadata).toEqual({ title: 'Empty' });
  });

  it('reads a page of 10,000 paragraphs completely', async () => {
    const page = `<html><body>${Array.from({ length: 10_000 }, (_, i) => `<p>Clause ${i + 1}.</p>`).join('\n')}</body></html>`;
    const parsed = await parseWith(parseHtml, 'long.html', page);
    expect(parsed.blocks).toHaveLength(10_000);
    expect(parsed.blocks.at(-1)).toEqual({ type: 'paragraph', text: 'Clause 10000.' });
  });

  it('refuses a page nested thousands of levels deep with a clear error, not a crash', async () => {
    await expect(parseWith(parseHtml, 'deep.html', `${'<span>'.repeat(100_000)}text`)).rejects.toMatchObject({
      code: 'E_INVALID_INPUT',
      message: expect.stringContaining('“deep.html” nests its content'),
    });
  });
});
