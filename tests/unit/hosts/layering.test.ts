import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../../..', import.meta.url));
const eslint = new ESLint({ cwd: repo });

/** The lint messages for `code` as if it were the file at `path` in the repo. */
async function lint(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${repo}/${path}` });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'import-x/no-restricted-paths')
    .map((m) => m.message);
}

describe('the layering rules of DESIGN.md', () => {
  it.each([
    ['renderer/src/x.ts', "import { readFile } from 'node:fs';\nexport const x = readFile;", 'without Node'],
    [
      'renderer/src/x.ts',
      "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;",
      'never imports electron',
    ],
    [
      'renderer/src/x.ts',
      "import { openWorkstation } from '../../electron/services/workstation/workstation';\nexport const x = openWorkstation;",
      'window.policyReview',
    ],
    ['shared/x.ts', "import { createHash } from 'node:crypto';\nexport const x = createHash;", 'no Node'],
    ['shared/x.ts', "import { useState } from 'react';\nexport const x = useState;", 'no React or Lexical'],
    ['shared/x.ts', "import { $getRoot } from 'lexical';\nexport const x = $getRoot;", 'no React or Lexical'],
    [
      'shared/x.ts',
      "import { ReviewLibrary } from '../electron/services/library/review-library';\nexport const x = ReviewLibrary;",
      'imports neither',
    ],
    ['electron/services/x.ts', "import { app } from 'electron';\nexport const x = app;", 'Only electron/main'],
    [
      'electron/services/x.ts',
      "import { serveApiOverIpc } from '../main/ipc';\nexport const x = serveApiOverIpc;",
      'bottom layer',
    ],
    ['electron/cli/x.ts', "import { app } from 'electron';\nexport const x = app;", 'Only electron/main'],
    [
      'renderer/src/features/compare/x.ts',
      "import { shortQuote } from '../annotations/labels';\nexport const x = shortQuote;",
      'only through its index',
    ],
    [
      'renderer/src/app/x.ts',
      "import { CompareArea } from '../features/compare/CompareArea';\nexport const x = CompareArea;",
      'only through its index',
    ],
    [
      'renderer/src/features/compare/x.ts',
      "import { App } from '../../app/App';\nexport const x = App;",
      'never import the app shell',
    ],
    [
      'renderer/src/ui/x.ts',
      "import { shortQuote } from '../features/annotations';\nexport const x = shortQuote;",
      'are the floor',
    ],
  ])('fails an import that climbs a layer (%s: %s)', async (path, code, expected) => {
    const messages = await lint(path, code);
    expect(messages.join('\n')).toContain(expected);
  });

  it.each([
    [
      'electron/main/x.ts',
      "import { app } from 'electron';\nimport { openWorkstation } from '../services/workstation/workstation';\nexport const x = [app, openWorkstation];",
    ],
    ['renderer/src/x.ts', "import { API } from '../../shared/api';\nexport const x = API;"],
    [
      'renderer/src/features/compare/x.ts',
      "import { shortQuote } from '../annotations';\nimport { WordDiff } from './WordDiff';\nexport const x = [shortQuote, WordDiff];",
    ],
    [
      'renderer/src/app/x.ts',
      "import { CompareArea } from '../features/compare';\nimport { callInReview } from '../api';\nexport const x = [CompareArea, callInReview];",
    ],
    [
      'electron/services/x.ts',
      "import { API } from '../../shared/api';\nimport { readFile } from 'node:fs/promises';\nexport const x = [API, readFile];",
    ],
  ])('allows an import that follows the layers (%s)', async (path, code) => {
    expect(await lint(path, code)).toEqual([]);
  });
});
