// What the host and its parsing process say to each other, and how the host starts one. The host starts the
// process through whatever its platform allows (Node's child_process.fork in the CLI, the browser host and the
// tests; Electron's utilityProcess.fork in the app, where the RunAsNode fuse forbids the former), so the services
// never import 'electron'.
import type { ServiceProcess, StartServiceProcess } from '../processes/service-process';
import type { ParseReply } from './parse-reply';
import type { ImportFormat, ImportLimits } from './types';

/** One file to parse, in the format detected, within the import's limits: what the host, the process and its workers pass on. */
export interface ParseRequest {
  format: ImportFormat;
  fileName: string;
  bytes: Uint8Array;
  limits: ImportLimits;
}

/** The host's one message: the file to parse, with its limits (the process watches its own memory by them). */
export interface ParseJob {
  type: 'parse';
  request: ParseRequest;
}

/** The process's messages: it is listening (so the job is never sent into the void), then what the parser says. */
export type ProcessReply = { type: 'ready' } | ParseReply;

/**
 * What a parsing process prepares before its file arrives (it may be started well before: see
 * spare-parser-process.ts), given as its one argument.
 */
export interface ParserSetup {
  /** The workers' heap limit (the import limits' `maxHeapMb`): the parser's worker starts at once. */
  heapMb: number;
  /** The formats the file is likely in: their parsers load meanwhile. A wrong guess costs only that. */
  expect?: readonly ImportFormat[] | undefined;
  /** With 'pdf' expected: the PDF is long enough for a second worker to read pages (see run-parser.ts), which starts too. */
  pdfHelper?: boolean | undefined;
}

const SETUP_ARGUMENT = 'parser-setup=';

export function setupArgument(setup: ParserSetup): string {
  return `${SETUP_ARGUMENT}${JSON.stringify(setup)}`;
}

/** The setup among a process's arguments; none (or a damaged one) prepares nothing ahead. */
export function setupFromArguments(argv: readonly string[]): ParserSetup | undefined {
  const argument = argv.find((arg) => arg.startsWith(SETUP_ARGUMENT));
  try {
    return argument ? (JSON.parse(argument.slice(SETUP_ARGUMENT.length)) as ParserSetup) : undefined;
  } catch {
    return undefined;
  }
}

/** A parsing process as the host's starter gives it. */
export type ParserProcess = ServiceProcess<ParseJob, ProcessReply>;

/** Starts the parsing process's entry file (any service process's starter). */
export type StartParserProcess = StartServiceProcess;
