import { beforeEach, describe, expect, it, vi } from 'vitest';
import { INVOKE_CHANNEL } from '../../../shared/api';

/**
 * The Electron runtime cannot run here, so the shell's guards (electron/main/security.ts, ipc.ts) run against a
 * stand-in for the 'electron' module that holds only what they use, and records what they register.
 */
const electron = vi.hoisted(() => {
  type Listener = (...args: never[]) => unknown;
  const appListeners = new Map<string, Listener>();
  const ipcHandlers = new Map<string, Listener>();
  const session = {
    permissionRequest: undefined as Listener | undefined,
    permissionCheck: undefined as Listener | undefined,
    devicePermission: undefined as Listener | undefined,
    beforeRequest: undefined as { filter: { urls: string[] }; listener: Listener } | undefined,
  };
  const module = {
    app: { on: (name: string, listener: Listener) => appListeners.set(name, listener) },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (listener: Listener) => (session.permissionRequest = listener),
        setPermissionCheckHandler: (listener: Listener) => (session.permissionCheck = listener),
        setDevicePermissionHandler: (listener: Listener) => (session.devicePermission = listener),
        webRequest: {
          onBeforeRequest: (filter: { urls: string[] }, listener: Listener) =>
            (session.beforeRequest = { filter, listener }),
        },
      },
    },
    ipcMain: { handle: (channel: string, listener: Listener) => ipcHandlers.set(channel, listener) },
    BrowserWindow: { fromWebContents: () => null },
    dialog: { showMessageBox: vi.fn(() => Promise.resolve({ response: 1 })) },
    shell: { openExternal: vi.fn(() => Promise.resolve()) },
  };
  return { module, appListeners, ipcHandlers, session };
});
vi.mock('electron', () => electron.module);

const { installSecurityGuards } = await import('../../../electron/main/security');
const { serveApiOverIpc } = await import('../../../electron/main/ipc');

const APP_PAGE = 'app://policy-review/index.html';

/** A page's webContents as the guards see it: the listeners they attach, and the window-open handler they set. */
class FakeContents {
  readonly listeners = new Map<string, (event: { preventDefault(): void }, url?: string) => void>();
  windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;
  on(name: string, listener: (event: { preventDefault(): void }, url?: string) => void) {
    this.listeners.set(name, listener);
    return this;
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler;
  }
  /** Emits `name` as Electron would; answers whether a guard prevented it. */
  emit(name: string, url?: string): boolean {
    const listener = this.listeners.get(name);
    if (!listener) throw new Error(`no guard listens to ${name}`);
    let prevented = false;
    listener({ preventDefault: () => (prevented = true) }, url);
    return prevented;
  }
}

/** A page the app created, with the guards attached through app's `web-contents-created`. */
function guardedPage(): FakeContents {
  const contents = new FakeContents();
  const created = electron.appListeners.get('web-contents-created') as
    ((event: unknown, contents: FakeContents) => void) | undefined;
  if (!created) throw new Error('the guards do not watch for new pages');
  created({}, contents);
  return contents;
}

