import { isAppError } from '../../shared/errors';
import { annotateCommand } from './commands/annotate';
import { annotationsCommand } from './commands/annotations';
import { assessCommand } from './commands/assess';
import { carryCommand } from './commands/carry';
import { checklistCommand } from './commands/checklist';
import { compareCommand } from './commands/compare';
import { identityCommand } from './commands/identity';
import { importCommand } from './commands/import';
import { listCommand } from './commands/list';
import { newCommand } from './commands/new';
import { reportCommand } from './commands/report';
import { showCommand } from './commands/show';
import { signCommand } from './commands/sign';
import { verifyCommand } from './commands/verify';
import type { CliCommand, CliIo } from './context';
import { terminalText } from './terminal-text';

const COMMANDS: readonly CliCommand[] = [newCommand, listCommand, showCommand, checklistCommand, importCommand, annotateCommand, assessCommand, annotationsCommand, compareCommand, carryCommand, reportCommand, identityCommand, signCommand, verifyCommand];

/**
 * Runs one `policy-review` command. Returns the exit code: 0 on success, else 1 with one line on stderr that
 * names the problem.
 */
export async function runCli(argv: string[], terminal: CliIo & { err: (text: string) => void } = defaultIo()): Promise<number> {
  // Everything printed passes through terminalText: no text from a document can drive the terminal.
  const io = { out: (text: string) => terminal.out(terminalText(text)), err: (text: string) => terminal.err(terminalText(text)) };
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(helpText());
    return name ? 0 : 1;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.err(`policy-review: unknown command “${name}”. Commands: ${COMMANDS.map((c) => c.name).join(', ')}.`);
    return 1;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(`${command.summary}\nUsage: ${command.usage}`);
    return 0;
  }
  try {
    await command.run(rest, io);
    return 0;
  } catch (error) {
    const message = isAppError(error) ? error.message : `unexpected error: ${error instanceof Error ? error.message : String(error)}`;
    io.err(`policy-review ${name}: ${message.replace(/\s*\n\s*/g, ' ')}`);
    return 1;
  }
}

function helpText(): string {
  const lines = COMMANDS.map((c) => `  ${c.usage}\n      ${c.summary}`);
  return `policy-review: the Policy Review Workstation on the command line.\n\n${lines.join('\n')}\n\nThe library is in POLICY_REVIEW_DATA_DIR, or --data-dir, or the app's own data folder.`;
}

function defaultIo(): CliIo & { err: (text: string) => void } {
  return { out: (text) => process.stdout.write(`${text}\n`), err: (text) => process.stderr.write(`${text}\n`) };
}
