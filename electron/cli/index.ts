import { isAppError } from '../../shared/errors';
import { COMMAND_HELP, type CommandName } from './command-help';
import type { CliCommand, CliIo } from './context';
import { terminalText } from './terminal-text';

/**
 * Each command's module by the command's name, loaded only when it runs: together they load every library of the
 * app (the signing ones alone take a third of a second), and a command needs few. Help needs none (COMMAND_HELP).
 */
const COMMANDS: Record<CommandName, () => Promise<CliCommand>> = {
  new: async () => (await import('./commands/new')).newCommand,
  list: async () => (await import('./commands/list')).listCommand,
  show: async () => (await import('./commands/show')).showCommand,
  checklist: async () => (await import('./commands/checklist')).checklistCommand,
  import: async () => (await import('./commands/import')).importCommand,
  annotate: async () => (await import('./commands/annotate')).annotateCommand,
  assess: async () => (await import('./commands/assess')).assessCommand,
  vote: async () => (await import('./commands/vote')).voteCommand,
  votes: async () => (await import('./commands/votes')).votesCommand,
  annotations: async () => (await import('./commands/annotations')).annotationsCommand,
  compare: async () => (await import('./commands/compare')).compareCommand,
  carry: async () => (await import('./commands/carry')).carryCommand,
  report: async () => (await import('./commands/report')).reportCommand,
  identity: async () => (await import('./commands/identity')).identityCommand,
  sign: async () => (await import('./commands/sign')).signCommand,
  verify: async () => (await import('./commands/verify')).verifyCommand,
  package: async () => (await import('./commands/package')).packageCommand,
  merge: async () => (await import('./commands/merge')).mergeCommand,
  conflicts: async () => (await import('./commands/conflicts')).conflictsCommand,
  resolve: async () => (await import('./commands/resolve')).resolveCommand,
};

/**
 * Runs one `policy-review` command. Returns the exit code: 0 on success, else 1 with one line on stderr that
 * names the problem.
 */
export async function runCli(
  argv: string[],
  terminal: CliIo & { err: (text: string) => void } = defaultIo(),
): Promise<number> {
  // Everything printed passes through terminalText: no text from a document can drive the terminal.
  const io = {
    out: (text: string) => terminal.out(terminalText(text)),
    err: (text: string) => terminal.err(terminalText(text)),
  };
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(helpText());
    return name ? 0 : 1;
  }
  if (!isCommandName(name)) {
    io.err(`policy-review: unknown command “${name}”. Commands: ${Object.keys(COMMAND_HELP).join(', ')}.`);
    return 1;
  }
  const asksForHelp = rest.includes('--help') || rest.includes('-h');
  // `import` starts its parsing process first of all: it gets ready while the command loads, opens the review and
  // reads the file. Only `import` loads the code that starts it: help and the other commands start without it.
  if (name === 'import' && !asksForHelp) (await import('./parser-warm-up')).warmUpImportParser(rest);
  if (asksForHelp) {
    io.out(`${COMMAND_HELP[name].summary}\nUsage: ${COMMAND_HELP[name].usage}`);
    return 0;
  }
  const command = await COMMANDS[name]();
  try {
    await command.run(rest, io);
    return 0;
  } catch (error) {
    const message = isAppError(error)
      ? error.message
      : `unexpected error: ${error instanceof Error ? error.message : String(error)}`;
    io.err(`policy-review ${name}: ${message.replace(/\s*\n\s*/g, ' ')}`);
    return 1;
  }
}

function helpText(): string {
  const lines = Object.values(COMMAND_HELP).map((c) => `  ${c.usage}\n      ${c.summary}`);
  return (
    `policy-review: the Policy Review Workstation on the command ` +
    `line.\n\n${lines.join('\n')}\n\nThe library is in POLICY_REVIEW_DATA_DIR, or --data-dir, ` +
    `or the app's own data folder.`
  );
}

function isCommandName(name: string): name is CommandName {
  return Object.hasOwn(COMMAND_HELP, name);
}

function defaultIo(): CliIo & { err: (text: string) => void } {
  return { out: (text) => process.stdout.write(`${text}\n`), err: (text) => process.stderr.write(`${text}\n`) };
}
