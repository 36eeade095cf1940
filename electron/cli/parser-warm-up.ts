import { parseArgs } from 'node:util';
import { SpareParserProcess, spareSetupFor } from '../services/import/spare-parser-process';

// The benchmark warms up as the app's file dialog does (tests/bench/import-one.mjs).
export { ANY_POLICY } from '../services/import/spare-parser-process';
import { DEFAULT_IMPORT_LIMITS } from '../services/import/types';
import { COMMON_OPTIONS, IMPORT_OPTIONS } from './command-options';

/** The parsing process of `policy-review import`, started before anything else, for its file to take. */
export const importParser = new SpareParserProcess({ heapMb: DEFAULT_IMPORT_LIMITS.maxHeapMb });

/**
 * Starts the import's parsing process, so that it starts (and loads the parser the file's name suggests) while
 * the command loads, opens the review and reads the file. Arguments it cannot read prepare nothing ahead.
 */
export function warmUpImportParser(argv: readonly string[]): void {
  let file: string | undefined;
  try {
    file = parseArgs({
      args: [...argv],
      options: { ...COMMON_OPTIONS, ...IMPORT_OPTIONS },
      allowPositionals: true,
      strict: false,
    }).positionals[1];
  } catch {
    file = undefined;
  }
  importParser.warmUp(file === undefined ? {} : spareSetupFor(file));
}
