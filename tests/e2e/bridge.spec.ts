import { expect, test } from './support/fixtures';
import { SCHEMA_VERSION } from '../../shared/model';

test.describe('the bridge between the page and the services', () => {
  test('gives the page one frozen object, window.policyReview with invoke and on, and no Node', async ({ app }) => {
    const globals = await app.evaluate(() => ({
      bridgeKeys: Object.keys(window.policyReview ?? {}),
      frozen: Object.isFrozen(window.policyReview),
      require: typeof (window as unknown as { require?: unknown }).require,
      process: typeof (window as unknown as { process?: unknown }).process,
    }));
    expect(globals).toEqual({ bridgeKeys: ['invoke', 'on'], frozen: true, require: 'undefined', process: 'undefined' });
  });

  test('refuses a method that is not in the contract', async ({ app }) => {
    const result = await app.evaluate(() => window.policyReview!.invoke('fs.readFile', { path: '/etc/passwd' }));
    expect(result).toMatchObject({ ok: false, error: { code: 'E_UNKNOWN_METHOD' } });
  });

  test('refuses arguments that fail the method’s schema', async ({ app }) => {
    const result = await app.evaluate(() =>
      window.policyReview!.invoke('reviews.rename', { reviewId: '../x', title: 'y' }),
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'E_INVALID_INPUT' } });
  });

  test('answers a valid call with the real services', async ({ invoke, dataDir }) => {
    const info = await invoke('app.info', {});
    expect(info).toMatchObject({ name: 'Policy Review Workstation', schemaVersion: SCHEMA_VERSION, dataDir });
  });
});

// In plain Chromium the bridge's calls are requests to the app's own origin (electron/browser/bind-page.ts); the
// Electron shell's own checks are in tests/unit/hosts/security-guards.test.ts.
test.describe('the browser host’s door to the services', () => {
  test.skip(process.env.E2E_ELECTRON === '1', 'the Electron shell calls over IPC, not through this door');

  test('answers only the app’s own top-level page: not a frame inside it, not a plain GET, not a malformed call', async ({
    app,
  }) => {
    const answers = await app.evaluate(async () => {
      const door = '/__policy-review/invoke';
      const call = JSON.stringify({ method: 'app.info', args: {} });
      const frame = document.createElement('iframe');
      document.body.append(frame);
      const fromFrame = await frame.contentWindow!.fetch(door, { method: 'POST', body: call }).then((r) => r.json());
      frame.remove();
      return {
        fromPage: await fetch(door, { method: 'POST', body: call }).then((r) => r.json()),
        fromFrame,
        get: await fetch(door).then((r) => r.json()),
        malformed: await fetch(door, { method: 'POST', body: '{"method":' }).then((r) => r.json()),
      };
    });
    expect(answers.fromPage).toMatchObject({ ok: true, value: { name: 'Policy Review Workstation' } });
    expect(answers.fromFrame).toMatchObject({ ok: false, error: { code: 'E_FORBIDDEN' } });
    expect(answers.get).toMatchObject({ ok: false, error: { code: 'E_FORBIDDEN' } });
    expect(answers.malformed).toMatchObject({ ok: false, error: { code: 'E_INVALID_INPUT' } });
  });
});
