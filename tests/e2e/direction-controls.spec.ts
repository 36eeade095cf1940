import type { Locator } from '@playwright/test';
import { PDF, PDI, RLI, RLO, textWithBidi } from '../../fixtures/generator/hidden-text';
import { importedNotice, importThroughPicker, openNewReview, policyText, textFile } from './support/documents';
import { expect, test } from './support/fixtures';
import { annotationsOn, annotationsPanel, markedText, pickCriteria, selectWithMouse } from './support/workspace';

/** The words an override would turn around, with the override and its pop, as the version's text has them. */
const REVERSED = `${RLO}fdp.exe${PDF}`;
const SENTENCE = `Attach the form ${REVERSED} to the reply`;

/** Where the first and last letters of `word` are drawn, left to right on screen. */
async function letterPositions(text: Locator, word: string): Promise<{ first: number; last: number }> {
  return text.evaluate((root, wanted) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      const at = node.data.indexOf(wanted);
      if (at < 0) continue;
      const left = (offset: number) => {
        const range = document.createRange();
        range.setStart(node, offset);
        range.setEnd(node, offset + 1);
        return range.getBoundingClientRect().left;
      };
      return { first: left(at), last: left(at + wanted.length - 1) };
    }
    throw new Error(`“${wanted}” is not in the policy text`);
  }, word);
}

test.describe('direction controls in a policy', () => {
  test('show as labelled marks that turn nothing around, and selections and highlights across them keep to the version’s text', async ({
    app,
    invoke,
    saveScreenshot,
  }) => {
    await invoke('settings.set', { user: { name: 'Amira Haddad', role: 'chair', email: 'amira.haddad@example.org' } });
    await openNewReview(app, invoke, 'Privacy notice');
    await importThroughPicker(app, [textFile('privacy.txt', textWithBidi())]);
    await expect(importedNotice(app, 'privacy.txt')).toContainText('One thing to check');
    await expect(importedNotice(app, 'privacy.txt')).toContainText(
      'Characters that change the direction of text (⟨RLO⟩, ⟨PDF⟩, ⟨RLI⟩, ⟨PDI⟩)',
    );

    // Each control is a mark of its own, labelled, and takes room on the line (the character alone takes none).
    const text = policyText(app);
    const marks = text.locator('.doc-bidi-control');
    await expect(marks).toHaveCount(4);
    expect(await marks.evaluateAll((all) => all.map((mark) => (mark as HTMLElement).dataset['bidi']))).toEqual([
      'RLO',
      'PDF',
      'RLI',
      'PDI',
    ]);
    expect(await marks.evaluateAll((all) => all.map((mark) => mark.textContent))).toEqual([RLO, PDF, RLI, PDI]);
    const label = await marks.first().evaluate((mark) => getComputedStyle(mark, '::before').content);
    expect(label).toContain('⟨');
    for (const width of await marks.evaluateAll((all) => all.map((mark) => mark.getBoundingClientRect().width)))
      expect(width).toBeGreaterThan(12);

    // The override turns nothing: “fdp.exe” reads left to right, as stored, not as “exe.pdf”.
    const { first, last } = await letterPositions(text, 'fdp.exe');
    expect(first).toBeLessThan(last);

    // A selection across the marks is the version's text between its ends, and so is the annotation made from it.
    await importedNotice(app, 'privacy.txt').getByRole('button', { name: 'Dismiss message' }).click();
    await selectWithMouse(app, SENTENCE);
    await app.getByRole('button', { name: /^Annotate/ }).click();
    const panel = annotationsPanel(app);
    await expect(panel.locator('blockquote')).toHaveText('Attach the form ⟨RLO⟩fdp.exe⟨PDF⟩ to the reply');
    await pickCriteria(app, ['purpose and scope']);
    await panel.getByRole('textbox', { name: 'Comment' }).click();
    await app.keyboard.type('Ask for the form by name; the file name is written backwards.');
    await panel.getByRole('button', { name: 'Save annotation' }).click();

    const [review] = await invoke('reviews.list', {}).then((list) => list.filter((r) => r.title === 'Privacy notice'));
    const opened = await invoke('reviews.open', { reviewId: review!.id });
    const version = opened.review.versions[0]!;
    await expect.poll(async () => (await annotationsOn(invoke, review!.id, version.id)).length).toBe(1);
    const [annotation] = await annotationsOn(invoke, review!.id, version.id);
    const [quote, position] = annotation!.target.selector;
    expect(quote.exact).toBe(SENTENCE);
    expect(position).toMatchObject({ type: 'TextPositionSelector' });
    const stored = await invoke('versions.get', { reviewId: review!.id, versionId: version.id });
    expect(stored.text.slice(position!.start, position!.end)).toBe(SENTENCE);
    // The highlight covers exactly those characters, the controls included, and still shows their marks.
    await expect.poll(() => markedText(app, annotation!.id)).toBe(SENTENCE);
    await expect(text.locator(`mark[data-annotation-ids~="${annotation!.id}"] .doc-bidi-control`)).toHaveCount(2);
    await text.locator('.doc-bidi-control').first().scrollIntoViewIfNeeded();
    await saveScreenshot('document-direction-controls');
  });
});
