// @ts-check
import { readdirSync } from 'node:fs';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Regular expressions on the import specifier, so a relative path that merely contains "electron/" is not caught.
const ELECTRON = '^electron(/.*)?$';
const NODE_BUILTINS = '^(node:.*|fs|fs/.*|path|os|child_process|crypto|worker_threads|url|util|stream|http|https|net)$';
const REACT_OR_LEXICAL = '^(react|react-dom|lexical|@lexical/.*)(/.*)?$';
const noImportsOf = (regex, message) => ({ regex, message });

/**
 * The renderer as features with a floor: the app shell (renderer/src/app) composes features; a feature reaches
 * another only through its index.ts, never its files, and never climbs to the app shell; api.ts, ui/ and editor/
 * are the floor that imports no feature. Resolved paths, so a relative import cannot slip past.
 */
const FEATURES = 'renderer/src/features';
const FEATURE_NAMES = readdirSync(new URL(`./${FEATURES}`, import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
const FEATURE_INDEX = `**/${FEATURES}/*/index.ts`;
const THROUGH_INDEX = 'A feature is imported only through its index (features/<name>), never its files.';
const RENDERER_ZONES = [
  ...FEATURE_NAMES.map((name) => ({
    target: `./${FEATURES}/${name}`,
    from: `./${FEATURES}/!(${name})/**`,
    except: [FEATURE_INDEX],
    message: THROUGH_INDEX,
  })),
  { target: './renderer/src/app', from: `./${FEATURES}/*/**`, except: [FEATURE_INDEX], message: THROUGH_INDEX },
  {
    target: `./${FEATURES}`,
    from: './renderer/src/app',
    message: 'Features never import the app shell: the shell composes them.',
  },
  {
    target: ['./renderer/src/api.ts', './renderer/src/ui', './renderer/src/editor'],
    from: [`./${FEATURES}`, './renderer/src/app'],
    message: 'api.ts, ui/ and editor/ are the floor: they import no feature and not the app shell.',
  },
];

/**
 * The merge engine (Yjs, and what reads and writes its documents) is loaded only in the engine's process, whose entry
 * is merge-process.ts: a review's history in memory is hundreds of megabytes at 10,000 annotations, and must not be
 * the app's.
 */
const ENGINE_PROCESS_FILES = [
  'merge-process',
  'merge-histories',
  'history-jobs',
  'review-history',
  'package-history',
  'history-format',
  'older-history',
];
const ENGINE_IMPORTS = [
  '^(yjs|@automerge/automerge)(/.*)?$',
  '/merge/(conflicts|merge-reviews|mergeable-review|merged-changes|registers)$',
  `/(${ENGINE_PROCESS_FILES.join('|')})$`,
].join('|');

/**
 * The layering of DESIGN.md, enforced: renderer -> shared <- electron/services <- electron/main, electron/cli.
 * Only electron/main (and the preload) may import 'electron'; the renderer and shared never touch Node;
 * shared stays free of React and Lexical.
 */
export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'fixtures/**/*.js'] },
  ...tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX },
    languageOptions: { globals: { ...globals.node } },
    // Resolve TypeScript imports written without extensions, so the path rules see where each import lands.
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] })],
      // Parse the TypeScript files imports land in, so rules that follow imports (no-cycle) can read them.
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-restricted-imports': [
        'error',
        { patterns: [noImportsOf(ELECTRON, 'Only electron/main and electron/preload may import electron.')] },
      ],
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: './shared',
              from: ['./electron', './renderer', './tests'],
              message: 'shared/ is imported by both sides and imports neither.',
            },
            {
              target: './renderer',
              from: ['./electron', './tests'],
              message: 'The renderer reaches the app only through window.policyReview (renderer/src/api.ts).',
            },
            ...RENDERER_ZONES,
            {
              target: './electron/services',
              from: ['./electron/main', './electron/cli', './electron/preload', './electron/browser', './renderer'],
              message: 'Services are the bottom layer: hosts import them, never the reverse.',
            },
            {
              target: './electron/cli',
              from: ['./electron/main', './electron/preload', './electron/browser'],
              message: 'The CLI stands on the services alone.',
            },
          ],
        },
      ],
    },
  },
  {
    // Types are the app's to share: only values load the engine.
    files: ['electron/**/*.{ts,mts}'],
    ignores: ENGINE_PROCESS_FILES.map((name) => `electron/services/exchange/${name}.ts`),
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: ENGINE_IMPORTS,
              allowTypeImports: true,
              message:
                'The merge engine runs only in its own process (merge-process.ts): the app asks it through merge-in-process.ts.',
            },
          ],
        },
      ],
    },
  },
  {
    // No module may reach itself again through its imports: a cycle hides which of two modules is the lower one.
    files: ['electron/**/*.{ts,mts,mjs}', 'shared/**/*.ts'],
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    files: ['electron/main/**/*.ts', 'electron/preload/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            noImportsOf(ELECTRON, 'The renderer never imports electron; use renderer/src/api.ts.'),
            noImportsOf(NODE_BUILTINS, 'The renderer runs in a sandbox without Node.'),
          ],
        },
      ],
    },
  },
  {
    // No import cycles in the renderer: a cycle would make the features' order (and the floor) a matter of luck.
    files: ['renderer/**/*.{ts,tsx}'],
    // The rule follows imports into other files, which it must parse as TypeScript to see their imports.
    settings: { 'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] } },
    rules: { 'import-x/no-cycle': 'error' },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts', 'shared/model/write-json-schema.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            noImportsOf(ELECTRON, 'shared/ is pure TypeScript: no electron.'),
            noImportsOf(NODE_BUILTINS, 'shared/ is pure TypeScript: no Node.'),
            noImportsOf(REACT_OR_LEXICAL, 'shared/ is pure TypeScript: no React or Lexical.'),
          ],
        },
      ],
    },
  },
);
