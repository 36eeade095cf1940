import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, type Locator, type Page } from '@playwright/test';
import { openReviewFromLibrary } from './screens';

const repo = fileURLToPath(new URL('../../..', import.meta.url));

/** The sample policy the project generates in every format (v1, v2, v3). */
export const RIVERTON = join(repo, 'fixtures/policies/riverton-social-media');
/** Real published policies, as Markdown, kept beside the repository. */
export const REAL_POLICIES = join(repo, '../shared/real-policies');

/** A file as the test hands it to the page: its name, type and bytes. */
export interface PageFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

const MIME_TYPES: Record<string, string> = {
  '.txt': 'text/plain',
  '.md': 'text/markdown',
  '.html': 'text/html',
  '.htm': 'text/html',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.pdf': 'application/pdf',
};

export function textFile(name: string, text: string): PageFile {
  const extension = name.slice(name.lastIndexOf('.')).toLowerCase();
  return { name, mimeType: MIME_TYPES[extension] ?? 'application/octet-stream', buffer: Buffer.from(text, 'utf8') };
}

/** A fixture file, read from disk; a missing one fails the test, naming it, rather than skipping anything. */
export async function fileFromDisk(path: string): Promise<PageFile> {
  if (!existsSync(path))
    throw new Error(`The fixture ${path} is missing: run \`npm run fixtures\`, or restore it from git.`);
  const name = basename(path);
  const extension = name.slice(name.lastIndexOf('.')).toLowerCase();
  return { name, mimeType: MIME_TYPES[extension] ?? 'application/octet-stream', buffer: await readFile(path) };
}

/** A small policy in the project's plain-text conventions, with every structure the text parser knows. */
export const RICH_TXT = `Riverton Social Media Policy
============================

This policy sets out how council staff and elected members use social media on behalf of the council.

Purpose
-------

The council uses social media to inform residents quickly and to listen to them.

Approved accounts
~~~~~~~~~~~~~~~~~

- Corporate accounts
  - Main council account
    - Emergency updates
  - Library account
- Personal accounts of staff

1. Ask the communications team for access
2. Complete the social media training

Platform | Owner | Review
---|---|---
Facebook | Communications team | Every year
Instagram | Libraries | Every six months
`;

/** The same policy, a year later: renamed section, one more platform. */
export const SECOND_TXT = `Riverton Social Media Policy
============================

This policy sets out how council staff use social media.

Scope
-----

It applies to every account that speaks for the council, including library and leisure accounts.
`;

/** A short policy in Markdown with every structure a version can have, to see them all on one screen. */
export const RICH_MD = `---
title: Riverton social media policy
version: "2026"
effective_date: 2026-03-01
---

# Riverton social media policy

The council uses social media to inform residents quickly and to listen to them.[^1]

## Who may post

- Communications team
  - Press officers
    - Out of hours: the duty officer
  - Web editors
- Library staff, for library accounts only

## Approved accounts

| Platform | Owner | Reviewed |
|---|---|---|
| Facebook | Communications | Every year |
| Instagram | Libraries | Every six months |

> No officer shall remove a comment on the ground of the opinion it expresses.

\`\`\`
retention:
  posts: 6 years
\`\`\`

[^1]: As agreed by the council on 1 March 2026.
`;

/** The Document area of the open review. */
export function documentArea(app: Page): Locator {
  return app.getByRole('tabpanel', { name: 'Document' });
}

/** The read-only policy text of the version shown. */
export function policyText(app: Page, label?: string): Locator {
  return app.getByRole('textbox', {
    name: label === undefined ? /^Policy text, version/ : `Policy text, version ${label}`,
  });
}

export function versionSwitcher(app: Page): Locator {
  return app.getByRole('combobox', { name: 'Version' });
}

/** Creates a review through the contract and opens it from the library on its Document area. */
export async function openNewReview(
  app: Page,
  invoke: (method: 'reviews.create', args: { title: string }) => Promise<{ id: string }>,
  title: string,
): Promise<string> {
  const created = await invoke('reviews.create', { title });
  await app.reload();
  await openReviewFromLibrary(app, title);
  await expect(documentArea(app)).toBeVisible();
  return created.id;
}

/** Imports files the way the page's file picker does. */
export async function importThroughPicker(app: Page, files: PageFile[]): Promise<void> {
  await app.getByLabel('Choose policy files to import').setInputFiles(files);
}

/** Drops files on `target` the way a person drags them from the desktop: a DataTransfer holding real Files. */
export async function dropFiles(app: Page, target: Locator, files: PageFile[]): Promise<void> {
  const dataTransfer = await app.evaluateHandle(
    (list) => {
      const transfer = new DataTransfer();
      for (const file of list)
        transfer.items.add(new File([new Uint8Array(file.bytes)], file.name, { type: file.mimeType }));
      return transfer;
    },
    files.map((file) => ({ name: file.name, mimeType: file.mimeType, bytes: [...file.buffer] })),
  );
  await target.dispatchEvent('dragenter', { dataTransfer });
  await target.dispatchEvent('dragover', { dataTransfer });
  await target.dispatchEvent('drop', { dataTransfer });
}

/**
 * How long to wait for an import to finish. Each import runs in a parsing process of its own, one after another,
 * and on a busy two-core machine each takes seconds to start: a queue of them needs more than one expectation's
 * default wait.
 */
export const IMPORT_WAIT = { timeout: 30_000 };

/** Waits until the import of `fileName` reports success, and returns its message. */
export function importedNotice(app: Page, fileName: string): Locator {
  return app.getByRole('status').filter({ hasText: `Imported “${fileName}”` });
}

export function failedNotice(app: Page, fileName: string): Locator {
  return app.getByRole('alert').filter({ hasText: `“${fileName}” was not imported` });
}
