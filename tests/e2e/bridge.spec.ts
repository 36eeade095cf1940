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
