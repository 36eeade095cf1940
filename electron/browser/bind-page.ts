import { randomUUID } from 'node:crypto';
import type { BrowserContext, Frame, Page, Request, Route } from 'playwright-core';
import type { ApiResult, AppEvent } from '../../shared/api';
import type { ApiInvoker } from '../services/api/dispatch';
import { loadRendererAsset } from '../services/workstation/renderer-assets';

/**
 * Where the renderer lives when it runs in plain Chromium: an http origin (module scripts do not load from
 * file://) that never touches the network, because every request to it is answered from the built files.
 */
export const BROWSER_APP_ORIGIN = 'http://policy-review.localhost';
export const BROWSER_APP_URL = `${BROWSER_APP_ORIGIN}/index.html`;

/**
 * Where the page's bridge sends each call: a POST of `{ method, args }`, answered with the result as JSON. A request
 * rather than a Playwright binding, because a binding's answer reaches the page as an argument of a DevTools
 * evaluation, which Chromium keeps until memory runs short (5 MB each time a 500-page version is read), where a
 * response body is let go once the page has read it, as an answer over Electron's IPC is.
 */
const INVOKE_PATH = '/__policy-review/invoke';
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
    const path = new URL(request.url()).pathname;
    if (path === INVOKE_PATH) return answerCall(route, services, windowIdOf);
    if (request.method() !== 'GET') return route.fulfill({ status: 405, body: 'Method not allowed' });
    const asset = await loadRendererAsset(rendererDir, path);
    return route.fulfill({ status: asset.status, headers: asset.headers, body: asset.body });
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
  await context.addInitScript({ content: bridgeScript(EVENT_NAME) });
}

/**
 * The page-side half of the bridge, as source text: a function passed to Playwright would be transpiled by
 * whatever runs this file (tsx adds helpers such as `__name` that do not exist in the page).
 */
function bridgeScript(eventName: string): string {
  return `(() => {
  const eventName = ${JSON.stringify(eventName)};
  const bridge = {
    invoke: (method, args) =>
      fetch(${JSON.stringify(INVOKE_PATH)}, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ method, args }),
      }).then((response) => response.json()),
    on: (listener) => {
      const forward = (event) => listener(event.detail);
      window.addEventListener(eventName, forward);
      return () => window.removeEventListener(eventName, forward);
    },
  };
  Object.defineProperty(window, 'policyReview', { value: Object.freeze(bridge), writable: false, configurable: false });
})();`;
}

/**
 * Answers one call from a page: the same check main makes on an IPC sender (only the app's own top-level page may
 * call), then the services' answer. A page gone before the answer leaves nothing to answer.
 */
async function answerCall(route: Route, services: PageServices, windowIdOf: (page: Page) => string): Promise<void> {
  const request = route.request();
  const frame = callerFrame(request);
  let result: ApiResult<unknown>;
  if (!frame || request.method() !== 'POST')
    result = { ok: false, error: { code: 'E_FORBIDDEN', message: 'Only the app’s own window may call it.' } };
  else {
    const call = parsedCall(request.postData());
    result = call
      ? await services.invoke(call.method, call.args, { windowId: windowIdOf(frame.page()) })
      : { ok: false, error: { code: 'E_INVALID_INPUT', message: 'That call could not be read: it is not a call.' } };
  }
  await route
    .fulfill({ status: 200, contentType: 'application/json; charset=utf-8', body: JSON.stringify(result) })
    .catch(() => undefined);
}

/** The app's own top-level page that made a request, if that is who made it. */
function callerFrame(request: Request): Frame | undefined {
  let frame: Frame;
  try {
    frame = request.frame();
  } catch {
    return undefined; // a service worker's request, which the app never makes
  }
  return frame.parentFrame() === null && new URL(frame.url()).origin === BROWSER_APP_ORIGIN ? frame : undefined;
}

/** The method and arguments a bridge sent; the services check both, as they check what IPC brings. */
function parsedCall(body: string | null): { method: unknown; args: unknown } | undefined {
  try {
    const call: unknown = JSON.parse(body ?? '');
    return typeof call === 'object' && call !== null && 'method' in call
      ? { method: call.method, args: 'args' in call ? call.args : undefined }
      : undefined;
  } catch {
    return undefined;
  }
}
