import { expect, test } from './support/fixtures';
import { openReviewFromLibrary, showArea } from './support/screens';

test.describe('the committee area', () => {
  test('adds, edits and removes members with their role and email', async ({ app, invoke, saveScreenshot }) => {
    await invoke('settings.set', { user: { name: 'Amira Haddad', role: 'chair', email: 'amira.haddad@example.org' } });
    const review = await invoke('reviews.create', { title: 'Social-media policy 2026' });
    await invoke('reviews.close', { reviewId: review.id });
    await app.reload();
    await openReviewFromLibrary(app, 'Social-media policy 2026');
    const panel = await showArea(app, 'Committee');
    const table = panel.getByRole('table', { name: /Committee members/ });
    // Whoever creates a review is its first member.
    await expect(table.getByRole('row', { name: /Amira Haddad/ })).toContainText('Chair');

    await panel.getByRole('button', { name: 'Add member' }).click();
    let dialog = app.getByRole('dialog', { name: 'Add a committee member' });
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Jonas Berg');
    await dialog.getByRole('combobox', { name: 'Role' }).selectOption('legal');
    await dialog.getByRole('textbox', { name: 'Email' }).fill('not an address');
    await dialog.getByRole('button', { name: 'Add member' }).click();
    await expect(dialog.getByText('Enter an email address like name@example.org')).toBeVisible();
    await saveScreenshot('member-dialog');
    await dialog.getByRole('textbox', { name: 'Email' }).fill('jonas.berg@example.org');
    await dialog.getByRole('button', { name: 'Add member' }).click();
    await expect(dialog).toHaveCount(0);

    await panel.getByRole('button', { name: 'Add member' }).click();
    dialog = app.getByRole('dialog', { name: 'Add a committee member' });
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Lea Novak');
    await dialog.getByRole('combobox', { name: 'Role' }).selectOption('stakeholder');
    await dialog.getByRole('button', { name: 'Add member' }).click();
    await expect(dialog).toHaveCount(0);

    await expect(table.getByRole('row', { name: /Jonas Berg/ })).toContainText('Legal advisor');
    await expect(table.getByRole('row', { name: /Jonas Berg/ })).toContainText('jonas.berg@example.org');
    await expect(table.getByRole('row', { name: /Lea Novak/ })).toContainText('Stakeholder representative');
    await expect(app.getByRole('tab', { name: 'Committee' })).toContainText('3');
    await saveScreenshot('review-committee');

    await table.getByRole('button', { name: 'Edit Jonas Berg' }).click();
    dialog = app.getByRole('dialog', { name: 'Edit Jonas Berg' });
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Jonas Berg-Nilsen');
    await dialog.getByRole('combobox', { name: 'Role' }).selectOption('privacy');
    await dialog.getByRole('button', { name: 'Save member' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(table.getByRole('row', { name: /Jonas Berg-Nilsen/ })).toContainText('Privacy officer');

    await table.getByRole('button', { name: 'Remove Amira Haddad' }).click();
    const confirm = app.getByRole('dialog', { name: 'Remove Amira Haddad from the committee?' });
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await expect(table.getByRole('row', { name: /Amira Haddad/ })).toBeVisible();
    await table.getByRole('button', { name: 'Remove Amira Haddad' }).click();
    await confirm.getByRole('button', { name: 'Remove member' }).click();
    await expect(table.getByRole('row', { name: /Amira Haddad/ })).toHaveCount(0);

    await app.getByRole('button', { name: 'Library' }).first().click();
    const opened = await invoke('reviews.open', { reviewId: review.id });
    const live = opened.review.committee.filter((m) => !m.deletedAt);
    expect(live.map((m) => [m.name, m.role, m.email])).toEqual([
      ['Jonas Berg-Nilsen', 'privacy', 'jonas.berg@example.org'],
      ['Lea Novak', 'stakeholder', undefined],
    ]);
  });

  test('says what to do when the committee is empty', async ({ app, invoke }) => {
    const review = await invoke('reviews.create', { title: 'Nobody yet' });
    await invoke('committee.set', { reviewId: review.id, members: [] });
    await invoke('reviews.close', { reviewId: review.id });
    await app.reload();
    await openReviewFromLibrary(app, 'Nobody yet');
    const panel = await showArea(app, 'Committee');
    await expect(panel.getByRole('heading', { name: 'No committee members yet' })).toBeVisible();
    await expect(panel).toContainText('Add the chair, the secretary and the members');
    await panel.getByRole('button', { name: 'Add member' }).click();
    const dialog = app.getByRole('dialog', { name: 'Add a committee member' });
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Ada Chair');
    await dialog.getByRole('combobox', { name: 'Role' }).selectOption('chair');
    await dialog.getByRole('button', { name: 'Add member' }).click();
    await expect(panel.getByRole('row', { name: /Ada Chair/ })).toBeVisible();
    // The button that opened the dialog is gone with the empty state; focus lands on the area's heading.
    await expect(panel.getByRole('heading', { name: 'Committee', level: 2 })).toBeFocused();
  });
});
