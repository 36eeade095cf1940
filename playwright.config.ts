import { defineConfig } from '@playwright/test';

// One spec set, two hosts: the built renderer in Chromium (Debian's, or CHROMIUM_PATH) with the API bound to the
// real services (default), or the built Electron app when E2E_ELECTRON=1. See tests/e2e/support/fixtures.ts.
export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results/playwright',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: true,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  use: { trace: 'retain-on-failure', screenshot: 'only-on-failure' },
});
