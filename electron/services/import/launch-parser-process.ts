import { AppError } from '../../../shared/errors';
import { forkServiceProcess } from '../processes/fork-service-process';
import { serviceEntry } from '../processes/service-entry';
import { LaunchedProcess } from '../processes/launched-process';
import { typedProcess } from '../processes/service-process';
import {
  setupArgument,
  type ParseJob,
  type ParserSetup,
  type ProcessReply,
  type StartParserProcess,
} from './parser-process-protocol';

/** The parsing process's entry file. */
function processEntry(): { modulePath: string; args: string[] } {
  return serviceEntry('import-process.js', new URL('./import-process.ts', import.meta.url));
}

/** A parsing process from its start (see LaunchedProcess). */
export type LaunchedParserProcess = LaunchedProcess<ParseJob, ProcessReply>;

/**
 * Starts a parsing process with its setup (what it prepares before its file comes), through the host's starter.
 * A starter that fails is an E_INTERNAL error that says so.
 */
export function launchParserProcess(
  setup: ParserSetup,
  startProcess: StartParserProcess = forkServiceProcess,
): LaunchedParserProcess {
  const { modulePath, args } = processEntry();
  try {
    const started = startProcess(modulePath, [...args, setupArgument(setup)], 'Policy Review Workstation import');
    return new LaunchedProcess(typedProcess<ParseJob, ProcessReply>(started));
  } catch (error) {
    throw new AppError(
      'E_INTERNAL',
      `The import could not start its reading process: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}
