import { parseArgs, type ParseArgsConfig } from 'node:util';
import { AppError } from '../../shared/errors';
import { resolveDataDir } from '../services/workstation/data-dir';
import { ReviewLibrary } from '../services/library/review-library';
import { SettingsStore } from '../services/settings/settings-store';
import { COMMON_OPTIONS } from './command-options';
import { terminalJson } from './terminal-text';

export interface CliContext {
  dataDir: string;
  library: ReviewLibrary;
  settings: () => Promise<SettingsStore>;
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

/** Parses a command's arguments with Node's own parser; unknown options and missing values are errors. */
export function parseCommandArgs<const O extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: O, usage: string) {
  try {
    return parseArgs({ args: argv, options: { ...COMMON_OPTIONS, ...options }, allowPositionals: true, strict: true });
  } catch (error) {
    throw new AppError('E_INVALID_INPUT', `${error instanceof Error ? error.message : String(error)}. Usage: ${usage}`);
  }
}

export function contextFor(values: { json?: boolean | undefined; 'data-dir'?: string | undefined }, io: CliIo): CliContext {
  const dataDir = resolveDataDir(values['data-dir']);
  return {
    dataDir,
    library: new ReviewLibrary(dataDir),
    settings: () => SettingsStore.open(dataDir),
    json: values.json === true,
    out: io.out,
  };
}

export function printJson(ctx: CliContext, value: unknown): void {
  ctx.out(terminalJson(value));
}
