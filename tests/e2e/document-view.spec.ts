import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from './support/fixtures';
import { openReviewFromLibrary } from './support/screens';
import { importText } from './support/versions';
import {
  documentArea,
  dropFiles,
  fileFromDisk,
  importedNotice,
  IMPORT_WAIT,
  importThroughPicker,
  openNewReview,
  policyText,
  REAL_POLICIES,
  RICH_MD,
  RICH_TXT,
  RIVERTON,
  textFile,
  versionSwitcher,
} from './support/documents';

test.describe('the document view', () => {
  test('shows an imported text policy with real headings, nested lists and a table, read-only', async ({
    app,
    invoke,
    saveScreenshot,
  }) => {
    await openNewReview(app, invoke, 'Social-media policy 2026');
    await importThroughPicker(app, [textFile('riverton-2026.txt', RICH_TXT)]);
    await expect(importedNotice(app, 'riverton-2026.txt')).toContainText('as “riverton-2026”');

    const text = policyText(app, 'riverton-2026');
    await expect(text).toBeVisible();
    await expect(text.locator('h1')).toHaveText('Riverton Social Media Policy');
    await expect(text.locator('h2')).toHaveText('Purpose');
    await expect(text.locator('h3')).toHaveText('Approved accounts');
    // Nested by depth: a list inside a list inside a list.
    await expect(text.locator('ul ul ul > li')).toHaveText('Emergency updates');
    await expect(text.locator('ul ul > li').filter({ hasText: 'Library account' })).toHaveCount(1);
    await expect(text.locator('ol > li')).toHaveText([
      'Ask the communications team for access',
      'Complete the social media training',
    ]);
    await expect(text.locator('table th')).toHaveText(['Platform', 'Owner', 'Review']);
    await expect(text.locator('table tr').nth(2).locator('td')).toHaveText([
      'Instagram',
      'Libraries',
      'Every six months',
    ]);
    await expect(text).toHaveAttribute('contenteditable', 'false');
    await expect(text).toHaveAttribute('aria-readonly', 'true');

    // Typing into it changes nothing.
    await text.click();
    await app.keyboard.type('extra words');
    await expect(text).not.toContainText('extra words');
    await saveScreenshot('document-imported-text');
  });

  test('shows the sample policy’s quote, table, nested list and footnote from Markdown', async ({
    app,
    invoke,
    saveScreenshot,
  }) => {
    const path = join(RIVERTON, 'v1.md');
    await openNewReview(app, invoke, 'Riverton social media');
    await importThroughPicker(app, [await fileFromDisk(path)]);
    await expect(importedNotice(app, 'v1.md')).toBeVisible(IMPORT_WAIT);

    const text = policyText(app);
    await expect(text.locator('h1')).toHaveText('City of Riverton — Social Media Policy');
    await expect(text.locator('h2').first()).toHaveText('1. Purpose and scope');
    await expect(text.locator('h3').first()).toHaveText('1.1 Purpose');
    await expect(text.locator('ol > li').first()).toContainText('Submit a business case');
    await expect(text.locator('ul ul > li').first()).toHaveText(
      'obtaining written consent before publishing photographs of identifiable people;',
    );
    await expect(text.locator('table th')).toHaveText(['Platform', 'Account', 'Owner department', 'Approved']);
    await expect(text.locator('table tr')).toHaveCount(6);
    await expect(text.locator('blockquote').first()).toContainText('No officer or employee of the City shall remove');
    const note = text.locator('.doc-note');
    await expect(note).toContainText('Riverton Municipal Code, Title 2');
    await expect(note).toHaveAttribute('data-note-label', '1');
    // The version's effective date comes from the front matter.
    await expect(versionSwitcher(app).locator('option')).toHaveText([/effective Mar 1, 2021|effective 1 Mar 2021/]);

    await importedNotice(app, 'v1.md').getByRole('button', { name: 'Dismiss message' }).click();
    await text.locator('h3', { hasText: '2.3 Approval of new accounts' }).scrollIntoViewIfNeeded();
    await app.locator('.app-main').evaluate((main) => main.scrollBy(0, 260));
    await saveScreenshot('document-imported-riverton');
  });

  test('shows every kind of block of a Markdown version on one page', async ({ app, invoke, saveScreenshot }) => {
    await openNewReview(app, invoke, 'Social-media policy 2026');
    await importThroughPicker(app, [textFile('riverton-2026.md', RICH_MD)]);
    await expect(importedNotice(app, 'riverton-2026.md')).toBeVisible(IMPORT_WAIT);
    const text = policyText(app, 'Riverton social media policy 2026');
    await expect(text.locator('h1')).toHaveText('Riverton social media policy');
    await expect(text.locator('h2')).toHaveText(['Who may post', 'Approved accounts']);
    await expect(text.locator('ul ul ul > li')).toHaveText('Out of hours: the duty officer');
    await expect(text.locator('table th')).toHaveText(['Platform', 'Owner', 'Reviewed']);
    await expect(text.locator('table td')).toHaveCount(6);
    await expect(text.locator('blockquote')).toHaveText(
      'No officer shall remove a comment on the ground of the opinion it expresses.',
    );
    await expect(text.locator('pre')).toHaveText('retention:\n  posts: 6 years');
    await expect(text.locator('.doc-note')).toHaveText('As agreed by the council on 1 March 2026.');
    await expect(versionSwitcher(app).locator('option')).toHaveText([
      'Riverton social media policy 2026 — effective Mar 1, 2026',
    ]);
    await importedNotice(app, 'riverton-2026.md').getByRole('button', { name: 'Dismiss message' }).click();
    // Scrolled so the whole version shows under the sticky tabs and version bar.
    await app.locator('.app-main').evaluate((main) => main.scrollBy(0, 200));
    await expect(text.locator('h1')).toBeInViewport();
    await saveScreenshot('document-imported');
  });

  test('shows code as written and footnotes with their label, and nests ordered lists', async ({ app, invoke }) => {
    const md = [
      '# Records',
      '',
      '#### Level four',
      '',
      '###### Level six',
      '',
      '```',
      'retention:',
      '  posts: 6 years',
      '```',
      '',
      '1. First',
      '   1. Nested one',
      '   2. Nested two',
      '2. Second',
      '',
      'Posts are kept.[^a]',
      '',
      '[^a]: As the records schedule says.',
      '',
    ].join('\n');
    await openNewReview(app, invoke, 'Records');
    await importThroughPicker(app, [textFile('records.md', md)]);
    await expect(importedNotice(app, 'records.md')).toBeVisible(IMPORT_WAIT);
    const text = policyText(app);
    await expect(text.locator('h4')).toHaveText('Level four');
    await expect(text.locator('h6')).toHaveText('Level six');
    const code = text.locator('pre');
    await expect(code).toHaveText('retention:\n  posts: 6 years');
    expect(await code.evaluate((el) => getComputedStyle(el).fontFamily)).toMatch(/mono/i);
    await expect(text.locator('ol ol > li')).toHaveText(['Nested one', 'Nested two']);
    await expect(text.locator('ol > li:not(.doc-li-nested)')).toHaveText([
      'First',
      'Nested one',
      'Nested two',
      'Second',
    ]);
    const note = text.locator('.doc-note');
    await expect(note).toHaveText('As the records schedule says.');
    // The label is drawn by the stylesheet, so the note's text stays exactly the imported text.
    await expect(note).toHaveAttribute('data-note-label', '1');
    expect(await note.evaluate((el) => getComputedStyle(el, '::before').content)).toContain('[');
  });

  test('shows the same structure whether the policy came as Markdown, a web page or a Word document', async ({
    app,
    invoke,
  }) => {
    test.setTimeout(120_000);
    const files = ['v1.md', 'v1.html', 'v1.docx'].map((name) => join(RIVERTON, name));
    await openNewReview(app, invoke, 'Three formats');
    await importThroughPicker(app, await Promise.all(files.map(fileFromDisk)));
    await expect(importedNotice(app, 'v1.docx')).toBeVisible({ timeout: 60_000 });

    const shapes: string[] = [];
    const options = versionSwitcher(app).locator('option');
    await expect(options).toHaveCount(3);
    for (let n = 0; n < 3; n++) {
      await versionSwitcher(app).selectOption({ index: n });
      const text = policyText(app);
      await expect(text.locator('h1')).toHaveText('City of Riverton — Social Media Policy');
      shapes.push(
        await text.evaluate((root) =>
          ['h1', 'h2', 'h3', 'ol > li', 'ul > li', 'ul ul > li', 'th', 'td', 'blockquote', '.doc-note']
            .map((css) => `${css}:${root.querySelectorAll(css).length}`)
            .join(' '),
        ),
      );
    }
    expect(shapes[1]).toBe(shapes[0]);
    expect(shapes[2]).toBe(shapes[0]);
  });

  test('marks where each page of a PDF begins', async ({ app, invoke, saveScreenshot }) => {
    test.setTimeout(120_000);
    const path = join(RIVERTON, 'v1.pdf');
    await openNewReview(app, invoke, 'Riverton from PDF');
    await importThroughPicker(app, [await fileFromDisk(path)]);
    await expect(importedNotice(app, 'v1.pdf')).toBeVisible({ timeout: 60_000 });

    const text = policyText(app);
    await expect(text.locator('h1')).toContainText('City of Riverton');
    const pageStarts = text.locator('[data-page]');
    await expect(pageStarts.first()).toHaveAttribute('data-page', '1');
    const pages = await pageStarts.evaluateAll((elements) =>
      elements.map((el) => Number(el.getAttribute('data-page'))),
    );
    expect(pages.length).toBeGreaterThan(1);
    expect(pages).toEqual([...pages].sort((a, b) => a - b));
    // The marker is drawn in the margin by the stylesheet: "p. 2", read out as "Page 2".
    expect(await pageStarts.nth(1).evaluate((el) => getComputedStyle(el, '::before').content)).toContain('p. ');

    await importedNotice(app, 'v1.pdf').getByRole('button', { name: 'Dismiss message' }).click();
    await pageStarts.nth(1).scrollIntoViewIfNeeded();
    await app.locator('.app-main').evaluate((main) => main.scrollBy(0, 200));
    await saveScreenshot('document-pdf-pages');
  });

  test('imports the real published policies and shows each', async ({ app, invoke }) => {
    test.setTimeout(180_000);
    const names = (await readdir(REAL_POLICIES).catch(() => [] as string[]))
      .filter((name) => /^tts-.*\.md$/.test(name))
      .sort();
    test.skip(names.length === 0, 'the real policies are not there yet');
    await openNewReview(app, invoke, 'TTS policies');
    await dropFiles(
      app,
      documentArea(app).locator('.document-area'),
      await Promise.all(names.map((name) => fileFromDisk(join(REAL_POLICIES, name)))),
    );
    await expect(versionSwitcher(app).locator('option')).toHaveCount(names.length, { timeout: 120_000 });
    for (const name of names) await expect(importedNotice(app, name)).toBeVisible(IMPORT_WAIT);

    const option = versionSwitcher(app).locator('option', { hasText: 'tts-code-of-conduct-2025-02' });
    await versionSwitcher(app).selectOption({ value: (await option.getAttribute('value')) ?? '' });
    const text = policyText(app);
    await expect(text.locator('h2').first()).toHaveText('Introduction');
    await expect(text.locator('ul ul > li').first()).toHaveText('Office chat rooms, like Slack');
  });

  test('shows a policy of 1,700 blocks in full', async ({ app, invoke }) => {
    await openNewReview(app, invoke, 'Long policy');
    await importThroughPicker(app, [textFile('long.txt', LONG_POLICY)]);
    await expect(importedNotice(app, 'long.txt')).toContainText('1700 blocks', { timeout: 60_000 });
    const text = policyText(app);
    await expect(text.locator('h2')).toHaveCount(100);
    await expect(text.locator('p')).toHaveCount(1000);
    await expect(text.locator('li:not(.doc-li-nested)')).toHaveCount(600);
    await text.locator('h2').last().scrollIntoViewIfNeeded();
    await expect(text.locator('h2').last()).toBeInViewport();
    await expect(text.locator('p').last()).toHaveText(/^Rule 100\.10:/);
    // Sections of several screens are skipped off screen; a short one (a build step's first block) is laid out.
    const sections = await text.locator('.doc-section').evaluateAll((elements) =>
      elements.map((element) => ({
        lines: Number((element as HTMLElement).style.getPropertyValue('--section-lines')),
        visibility: getComputedStyle(element).contentVisibility,
      })),
    );
    expect(sections.filter((s) => s.visibility === 'auto').length).toBeGreaterThan(10);
    for (const { lines, visibility } of sections) expect(visibility).toBe(lines < 12 ? 'visible' : 'auto');
  });

  test('highlights a long policy’s annotations on its first screen at once and the rest as the rest is built', async ({
    app,
    invoke,
  }) => {
    const title = 'Long annotated policy';
    const { id: reviewId } = await invoke('reviews.create', { title });
    const imported = await importText(invoke, reviewId, 'long.txt', LONG_POLICY);
    const { text } = await invoke('versions.get', { reviewId, versionId: imported.id });
    const annotate = async (exact: string) => {
      const start = text.indexOf(exact);
      expect(start).toBeGreaterThanOrEqual(0);
      const annotation = await invoke('annotations.add', {
        reviewId,
        versionId: imported.id,
        range: { start, end: start + exact.length, exact },
        criterionIds: ['privacy.data-protection-law'],
        severity: 'major',
        body: { root: { type: 'root', children: [] } },
      });
      return annotation.id;
    };
    // One on the first screen, one past the blocks placed before it, one across the last two paragraphs.
    const early = await annotate('Rule 1.2: staff record each post');
    const late = await annotate('Rule 90.3: staff record each post');
    const across = await annotate('six years.\n\nRule 100.10: staff');
    await invoke('reviews.close', { reviewId });
    await app.reload();
    await openReviewFromLibrary(app, title);
    const marks = policyText(app).locator('mark.annotation-mark');
    await expect(marks.filter({ hasText: 'Rule 1.2: staff record each post' })).toHaveAttribute(
      'data-annotation-ids',
      early,
    );
    await expect(marks.filter({ hasText: 'Rule 90.3: staff record each post' })).toHaveAttribute(
      'data-annotation-ids',
      late,
    );
    await expect(marks.filter({ hasText: 'Rule 100.10: staff' })).toHaveAttribute('data-annotation-ids', across);
    await expect(marks.filter({ hasText: /^six years\.$/ }).last()).toHaveAttribute('data-annotation-ids', across);
    await expect(marks).toHaveCount(4);
  });

  test('never runs what an imported web page carries: scripts, event handlers, javascript: links', async ({
    app,
    invoke,
  }) => {
    const html = `<!doctype html><html><head><script>window.__pwned = 2</script></head><body>
      <h1>Hostile page</h1>
      <p>An image <img src=x onerror="window.__pwned=1"> in a paragraph.</p>
      <script>window.__pwned=2</script>
      <p>Press <a href="javascript:window.__pwned=3">click</a> to continue.</p>
      <p onclick="window.__pwned=4" onmouseover="window.__pwned=5">Hover here</p>
      <iframe srcdoc="<script>parent.__pwned=6</script>"></iframe>
    </body></html>`;
    await openNewReview(app, invoke, 'Hostile page');
    await importThroughPicker(app, [textFile('hostile.html', html)]);
    await expect(importedNotice(app, 'hostile.html')).toBeVisible(IMPORT_WAIT);
    const text = policyText(app);
    await expect(text).toContainText('click');
    await text.getByText('Hover here').hover();
    await text.getByText('click').click();
    await expect(
      text.locator('a[href^="javascript"], img, script, iframe, [onerror], [onclick], [onmouseover]'),
    ).toHaveCount(0);
    expect(await app.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();

    await importThroughPicker(app, [await fileFromDisk(join(RIVERTON, '../../hostile/hostile.html'))]);
    await expect(importedNotice(app, 'hostile.html').nth(1)).toBeVisible();
    await expect(
      policyText(app).locator('a, img, script, iframe, object, embed, form, input, style, link'),
    ).toHaveCount(0);
    expect(await app.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  });
});

/** A plain-text policy of 1,700 blocks: 100 sections of a heading, ten paragraphs and a nested list of six items. */
const LONG_POLICY = Array.from({ length: 100 }, (_, s) => {
  const paragraphs = Array.from(
    { length: 10 },
    (_, p) =>
      `Rule ${s + 1}.${p + 1}: staff record each post, its author and the time it was published, and keep the record for six years.`,
  );
  const items = Array.from({ length: 6 }, (_, i) => `${'  '.repeat(i % 3)}- Item ${s + 1}.${i + 1}`);
  return [`Section ${s + 1}\n----------`, ...paragraphs, items.join('\n')].join('\n\n');
}).join('\n\n');
