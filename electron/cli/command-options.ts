// The commands' options, apart from the rest of the command line so `import` can read its arguments before the
// rest loads (parser-warm-up.ts).
import type { ParseArgsConfig } from 'node:util';

/** Options every command takes. */
export const COMMON_OPTIONS = {
  json: { type: 'boolean', default: false },
  'data-dir': { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const satisfies ParseArgsConfig['options'];

/** The option every command that writes to a review takes. */
export const TAKE_OVER_LOCK_OPTION = { 'take-over-lock': { type: 'boolean', default: false } } as const;

/** `import`'s own options. */
export const IMPORT_OPTIONS = { label: { type: 'string' }, ...TAKE_OVER_LOCK_OPTION } as const;
