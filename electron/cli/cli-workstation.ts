import { stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import type { MethodArgs, MethodName, MethodResult } from '../../shared/api';
import { AppError } from '../../shared/errors';
import { resolveDataDir } from '../services/workstation/data-dir';
import { openWorkstation } from '../services/workstation/workstation';
import type { CliContext, CliIo, ContextOptions, FilePurpose, SavePurpose } from './context';

/** The command line is one caller, as one window of the app is. */
const COMMAND_LINE = { windowId: 'command-line' };

/**
 * The app's services as the command line hosts them: the same workstation the app's windows call, over the data
 * folder of `--data-dir` (or POLICY_REVIEW_DATA_DIR, or the app's own). Its "dialogs" are the command line: a file
 * named there is handed over as chosen for one use, the way the app's open and save dialogs hand over a path.
 */
export async function openCliWorkstation(
  values: ContextOptions,
  io: CliIo,
): Promise<{ ctx: CliContext; close: () => Promise<void> }> {
  const given = new Map<FilePurpose, string>();
  const saveTo = new Map<SavePurpose, string>();
  // An unexpected failure is reported as it happened (not as the app's “something went wrong”), as before.
  let unexpected: unknown;
  const workstation = await openWorkstation({
    dataDir: resolveDataDir(values['data-dir']),
    host: 'cli',
    chooseFiles: async (purpose) => [takeGiven(given, purpose)].filter((path) => path !== undefined),
    chooseSaveFile: async (purpose) => takeGiven(saveTo, purpose),
    // `import` started its parsing process before anything loaded (parser-warm-up.ts): the import takes that one.
    // Other commands import nothing and never load it.
    spareParser: async () => (await import('./parser-warm-up')).importParser,
    logError: (_method, error) => (unexpected = error),
  });

  async function call<M extends MethodName>(method: M, args: MethodArgs<M>): Promise<MethodResult<M>> {
    unexpected = undefined;
    const result = await workstation.invoke(method, args, COMMAND_LINE);
    if (result.ok) return result.value as MethodResult<M>;
    if (result.error.code === 'E_INTERNAL' && unexpected !== undefined) throw unexpected;
    throw new AppError(result.error.code, result.error.message);
  }

  const ctx: CliContext = {
    call,
    async chooseFile(purpose, typed, missing) {
      const path = resolve(typed);
      const isFile = await stat(path).then(
        (info) => info.isFile(),
        () => false,
      );
      if (!isFile) throw new AppError('E_NOT_FOUND', missing ?? `There is no file “${typed}”.`);
      given.set(purpose, path);
      const [chosen] = await call('files.choose', { purpose });
      if (!chosen) throw new AppError('E_NOT_FOUND', missing ?? `There is no file “${typed}”.`);
      return { kind: 'chosen', token: chosen.token };
    },
    async chooseSavePath(purpose, typed) {
      const path = resolve(typed);
      saveTo.set(purpose, path);
      const chosen = await call('files.chooseSave', { purpose, suggestedName: basename(path) });
      if (!chosen) throw new AppError('E_INVALID_INPUT', `Cannot write “${typed}”.`);
      return { kind: 'chosen', token: chosen.token };
    },
    reviewsDir: workstation.library.reviewsDir,
    reviewFile: (reviewId) => workstation.library.fileFor(reviewId),
    json: values.json === true,
    out: io.out,
  };
  return { ctx, close: () => workstation.close() };
}

/** The path the command line gave for this use, handed over once, as a dialog's choice is. */
function takeGiven<P>(given: Map<P, string>, purpose: P): string | undefined {
  const path = given.get(purpose);
  given.delete(purpose);
  return path;
}
