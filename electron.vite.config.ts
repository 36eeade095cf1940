import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import { CONTENT_SECURITY_POLICY } from './electron/services/workstation/renderer-assets';

const root = import.meta.dirname;

/**
 * The page also carries the content security policy as a meta tag, from the same constant the hosts send as a
 * header: defence in depth, and visible to tools (Electronegativity) that read the built files.
 */
function contentSecurityPolicyMeta(): Plugin {
  return {
    name: 'policy-review:csp-meta',
    // frame-ancestors only works as a header; in a meta tag the browser warns and ignores it.
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: {
          'http-equiv': 'Content-Security-Policy',
          content: CONTENT_SECURITY_POLICY.split('; ')
            .filter((d) => !d.startsWith('frame-ancestors'))
            .join('; '),
        },
        injectTo: 'head-prepend',
      },
    ],
  };
}

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // Bundled, tree-shaken, the libraries every command of the command line loads at start: from node_modules
      // zod loads ~95 files (every locale), jsonc-parser its CommonJS build, lowdb adapters no command uses, and
      // strip-ansi (with ansi-regex) two files found by Node's package lookup even for --help. Likewise what a Word
      // import's worker loads before it converts (mammoth with underscore, jszip and lop, ~300 files; htmlparser2;
      // hastscript with property-information): found, read and linked file by file, a new worker was ready to convert
      // in ~200 ms rather than ~120 ms, in the way of every import whose parsing process was not started ahead. It
      // loads only for Word.
      externalizeDeps: {
        exclude: ['zod', 'jsonc-parser', 'lowdb', 'strip-ansi', 'mammoth', 'htmlparser2', 'hastscript'],
      },
      // The CLI is built beside main so `policy-review` runs the very services the app runs.
      rolldownOptions: {
        input: {
          index: resolve(root, 'electron/main/index.ts'),
          cli: resolve(root, 'electron/cli/index.ts'),
          // The parsing process `policy-review import` starts first of all; the import benchmark starts it as the
          // app's file dialog does.
          'parser-warm-up': resolve(root, 'electron/cli/parser-warm-up.ts'),
          // An import parses its file in a process of its own started from this file (parser-process.ts), whose
          // parsers run in worker threads started from the next (run-parser.ts).
          'import-process': resolve(root, 'electron/services/import/import-process.ts'),
          'import-worker': resolve(root, 'electron/services/import/import-worker.ts'),
          // A merge runs its engine in a process of its own started from this file (merge-in-process.ts).
          'merge-process': resolve(root, 'electron/services/exchange/merge-process.ts'),
        },
        // One flat folder, so `new URL('./import-worker.js', import.meta.url)` finds the entry from any chunk.
        output: { chunkFileNames: '[name]-[hash].js' },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload cannot require anything but 'electron': bundle every dependency into one CommonJS file.
      externalizeDeps: false,
      isolatedEntries: true,
      rolldownOptions: {
        input: { index: resolve(root, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    plugins: [react(), contentSecurityPolicyMeta()],
    resolve: {
      // Keep the development builds of React and Lexical out of the shipped bundle.
      conditions: ['production', 'browser', 'module', 'import', 'default'],
    },
    build: {
      outDir: resolve(root, 'out/renderer'),
      minify: true,
      rolldownOptions: { input: { index: resolve(root, 'renderer/index.html') } },
    },
  },
});
