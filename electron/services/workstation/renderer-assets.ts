import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { isNodeError } from '../storage/json-file-adapter';

/**
 * The policy the renderer runs under, wherever it is served from (the app:// protocol, the browser host, the
 * e2e tests): only its own scripts and styles, nothing from the network, no plugins, no framing, no forms.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  // data: images only (Vite inlines small icons as data: URLs); an image cannot run script.
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

const MEDIA_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

export interface RendererAsset {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/**
 * The built renderer file for a URL path, with the security headers. Paths that climb out of the renderer folder
 * or name nothing get 404, never another file on disk.
 */
export async function loadRendererAsset(rendererDir: string, urlPath: string): Promise<RendererAsset> {
  let path: string;
  try {
    path = decodeURIComponent(urlPath.split(/[?#]/)[0] ?? '/');
  } catch {
    return notFound();
  }
  if (path === '/' || path === '') path = '/index.html';
  const root = normalize(rendererDir + sep);
  const file = normalize(join(root, path));
  if (!file.startsWith(root) || path.includes('\0')) return notFound();
  try {
    const body = await readFile(file);
    return {
      status: 200,
      headers: {
        'content-type': MEDIA_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
        'content-security-policy': CONTENT_SECURITY_POLICY,
        'x-content-type-options': 'nosniff',
        'cache-control': 'no-store',
      },
      body,
    };
  } catch (error) {
    if (isNodeError(error, 'ENOENT') || isNodeError(error, 'EISDIR')) return notFound();
    throw error;
  }
}

function notFound(): RendererAsset {
  return { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: Buffer.from('Not found') };
}