/** Lets the prompt's promise chain run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

beforeEach(() => {
  electron.appListeners.clear();
  electron.ipcHandlers.clear();
  electron.module.dialog.showMessageBox.mockClear();
  electron.module.shell.openExternal.mockClear();
  installSecurityGuards();
});

describe('the Electron shell’s guards on every page', () => {
  it('lets a page navigate only within the app', () => {
    const page = guardedPage();
    expect(page.emit('will-navigate', 'app://policy-review/index.html#/review/1')).toBe(false);
    for (const url of [
      'https://example.org/',
      'file:///etc/passwd',
      'app://evil/index.html',
      'javascript:alert(1)',
      'data:text/html,hi',
    ]) {
      expect(page.emit('will-navigate', url), url).toBe(true);
    }
  });

  it('stops a redirect away from the app', () => {
    const page = guardedPage();
    expect(page.emit('will-redirect', 'https://example.org/')).toBe(true);
    expect(page.emit('will-redirect', APP_PAGE)).toBe(false);
  });

  it('never attaches a webview', () => {
    expect(guardedPage().emit('will-attach-webview')).toBe(true);
  });

  it('opens no window, and offers an https link to the system browser only after the person agrees', async () => {
    const page = guardedPage();
    const { dialog, shell } = electron.module;
    expect(page.windowOpenHandler?.({ url: 'https://www.w3.org/TR/annotation-model/' })).toEqual({ action: 'deny' });
    await settle();
    expect(dialog.showMessageBox).toHaveBeenCalledTimes(1);
    expect(shell.openExternal).not.toHaveBeenCalled();

    dialog.showMessageBox.mockResolvedValueOnce({ response: 0 });
    expect(page.windowOpenHandler?.({ url: 'https://www.w3.org/TR/annotation-model/' })).toEqual({ action: 'deny' });
    await settle();
    expect(shell.openExternal).toHaveBeenCalledWith('https://www.w3.org/TR/annotation-model/');
  });

  it('opens no window and asks nothing for a link that is not plain https', async () => {
    const page = guardedPage();
    for (const url of [
      'http://example.org/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      APP_PAGE,
      'https://user:pw@example.org/',
    ]) {
      expect(page.windowOpenHandler?.({ url }), url).toEqual({ action: 'deny' });
    }
    await settle();
    expect(electron.module.dialog.showMessageBox).not.toHaveBeenCalled();
    expect(electron.module.shell.openExternal).not.toHaveBeenCalled();
  });

  it('denies every permission request and check', () => {
    const { permissionRequest, permissionCheck, devicePermission } = electron.session;
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'openExternal',
      'fullscreen',
    ]) {
      const callback = vi.fn();
      (permissionRequest as (contents: unknown, permission: string, callback: (granted: boolean) => void) => void)(
        {},
        permission,
        callback,
      );
      expect(callback, permission).toHaveBeenCalledWith(false);
      expect((permissionCheck as (contents: unknown, permission: string) => boolean)({}, permission), permission).toBe(
        false,
      );
    }
    expect((devicePermission as (details: unknown) => boolean)({ deviceType: 'usb' })).toBe(false);
  });

  it('cancels every request to the network', () => {
    const guard = electron.session.beforeRequest;
    expect(guard?.filter.urls).toEqual(expect.arrayContaining(['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*']));
    const callback = vi.fn();
    (guard?.listener as (details: unknown, callback: (response: { cancel: boolean }) => void) => void)(
      { url: 'https://example.org/' },
      callback,
    );
    expect(callback).toHaveBeenCalledWith({ cancel: true });
  });
});

describe('the IPC channel', () => {
  type Handler = (event: unknown, method: unknown, args: unknown) => Promise<unknown>;

  function serve() {
    const invoke = vi.fn(() => Promise.resolve({ ok: true as const, value: 'served' }));
    serveApiOverIpc(invoke);
    const handler = electron.ipcHandlers.get(INVOKE_CHANNEL) as Handler | undefined;
    if (!handler) throw new Error(`nothing handles ${INVOKE_CHANNEL}`);
    return { invoke, handler };
  }

  const sentFrom = (frame: { url: string; parent: unknown } | null, senderId = 7) => ({
    senderFrame: frame,
    sender: { id: senderId },
  });

  it('passes a call from the app’s own top-level page to the services, naming the window it came from', async () => {
    const { invoke, handler } = serve();
    expect(await handler(sentFrom({ url: APP_PAGE, parent: null }), 'reviews.list', {})).toEqual({
      ok: true,
      value: 'served',
    });
    expect(invoke).toHaveBeenCalledWith('reviews.list', {}, { windowId: '7' });
  });

  it.each([
    ['another site', { url: 'https://example.org/', parent: null }],
    ['a file page', { url: 'file:///tmp/page.html', parent: null }],
    ['a frame inside the app page', { url: APP_PAGE, parent: { url: APP_PAGE } }],
    ['a frame that is gone', null],
  ])('refuses a call from %s with E_FORBIDDEN, without reaching the services', async (_what, frame) => {
    const { invoke, handler } = serve();
    expect(await handler(sentFrom(frame), 'reviews.list', {})).toMatchObject({
      ok: false,
      error: { code: 'E_FORBIDDEN' },
    });
    expect(invoke).not.toHaveBeenCalled();
  });
});
