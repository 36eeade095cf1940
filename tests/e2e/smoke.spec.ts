import { expect, test } from './support/fixtures';

test('the app shell loads and talks to the services', async ({ app }) => {
  await expect(app.getByText('Policy Review Workstation', { exact: true })).toBeVisible();
  // The version comes from app.info, so seeing it proves the page reached the real services.
  await expect(app.getByText('Version 0.1.0')).toBeVisible();
  await expect(app.getByRole('heading', { level: 1, name: 'Review library' })).toBeVisible();
});
