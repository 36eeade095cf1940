import { access, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEST_IDENTITY } from '../report/support-review';
import { useTempDirs } from '../support/temp-dir';
import { call, failure, reviewWithVersion, workstationOn } from '../annotations/support-review';

const tempDir = useTempDirs();
const CA_CERTIFICATE = join(TEST_IDENTITY, 'test-ca.cert.pem');
const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );

/** What the host's native dialogs answer next, as a person would pick: the files opened, the path saved to. */
function nativeDialogs() {
  const next = { files: [] as string[], savePath: undefined as string | undefined };
  return { next, options: { chooseFiles: async () => next.files, chooseSaveFile: async () => next.savePath } };
}

describe('tokens of main’s file dialogs are bound to their purpose and window', () => {
  it('refuses to write a report where a person chose to save a checklist template, and leaves the token to the template', async () => {
    const dialogs = nativeDialogs();
    const { ws, reviewId } = await reviewWithVersion(await tempDir(), dialogs.options);
    dialogs.next.savePath = join(await tempDir(), 'our checklist.json');
    const { token } = (await call(ws, 'files.chooseSave', {
      purpose: 'checklist-template',
      suggestedName: 'checklist.json',
    }))!;

    const refused = await failure(ws, 'report.export', {
      reviewId,
      format: 'md',
      destination: { kind: 'chosen', token },
    });
    expect(refused).toMatchObject({
      code: 'E_FORBIDDEN',
      message: expect.stringContaining(
        'made for saving a checklist template, so it cannot be used for saving a report',
      ),
    });
    expect(await exists(dialogs.next.savePath)).toBe(false);

    expect(
      await call(ws, 'checklist.exportTemplate', { reviewId, destination: { kind: 'chosen', token } }),
    ).toMatchObject({ saved: true });
    expect(JSON.parse(await readFile(dialogs.next.savePath, 'utf8'))).toMatchObject({
      format: 'policy-review-checklist',
    });
  });

  it('refuses to trust a certificate from a file chosen for importing a policy version', async () => {
    const dialogs = nativeDialogs();
    const ws = await workstationOn(await tempDir(), dialogs.options);
    dialogs.next.files = [CA_CERTIFICATE];
    const [forImport] = await call(ws, 'files.choose', { purpose: 'import-version' });

    expect(
      await failure(ws, 'identities.trust', { source: { kind: 'chosen', token: forImport!.token } }),
    ).toMatchObject({
      code: 'E_FORBIDDEN',
      message: expect.stringContaining(
        'made for importing a policy version, so it cannot be used for trusting a certificate',
      ),
    });
    expect(await call(ws, 'identities.listTrusted', {})).toEqual([]);

    const [forTrust] = await call(ws, 'files.choose', { purpose: 'certificate' });
    expect(await call(ws, 'identities.trust', { source: { kind: 'chosen', token: forTrust!.token } })).toMatchObject({
      name: expect.any(String),
    });
    expect(await call(ws, 'identities.listTrusted', {})).toHaveLength(1);
  });

  it('refuses a file token another window was given, and lets the window that chose spend it', async () => {
    const dialogs = nativeDialogs();
    const ws = await workstationOn(await tempDir(), dialogs.options);
    dialogs.next.files = [CA_CERTIFICATE];
    const [chosen] = await call(ws, 'files.choose', { purpose: 'certificate' }, { windowId: 'chooser' });

    expect(
      await failure(
        ws,
        'identities.trust',
        { source: { kind: 'chosen', token: chosen!.token } },
        { windowId: 'other' },
      ),
    ).toMatchObject({
      code: 'E_FORBIDDEN',
      message: expect.stringContaining('made in another window'),
    });
    expect(await call(ws, 'identities.listTrusted', {})).toEqual([]);
    await call(ws, 'identities.trust', { source: { kind: 'chosen', token: chosen!.token } }, { windowId: 'chooser' });
    expect(await call(ws, 'identities.listTrusted', {})).toHaveLength(1);
  });

  it('refuses a save token another window was given', async () => {
    const dialogs = nativeDialogs();
    const { ws, reviewId } = await reviewWithVersion(await tempDir(), dialogs.options);
    dialogs.next.savePath = join(await tempDir(), 'report.md');
    const { token } = (await call(
      ws,
      'files.chooseSave',
      { purpose: 'report', suggestedName: 'report.md' },
      { windowId: 'chooser' },
    ))!;

    const refused = await failure(
      ws,
      'report.export',
      { reviewId, format: 'md', destination: { kind: 'chosen', token } },
      { windowId: 'other' },
    );
    expect(refused).toMatchObject({ code: 'E_FORBIDDEN', message: expect.stringContaining('made in another window') });
    expect(await exists(dialogs.next.savePath)).toBe(false);
    expect(
      await call(
        ws,
        'report.export',
        { reviewId, format: 'md', destination: { kind: 'chosen', token } },
        { windowId: 'chooser' },
      ),
    ).toMatchObject({ saved: true });
  });

  it('spends a token once, for the use it was granted for', async () => {
    const dialogs = nativeDialogs();
    const ws = await workstationOn(await tempDir(), dialogs.options);
    dialogs.next.files = [CA_CERTIFICATE];
    const [chosen] = await call(ws, 'files.choose', { purpose: 'certificate' });
    await call(ws, 'identities.trust', { source: { kind: 'chosen', token: chosen!.token } });
    expect(await failure(ws, 'identities.trust', { source: { kind: 'chosen', token: chosen!.token } })).toMatchObject({
      code: 'E_NOT_FOUND',
    });
  });
});
