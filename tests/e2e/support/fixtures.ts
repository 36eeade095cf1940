import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron, chromium, test as base, type Browser, type Page } from '@playwright/test';
import type { ApiResult, MethodArgs, MethodName, MethodResult } from '../../../shared/api';
import { BROWSER_APP_URL, serveAppInContext } from '../../../electron/browser/bind-page';
import { chromiumArgs, findChromium } from '../../../electron/browser/find-chromium';
import { windowEngineSwitches } from '../../../electron/services/workstation/window-engine';
import { SettingsStore } from '../../../electron/services/settings/settings-store';
import { checkAccessibility } from './accessibility';
import { openTestWorkstation } from '../../support/test-workstation';

const repo = fileURLToPath(new URL('../../..', import.meta.url));
const rendererDir = join(repo, 'out/renderer');
export const SCREENSHOT_DIR = join(repo, 'test-results/screenshots');
/** The README's pictures of the main screens, tracked in git and written again by every run that shows them. */
export const README_SCREENS_DIR = join(repo, 'tests/e2e/readme-screens');
/** The size the README's pictures are taken at, whatever size the test's window has. */
const README_VIEWPORT = { width: 1280, height: 800 };
const SAMPLE_POLICY_DIR = join(repo, 'fixtures/policies/riverton-social-media');
const useElectron = process.env.E2E_ELECTRON === '1';
const expectedConsoleErrors: RegExp[] = [];

export interface AppFixtures {
  /**
   * Option: the name the data folder's settings start with, so the app does not ask for one at the first piece of
   * work; '' starts without a name, as a new installation does.
   */
  userName: string;
  /** A fresh data folder for this test alone, its settings holding `userName`. */
  dataDir: string;
  /** The app's window: the real renderer, talking to the real services through the real contract. */
  app: Page;
  /** Calls the contract from inside the page, exactly as the renderer does. */
  invoke: <M extends MethodName>(method: M, args: MethodArgs<M>) => Promise<MethodResult<M>>;
  /**
   * Saves a screenshot of the window under test-results/screenshots/ for people to look at, and checks the same
   * screen with axe-core: a serious or critical accessibility violation fails the test.
   */
  saveScreenshot: (name: string) => Promise<void>;
  /**
   * Saves a picture of the window for the README (tests/e2e/readme-screens/<name>.png) at one fixed size, so the
   * README shows the screens as the tests last saw them (Chromium host only: one set of pictures). The screen is
   * checked with axe-core as saveScreenshot's are.
   */
  saveReadmeScreen: (name: string) => Promise<void>;
  /** Console errors the test provokes on purpose; any other console or page error fails the test. */
  expectConsoleError: (pattern: RegExp) => void;
  /**
   * Option: the paths a stand-in native file dialog answers `files.choose` with, as Electron's would (Chromium
   * host only). Unset, the window has no file dialog, like the browser host.
   */
  dialogFiles: string[] | undefined;
  /**
   * Holds every call of one contract method at the door until the returned function is called, then lets them
   * through to the real service in order (Chromium host only). For tests of what a person can do while work waits.
   */
  holdCalls: (method: MethodName) => () => void;
  /**
   * A second laptop beside the first: its own data folder, services and window (Chromium host only), for the
   * exchange of review packages between two computers.
   */
  otherLaptop: Laptop;
}

type Invoke = <M extends MethodName>(method: M, args: MethodArgs<M>) => Promise<MethodResult<M>>;

/** One computer of the committee: a window of the app on its own data folder. */
export interface Laptop {
  app: Page;
  dataDir: string;
  invoke: Invoke;
}

/** Calls the contract from inside `page`, exactly as the renderer does. */
function invokeIn(page: Page): Invoke {
  return async (method, args) => {
    const result = (await page.evaluate(([m, a]) => window.policyReview!.invoke(m, a), [
      method,
      args,
    ] as const)) as ApiResult<never>;
    if (!result.ok) throw new Error(`${method} failed: ${result.error.code} ${result.error.message}`);
    return result.value;
  };
}

/**
 * Opens the app in a new browser context over fresh services on `dataDir`, as the browser host serves it; `close`
 * ends both and answers the errors the page logged.
 */
