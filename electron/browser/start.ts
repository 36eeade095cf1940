// `npm run start:browser`: the same UI and the same services as the desktop app, in a local Chromium window,
// for machines where the Electron runtime cannot be downloaded. Nothing is served on a network port.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { resolveDataDir } from '../services/workstation/data-dir';
import { openWorkstation } from '../services/workstation/workstation';
import { BROWSER_APP_URL, serveAppInContext } from './bind-page';
import { chromiumArgs, findChromium } from './find-chromium';
import { windowEngineSwitches } from '../services/workstation/window-engine';

const rendererDir = fileURLToPath(new URL('../../out/renderer', import.meta.url));
const samplePolicyDir = fileURLToPath(new URL('../../fixtures/policies/riverton-social-media', import.meta.url));

function stop(message: string): never {
  console.error(`\n${message}\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  if (!existsSync(rendererDir))
    stop('The app is not built yet. Run `npm run build`, then `npm run start:browser` again.');
  const executablePath = findChromium();
  if (!executablePath) {
    stop(
      'No Chromium or Chrome was found on this computer. Install one (on Debian or Ubuntu: ' +
        '`sudo apt-get install chromium`), or set CHROMIUM_PATH to its program file, then run `npm ' +
        'run start:browser` again.',
    );
  }
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    stop(
      'There is no screen to open a window on (neither DISPLAY nor WAYLAND_DISPLAY is set). Run ' +
        'this from a desktop session, or use the `policy-review` command line.',
    );
  }
  const dataDir = resolveDataDir();
  const workstation = await openWorkstation({ dataDir, host: 'browser', samplePolicyDir });
  // A persistent context opened in app mode: one window without tabs or address bar, whose first page is ours.
  const profile = await mkdtemp(join(tmpdir(), 'policy-review-browser-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: false,
    viewport: null,
    args: [...chromiumArgs(), ...windowEngineSwitches(), '--app=about:blank', '--window-size=1360,880'],
  });
  await serveAppInContext(context, rendererDir, workstation);
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(BROWSER_APP_URL);
  console.log(
    `Policy Review Workstation is open in Chromium. Reviews are kept in ${dataDir}. Close the window to quit.`,
  );

  let quitting = false;
  const quit = async () => {
    if (quitting) return;
    quitting = true;
    await workstation.close();
    await context.close().catch(() => undefined);
    await rm(profile, { recursive: true, force: true });
    process.exit(0);
  };
  page.on('close', () => void quit());
  context.on('close', () => void quit());
  process.on('SIGINT', () => void quit());
  process.on('SIGTERM', () => void quit());
}

main().catch((error: unknown) =>
  stop(`Policy Review Workstation could not start: ${error instanceof Error ? error.message : String(error)}`),
);
