import { expect, test } from './support/fixtures';

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
});