async function openBrowserApp(
  browser: Browser,
  dataDir: string,
  options: { dialogFiles?: string[] | undefined; callGate?: CallGate },
): Promise<{ page: Page; close: () => Promise<string[]> }> {
  const { dialogFiles, callGate } = options;
  // Its service processes start from the build, as the renderer served is the build's.
  const workstation = await openTestWorkstation({
    dataDir,
    samplePolicyDir: SAMPLE_POLICY_DIR,
    ...(dialogFiles ? { chooseFiles: async () => dialogFiles } : {}),
  });
  const context = await browser.newContext({ viewport: { width: 1360, height: 880 } });
  await serveAppInContext(context, rendererDir, {
    invoke: async (method, args, caller) => {
      await callGate?.pass(method);
      return workstation.invoke(method, args, caller);
    },
    onEvent: (listener) => workstation.onEvent(listener),
    windowClosed: (windowId) => workstation.windowClosed(windowId),
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  await page.goto(BROWSER_APP_URL);
  return {
    page,
    close: async () => {
      await context.close();
      await workstation.close();
      return problems;
    },
  };
}

/** Fails the test with the page errors nobody expected (a CSP violation, an exception). */
function failOnUnexpected(problems: string[]): void {
  const unexpected = problems.filter((p) => !expectedConsoleErrors.some((pattern) => pattern.test(p)));
  if (unexpected.length) throw new Error(unexpected.join('\n'));
}

/** Calls of the held methods wait here; releasing a method lets its waiting and later calls through. */
class CallGate {
  private readonly held = new Map<string, Promise<void>>();

  hold(method: string): () => void {
    let release!: () => void;
    this.held.set(method, new Promise<void>((resolve) => (release = resolve)));
    return () => {
      this.held.delete(method);
      release();
    };
  }

  async pass(method: unknown): Promise<void> {
    if (typeof method === 'string') await this.held.get(method);
  }
}

export const test = base.extend<AppFixtures & { callGate: CallGate }, { chromiumBrowser: Browser }>({
  chromiumBrowser: [
    async ({}, use) => {
      if (useElectron) return use(undefined as unknown as Browser);
      const executablePath = findChromium();
      if (!executablePath)
        throw new Error('E2E tests need Chromium: install it (apt-get install chromium) or set CHROMIUM_PATH.');
      const browser = await chromium.launch({
        executablePath,
        headless: true,
        args: [...chromiumArgs(), ...windowEngineSwitches(), '--disable-gpu'],
      });
      await use(browser);
      await browser.close();
    },
    { scope: 'worker' },
  ],

  userName: ['Ingrid Solberg', { option: true }],

  dataDir: async ({ userName }, use) => {
    const dir = await mkdtemp(join(tmpdir(), 'policy-review-e2e-'));
    await startSettings(dir, userName);
    await use(dir);
    await rm(dir, { recursive: true, force: true });
  },

  expectConsoleError: async ({}, use) => {
    await use((pattern) => expectedConsoleErrors.push(pattern));
    expectedConsoleErrors.length = 0;
  },

  dialogFiles: [undefined, { option: true }],

  callGate: async ({}, use) => use(new CallGate()),

  holdCalls: async ({ callGate }, use) => {
    if (useElectron)
      test.skip(true, 'Holding contract calls needs the Chromium host, where the test binds the services.');
    await use((method) => callGate.hold(method));
  },

  app: async ({ chromiumBrowser, callGate, dataDir, dialogFiles, expectConsoleError: _registered }, use) => {
    if (useElectron) {
      const electronApp = await _electron.launch({
        args: [join(repo, 'out/main/index.js')],
        env: { ...process.env, POLICY_REVIEW_DATA_DIR: dataDir },
      });
      const page = await electronApp.firstWindow();
      await page.setViewportSize({ width: 1360, height: 880 });
      await use(page);
      await electronApp.close();
      return;
    }
    const { page, close } = await openBrowserApp(chromiumBrowser, dataDir, { dialogFiles, callGate });
    await use(page);
    failOnUnexpected(await close());
  },

  invoke: async ({ app }, use) => use(invokeIn(app)),

  otherLaptop: async ({ chromiumBrowser, userName, expectConsoleError: _registered }, use) => {
    test.skip(useElectron, 'A second laptop needs the Chromium host, where the test binds the services.');
    const dataDir = await mkdtemp(join(tmpdir(), 'policy-review-e2e-other-'));
    await startSettings(dataDir, userName);
    const { page, close } = await openBrowserApp(chromiumBrowser, dataDir, {});
    await use({ app: page, dataDir, invoke: invokeIn(page) });
    const problems = await close();
    await rm(dataDir, { recursive: true, force: true });
    failOnUnexpected(problems);
  },

  saveScreenshot: async ({ app }, use) => {
    await mkdir(SCREENSHOT_DIR, { recursive: true });
    await use(async (name) => {
      const screen = `${name}${useElectron ? '.electron' : ''}`;
      await app.screenshot({ path: join(SCREENSHOT_DIR, `${screen}.png`) });
      await checkAccessibility(app, screen);
    });
  },

  saveReadmeScreen: async ({ app }, use) => {
    await mkdir(README_SCREENS_DIR, { recursive: true });
    await use(async (name) => {
      if (useElectron) return;
      const size = app.viewportSize();
      await app.setViewportSize(README_VIEWPORT);
      // Nothing in motion: a caret or a transition would make two runs of the same screen differ.
      await app.screenshot({ path: join(README_SCREENS_DIR, `${name}.png`), animations: 'disabled', caret: 'hide' });
      if (size) await app.setViewportSize(size);
      await checkAccessibility(app, `readme-${name}`);
    });
  },
});

/** Settings for a test's data folder, with `userName` as the person's name ('' for none). */
async function startSettings(dataDir: string, userName: string): Promise<void> {
  if (!userName) return;
  const settings = await SettingsStore.open(dataDir);
  await settings.update({ user: { name: userName, role: 'member', email: '' } });
}

export const expect = test.expect;
