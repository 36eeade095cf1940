import { protocol } from 'electron';
import { loadRendererAsset } from '../services/renderer-assets';

export const APP_SCHEME = 'app';
export const APP_ORIGIN = 'app://policy-review';
export const APP_START_URL = `${APP_ORIGIN}/index.html`;

/** Must run before the app is ready: app:// behaves like a secure web origin (module scripts, fetch, storage). */
export function registerAppSchemePrivileges(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Serves the built renderer, and nothing else, on app://policy-review/. */
export function serveRendererOnAppProtocol(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== 'policy-review' || request.method !== 'GET') return new Response('Not found', { status: 404 });
    const asset = await loadRendererAsset(rendererDir, url.pathname);
    return new Response(new Uint8Array(asset.body), { status: asset.status, headers: asset.headers });
  });
}

export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === 'policy-review';
  } catch {
    return false;
  }
}
