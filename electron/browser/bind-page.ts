import { randomUUID } from 'node:crypto';
import type { BrowserContext, Page } from 'playwright-core';
import type { ApiResult, AppEvent } from '../../shared/api';
import type { ApiInvoker } from '../services/api/dispatch';
import { loadRendererAsset } from '../services/workstation/renderer-assets';

/**
 * Where the renderer lives when it runs in plain Chromium: an http origin (module scripts do not load from
 * file://) that never touches the network, because every request to it is answered from the built files.
 */
export const BROWSER_APP_ORIGIN = 'http://policy-review.localhost';
export const BROWSER_APP_URL = `${BROWSER_APP_ORIGIN}/index.html`;

const BINDING = '__policyReviewInvoke';
const EVENT_NAME = 'policy-review:event';

/** What the page needs from the services: the invoker, and the events to forward to it. */
export interface PageServices {
  invoke: ApiInvoker;
  onEvent(listener: (event: AppEvent) => void): () => void;
  windowClosed(windowId: string): Promise<void>;
}

/**
 * Serves the built renderer in a Chromium context and gives its pages the same `window.policyReview` the
 * Electron preload gives, bound to the real services. Every other request is refused: nothing from the network.
 */
export async function serveAppInContext(
  context: BrowserContext,
  rendererDir: string,
  services: PageServices,
): Promise<void> {
  await context.route('**/*', (route) => route.abort('blockedbyclient'));
  await context.route(`${BROWSER_APP_ORIGIN}/**`, async (route) => {
    const request = route.request();
    if (request.method() !== 'GET') return route.fulfill({ status: 405, body: 'Method not allowed' });
    const asset = await loadRendererAsset(rendererDir, new URL(request.url()).pathname);
    return route.fulfill({ status: asset.status, headers: asset.headers, body: asset.body });
  });
  // The answer crosses as one JSON string, parsed by the bridge below: Playwright serialises an object value by
  // value, which for a 1,700-block comparison took most of a second, where Electron's IPC takes milliseconds.
  // Chromium keeps each answer's text (it reaches the page as an argument of a DevTools evaluation) until memory
  // runs short: 5 MB each time a 500-page version is read. Answering through requests to the app's origin kept
  // nothing, but a call then took 4.8 ms rather than 1.9 and the document's first screen 45 ms rather than 35,
  // further from Electron's IPC than the kept text is from its memory.
  await context.exposeBinding(BINDING, async (source, method: unknown, args: unknown): Promise<string> => {
    // The same check main makes on an IPC sender: only the app's own top-level page may call.
    const trusted =
      source.frame === source.page.mainFrame() && new URL(source.frame.url()).origin === BROWSER_APP_ORIGIN;
    const result: ApiResult<unknown> = trusted
      ? await services.invoke(method, args, { windowId: windowIdOf(source.page) })
      : { ok: false, error: { code: 'E_FORBIDDEN', message: 'Only the app’s own window may call it.' } };
    return JSON.stringify(result);
  });
  // Each page is a window of its own: the reviews it edits are released when it closes.
  const windowIds = new WeakMap<Page, string>();
  function windowIdOf(page: Page): string {
    let id = windowIds.get(page);
    if (id === undefined) {
      id = randomUUID();
      windowIds.set(page, id);
      const windowId = id;
      page.once('close', () => void services.windowClosed(windowId));
    }
    return id;
  }
  // Events go to every page of the context as a DOM event the bridge below listens for.
  const stop = services.onEvent((event) => {
    for (const page of context.pages()) {
      // Source text, like bridgeScript below, so no transpiler helper ends up in the page.
      void page
        .evaluate(
          `window.dispatchEvent(new CustomEvent(${JSON.stringify(EVENT_NAME)}, { detail: ${JSON.stringify(event)} }))`,
        )
        .catch(() => undefined);
    }
  });
  context.on('close', stop);
  await context.addInitScript({ content: bridgeScript(BINDING, EVENT_NAME) });
}

/**
 * The page-side half of the bridge, as source text: a function passed to Playwright would be transpiled by
 * whatever runs this file (tsx adds helpers such as `__name` that do not exist in the page).
 */
function bridgeScript(binding: string, eventName: string): string {
  return `(() => {
  const call = window[${JSON.stringify(binding)}];
  const eventName = ${JSON.stringify(eventName)};
  const bridge = {
    invoke: (method, args) => (call ? call(method, args).then(JSON.parse) : Promise.reject(new Error('no bridge'))),
    on: (listener) => {
      const forward = (event) => listener(event.detail);
      window.addEventListener(eventName, forward);
      return () => window.removeEventListener(eventName, forward);
    },
  };
  Object.defineProperty(window, 'policyReview', { value: Object.freeze(bridge), writable: false, configurable: false });
})();`;
}
