import { expect, test } from './support/fixtures';

// These guards live in Electron's main process (electron/main/security.ts, ipc.ts). In plain Chromium the page is
// served by the test harness, so they can be watched at work only where the Electron runtime exists; elsewhere
// tests/unit/hosts/security-guards.test.ts runs them against a stand-in for the 'electron' module.
const inElectron = process.env.E2E_ELECTRON === '1';

test.describe('the Electron shell keeps the app page in place', () => {
  test.skip(
    !inElectron,
    'needs the Electron runtime (E2E_ELECTRON=1); tests/unit/hosts/security-guards.test.ts covers the guards',
  );

  test('a link to another site does not replace the app page', async ({ app }) => {
    const before = app.url();
    await app.evaluate(() => {
      const link = document.createElement('a');
      link.href = 'https://example.org/';
      document.body.append(link);
      link.click();
    });
    await app.waitForTimeout(500);
    expect(app.url()).toBe(before);
  });

  test('a _blank link opens no window', async ({ app }) => {
    const before = app.url();
    await app.evaluate(() => window.open('https://example.org/', '_blank'));
    await app.waitForTimeout(500);
    expect(app.url()).toBe(before);
    expect(app.context().pages()).toHaveLength(1);
  });

  test('a script cannot redirect the page away from the app', async ({ app }) => {
    const before = app.url();
    await app.evaluate(() => {
      window.location.href = 'file:///etc/passwd';
    });
    await app.waitForTimeout(500);
    expect(app.url()).toBe(before);
  });
});

test('the content security policy blocks inline script in the page', async ({ app, expectConsoleError }) => {
  expectConsoleError(/Content Security Policy/);
  const ran = await app.evaluate(async () => {
    const marker = '__inlineRan';
    const script = document.createElement('script');
    script.textContent = `window.${marker} = true;`;
    document.head.append(script);
    await new Promise((resolve) => setTimeout(resolve, 50));
    return (window as unknown as Record<string, unknown>)[marker] === true;
  });
  expect(ran).toBe(false);
});
