import { expect, test } from './support/fixtures';
import { reviewCard } from './support/screens';

const NAME_PROMPT = 'Before your first change: who are you?';
const NAME_FIELD = 'Your name, as the committee will see it';

test.describe('settings', () => {
  // A new installation: no name yet.
  test.use({ userName: '' });

  test('prompts for a name until one is set, and keeps name, role and email after a reload', async ({
    app,
    invoke,
    saveScreenshot,
  }) => {
    const prompt = app.getByRole('status').filter({ hasText: 'Add your name' });
    await expect(prompt).toContainText('recorded as the author of your work');
    await expect(app.getByRole('complementary')).toContainText('Name not set');

    await prompt.getByRole('button', { name: 'Set your name' }).click();
    const dialog = app.getByRole('dialog', { name: 'Settings' });
    await expect(dialog.getByRole('textbox', { name: 'Your name' })).toBeFocused();
    await dialog.getByRole('textbox', { name: 'Your name' }).fill('Ingrid Solberg');
    await dialog.getByRole('combobox', { name: 'Your role' }).selectOption('secretary');
    await dialog.getByRole('textbox', { name: 'Email' }).fill('ingrid.solberg@example.org');
    await saveScreenshot('settings-dialog');
    await dialog.getByRole('button', { name: 'Save settings' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(prompt).toHaveCount(0);
    await expect(app.getByRole('complementary')).toContainText('Ingrid Solberg');
    await expect(app.getByRole('complementary')).toContainText('Secretary');

    await app.reload();
    await expect(app.getByRole('complementary')).toContainText('Ingrid Solberg');
    await app.getByRole('button', { name: 'Settings' }).click();
    await expect(dialog.getByRole('textbox', { name: 'Your name' })).toHaveValue('Ingrid Solberg');
    await expect(dialog.getByRole('combobox', { name: 'Your role' })).toHaveValue('secretary');
    await expect(dialog.getByRole('textbox', { name: 'Email' })).toHaveValue('ingrid.solberg@example.org');
    expect(await invoke('settings.get', {})).toEqual({
      user: { name: 'Ingrid Solberg', role: 'secretary', email: 'ingrid.solberg@example.org' },
    });
  });

  test('refuses an email address that is not one, and Escape closes without saving', async ({ app, invoke }) => {
    const settingsButton = app.getByRole('button', { name: 'Settings' });
    await settingsButton.click();
    const dialog = app.getByRole('dialog', { name: 'Settings' });
    await dialog.getByRole('textbox', { name: 'Your name' }).fill('Ingrid Solberg');
    await dialog.getByRole('textbox', { name: 'Email' }).fill('ingrid at example');
    await dialog.getByRole('button', { name: 'Save settings' }).click();
    await expect(dialog.getByRole('textbox', { name: 'Email' })).toHaveAttribute('aria-invalid', 'true');
    await expect(dialog).toContainText('Enter an email address like name@example.org');

    await app.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await expect(settingsButton).toBeFocused();
    expect((await invoke('settings.get', {})).user.name).toBe('');
  });

  test('asks for the name at the first piece of work, in a dialog that holds focus, and records the work under it', async ({
    app,
    invoke,
    saveScreenshot,
  }) => {
    const { computerUserName } = await invoke('app.info', {});
    await app.getByRole('textbox', { name: 'New review' }).fill('Parks and recreation accounts');
    const create = app.getByRole('button', { name: 'Create review' });
    await create.click();

    const prompt = app.getByRole('dialog', { name: NAME_PROMPT });
    const field = prompt.getByRole('textbox', { name: NAME_FIELD });
    await expect(field).toBeFocused();
    await expect(prompt).toContainText(`If you skip this, your work is recorded under “${computerUserName}”`);
    await saveScreenshot('name-prompt');
    // Nothing is created until the person has answered.
    expect(await invoke('reviews.list', {})).toEqual([]);
    for (let i = 0; i < 4; i++) await app.keyboard.press('Tab');
    await expect(prompt.locator(':focus')).toHaveCount(1);

    await field.focus();
    await app.keyboard.press('Enter');
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(prompt).toContainText(`Type your name, or choose Continue as “${computerUserName}”.`);
    await field.fill('Ingrid Solberg');
    await app.keyboard.press('Enter');

    await expect(prompt).toHaveCount(0);
    await expect(reviewCard(app, 'Parks and recreation accounts')).toBeVisible();
    await expect(create).toBeFocused();
    await expect(app.getByRole('complementary')).toContainText('Ingrid Solberg');
    const [created] = await invoke('reviews.list', {});
    const { review } = await invoke('reviews.read', { reviewId: created!.id });
    expect([review.committee[0]?.name, review.audit[0]?.actor.name]).toEqual(['Ingrid Solberg', 'Ingrid Solberg']);

    // Asked once: the next piece of work goes straight through.
    await app.getByRole('textbox', { name: 'New review' }).fill('Code of conduct');
    await create.click();
    await expect(reviewCard(app, 'Code of conduct')).toBeVisible();
    await expect(prompt).toHaveCount(0);
  });

  test('keeps the computer’s user name when the person skips the question, and says so', async ({ app, invoke }) => {
    const { computerUserName } = await invoke('app.info', {});
    await app.getByRole('textbox', { name: 'New review' }).fill('Parks and recreation accounts');
    await app.getByRole('button', { name: 'Create review' }).click();
    const prompt = app.getByRole('dialog', { name: NAME_PROMPT });
    await prompt.getByRole('button', { name: `Continue as “${computerUserName}”` }).click();

    await expect(prompt).toHaveCount(0);
    await expect(
      app.getByRole('status').filter({ hasText: `Your work is recorded under “${computerUserName}”` }),
    ).toBeVisible();
    await expect(reviewCard(app, 'Parks and recreation accounts')).toBeVisible();
    expect((await invoke('settings.get', {})).user.name).toBe(computerUserName);
    const [created] = await invoke('reviews.list', {});
    const { review } = await invoke('reviews.read', { reviewId: created!.id });
    expect(review.committee[0]?.name).toBe(computerUserName);
  });
});
