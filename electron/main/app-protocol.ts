import { protocol } from 'electron';
import { loadRendererAsset } from '../services/workstation/renderer-assets';
import { APP_HOST, APP_SCHEME } from './trusted-url';

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
    if (url.host !== APP_HOST || request.method !== 'GET') return new Response('Not found', { status: 404 });
    const asset = await loadRendererAsset(rendererDir, url.pathname);
    return new Response(new Uint8Array(asset.body), { status: asset.status, headers: asset.headers });
  });
}
