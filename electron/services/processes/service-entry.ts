import { fileURLToPath } from 'node:url';

const runningFromSource = import.meta.url.endsWith('.ts');

/**
 * A service process's entry file: the built one (`builtFile`, beside this code: the build puts every entry in one
 * folder), or the TypeScript source (`sourceEntry`) through tsx when the services run from source (tests, `tsx`).
 */
export function serviceEntry(builtFile: string, sourceEntry: URL): { modulePath: string; args: string[] } {
  if (!runningFromSource) return { modulePath: fileURLToPath(new URL(`./${builtFile}`, import.meta.url)), args: [] };
  return {
    modulePath: fileURLToPath(new URL('./start-from-source.mjs', import.meta.url)),
    args: [sourceEntry.href],
  };
}
