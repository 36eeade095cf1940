import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, loadRendererAsset } from '../../../electron/services/workstation/renderer-assets';
import { useTempDirs } from '../support/temp-dir';

const tempDir = useTempDirs();

async function rendererFolder(): Promise<string> {
  const root = await tempDir();
  const dir = join(root, 'renderer');
  await mkdir(join(dir, 'assets'), { recursive: true });
  await writeFile(join(dir, 'index.html'), '<!doctype html><title>app</title>');
  await writeFile(join(dir, 'assets', 'main.js'), 'console.log(1)');
  await writeFile(join(root, 'secret.txt'), 'do not serve');
  return dir;
}

describe('serving the built renderer', () => {
  it('serves index.html for the root, with the strict content security policy', async () => {
    const asset = await loadRendererAsset(await rendererFolder(), '/');
    expect(asset.status).toBe(200);
    expect(asset.headers['content-type']).toContain('text/html');
    expect(asset.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-inline');
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
  });

  it('serves scripts as JavaScript', async () => {
    const asset = await loadRendererAsset(await rendererFolder(), '/assets/main.js?v=1');
    expect(asset.headers['content-type']).toContain('text/javascript');
    expect(asset.body.toString()).toBe('console.log(1)');
  });

  it.each([
    '/../secret.txt',
    '/%2e%2e/secret.txt',
    '/assets/../../secret.txt',
    '/%00',
    '/%E0%A4%A',
    '/missing.js',
    '/assets',
  ])('answers 404 and never another file for %s', async (path) => {
    const asset = await loadRendererAsset(await rendererFolder(), path);
    expect(asset.status).toBe(404);
    expect(asset.body.toString()).not.toContain('do not serve');
  });
});
