import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { ImportSource, MethodArgs, MethodName, MethodResult, SaveDestination } from '../../shared/api';
import { AppError } from '../../shared/errors';
import { COMMON_OPTIONS } from './command-options';
import { terminalJson } from './terminal-text';

/** What a file named on the command line is handed over for, as the app's open and save dialogs name it. */
export type FilePurpose = MethodArgs<'files.choose'>['purpose'];
export type SavePurpose = MethodArgs<'files.chooseSave'>['purpose'];

/** What a command works with: the app's contract, the files it was given, and the terminal. */
export interface CliContext {
  /** Calls a contract method as the app's windows do (same schemas, same handlers); a refusal throws its AppError. */
  call<M extends MethodName>(method: M, args: MethodArgs<M>): Promise<MethodResult<M>>;
  /**
   * Hands over a file named on the command line for `purpose`, as the app's open dialog hands over the one a
   * person picks: the app then reads it by its token, for that use only. A file that is not there is refused
   * with `missing` (by default “There is no file …”).
   */
  chooseFile(purpose: FilePurpose, typed: string, missing?: string): Promise<ImportSource>;
  /** Says where a file goes, as the app's save dialog does: the app writes it there by the token. */
  chooseSavePath(purpose: SavePurpose, typed: string): Promise<SaveDestination>;
  /** The library's folder of review files, and one review's file in it, for messages. */
  reviewsDir: string;
  reviewFile(reviewId: string): string;
  json: boolean;
  out: (text: string) => void;
}

export interface CliCommand {
  name: string;
  usage: string;
  summary: string;
  run(argv: string[], io: CliIo): Promise<void>;
}

export interface CliIo {
  out: (text: string) => void;
}

/** The options every command takes that say where and how it works. */
export interface ContextOptions {
  json?: boolean | undefined;
  'data-dir'?: string | undefined;
}

/** Parses a command's arguments with Node's own parser; unknown options and missing values are errors. */
export function parseCommandArgs<const O extends NonNullable<ParseArgsConfig['options']>>(
  argv: string[],
  options: O,
  usage: string,
) {
  try {
    return parseArgs({ args: argv, options: { ...COMMON_OPTIONS, ...options }, allowPositionals: true, strict: true });
  } catch (error) {
    throw new AppError('E_INVALID_INPUT', `${error instanceof Error ? error.message : String(error)}. Usage: ${usage}`);
  }
}

/**
 * Runs `use` with the app's services over the data folder the options name, closing them (and releasing every
 * review it opened) afterwards. They load only now, after the command's flags were read: `--help` and a mistyped
 * flag cost nothing.
 */
export async function withContext<T>(
  values: ContextOptions,
  io: CliIo,
  use: (ctx: CliContext) => Promise<T>,
): Promise<T> {
  const { openCliWorkstation } = await import('./cli-workstation');
  const { ctx, close } = await openCliWorkstation(values, io);
  try {
    return await use(ctx);
  } finally {
    await close();
  }
}

export function printJson(ctx: CliContext, value: unknown): void {
  ctx.out(terminalJson(value));
}
