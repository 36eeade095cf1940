import { expect, test } from './support/fixtures';

test('the app shell loads and talks to the services', async ({ app }) => {
  await expect(app.getByRole('heading', { level: 1 })).toContainText('Policy Review Workstation 0.1.0');
});
