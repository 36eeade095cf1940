import { expect, test } from './support/fixtures';
import { policyText } from './support/documents';
import {
  annotationsOn,
  annotationsPanel,
  markedText,
  markOf,
  reloadAndReopen,
  startWorkshop,
} from './support/workspace';

test.describe('writing an annotation with the keyboard', () => {
  test('starts from a highlight, picks criteria, formats the comment with lists and a safe link, and edits it later in place', async ({
    app,
    invoke,
  }) => {
    test.setTimeout(120_000);
    const workshop = await startWorkshop(app, invoke, 'Keyboard annotation');
    const version = await invoke('versions.get', { reviewId: workshop.reviewId, versionId: workshop.v2.id });
    const exact = 'Communications Office';
    const start = version.text.indexOf(`The ${exact} administers`) + 4;
    const existing = await invoke('annotations.add', {
      reviewId: workshop.reviewId,
      versionId: version.id,
      range: { start, end: start + exact.length, exact },
      criterionIds: ['governance.roles-approval'],
      severity: 'info',
      body: { root: { type: 'root', children: [] } },
    });
    await reloadAndReopen(app, workshop.title);
    const panel = annotationsPanel(app);
    // The view is not rebuilt while annotations come and go: this mark on its root element must survive.
    await policyText(app).evaluate((root) => root.setAttribute('data-test-mounted', 'once'));

    // Tab reaches the highlight; Shift+Right Arrow selects from its start, word by word with Ctrl.
    await markOf(app, existing.id).first().focus();
    await expect(app.getByRole('tooltip')).toContainText('Roles, responsibilities and approval');
    for (let i = 0; i < 5; i++) await app.keyboard.press('Control+Shift+ArrowRight');
    await app.keyboard.press('Control+Alt+M');
    const quote = panel.locator('blockquote');
    await expect(quote).toHaveText(/^Communications Office administers this policy/);
    const selected = (await quote.textContent()) ?? '';

    // The picker: type, move with the arrows, Enter to choose, Backspace to take the last one back.
    const picker = panel.getByRole('combobox', { name: 'Criteria' });
    await expect(picker).toBeFocused();
    await app.keyboard.type('training');
    await expect(picker).toHaveAttribute('aria-expanded', 'true');
    await app.keyboard.press('Enter');
    await app.keyboard.type('management support');
    await app.keyboard.press('Enter');
    const chosen = panel.getByRole('list', { name: 'Chosen criteria' });
    await expect(chosen.getByRole('listitem')).toHaveText([
      /Training and awareness/,
      /Management support and accountability/,
    ]);
    await app.keyboard.press('Backspace');
    await expect(chosen.getByRole('listitem')).toHaveText([/Training and awareness/]);
    await app.keyboard.type('roles');
    await app.keyboard.press('ArrowDown');
    await expect(panel.getByRole('option', { name: /Roles, responsibilities and approval/ })).toBeVisible();
    await app.keyboard.press('Escape');
    await expect(picker).toHaveAttribute('aria-expanded', 'false');
    await picker.fill('');

    // Severity by arrow keys, then the comment: a bulleted list and a link.
    await app.keyboard.press('Tab');
    await expect(panel.getByRole('radio', { name: 'Minor' })).toBeFocused();
    await app.keyboard.press('ArrowRight');
    await expect(panel.getByRole('radio', { name: 'Major' })).toBeChecked();
    const comment = panel.getByRole('textbox', { name: 'Comment' });
    await comment.focus();
    await app.keyboard.type('Two gaps:');
    await app.keyboard.press('Enter');
    await app.keyboard.press('Control+Shift+8');
    await app.keyboard.type('no deputy is named');
    await app.keyboard.press('Enter');
    await app.keyboard.type('see the rules');
    await expect(comment.locator('ul > li')).toHaveCount(2);
    await expect(panel.getByRole('button', { name: 'Bulleted list' })).toHaveAttribute('aria-pressed', 'true');
    await expect(panel.getByText('Draft saved')).toBeVisible();
    for (let i = 0; i < 'the rules'.length; i++) await app.keyboard.press('Shift+ArrowLeft');
    expect(await app.evaluate(() => document.getSelection()?.toString())).toBe('the rules');
    await app.keyboard.press('Control+K');
    const address = panel.getByRole('textbox', { name: 'Link address' });
    await expect(address).toBeFocused();
    await address.fill('javascript:alert(1)');
    await address.press('Enter');
    await expect(panel.getByRole('alert')).toContainText('Links may only point to http, https or mailto addresses.');
    await address.fill('example.org/social-media-rules');
    await address.press('Enter');
    await expect(comment.locator('a')).toHaveText('the rules');
    await expect(comment).toBeFocused();
    await app.keyboard.press('Control+Enter');

    await expect.poll(async () => (await annotationsOn(invoke, workshop.reviewId, version.id)).length).toBe(2);
    const added = (await annotationsOn(invoke, workshop.reviewId, version.id)).find((a) => a.id !== existing.id)!;
    expect(added.target.selector[0].exact).toBe(selected);
    expect(added.criterionIds).toEqual(['governance.training']);
    expect(JSON.stringify(added.body)).toContain('"url":"https://example.org/social-media-rules"');
    const thread = panel.getByRole('article');
    await expect(thread.getByRole('link', { name: 'the rules' })).toHaveAttribute(
      'href',
      'https://example.org/social-media-rules',
    );
    await expect(thread.getByRole('listitem').filter({ hasText: 'no deputy is named' })).toBeVisible();
    // The new highlight covers exactly the selected words, and overlaps the one it started from.
    await expect.poll(() => markedText(app, added.id)).toBe(selected);
    await expect(
      policyText(app).locator(`mark[data-annotation-ids~="${existing.id}"][data-annotation-ids~="${added.id}"]`),
    ).toHaveText(exact);

    // Editing the severity recolours the highlight in place.
    await thread.getByRole('button', { name: 'Edit' }).click();
    await panel.getByRole('radio', { name: 'Critical' }).check();
    await panel.getByRole('button', { name: 'Save changes' }).click();
    await expect(markOf(app, added.id).last()).toHaveAttribute('data-severity', 'critical');

    // Ctrl+K at typing speed links the words selected on screen, even before the editor has heard that the
    // selection moved (the page tells it on `selectionchange`, which can come after the next key).
    await thread.getByRole('button', { name: 'Edit' }).click();
    const editing = panel.getByRole('textbox', { name: 'Comment' });
    await expect(editing).toContainText('no deputy is named');
    await editing.focus();
    await app.keyboard.press('Control+End');
    await app.evaluate(() => new Promise((settled) => requestAnimationFrame(() => requestAnimationFrame(settled))));
    await editing.evaluate((root) => {
      const item = Array.from(root.querySelectorAll('li')).find((li) => li.textContent?.includes('no deputy'))!;
      const words = document.createTreeWalker(item, NodeFilter.SHOW_TEXT).nextNode()!;
      const from = words.textContent!.indexOf('deputy');
      document.getSelection()!.setBaseAndExtent(words, from, words, from + 'deputy'.length);
      root.dispatchEvent(
        new KeyboardEvent('keydown', { key: 'k', code: 'KeyK', ctrlKey: true, bubbles: true, cancelable: true }),
      );
    });
    await panel.getByRole('textbox', { name: 'Link address' }).fill('example.org/deputies');
    await panel.getByRole('textbox', { name: 'Link address' }).press('Enter');
    await expect(editing.getByRole('link')).toHaveText(['deputy', 'the rules']);
    await panel.getByRole('button', { name: 'Save changes' }).click();
    await expect(thread.getByRole('link', { name: 'deputy' })).toHaveAttribute('href', 'https://example.org/deputies');
    await expect(policyText(app)).toHaveAttribute('data-test-mounted', 'once');
  });
});
