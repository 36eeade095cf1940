import { AppError } from '../../../shared/errors';
import { IMPORT_OPTIONS } from '../command-options';
import { parseCommandArgs, printJson, withContext, type CliCommand, type CliIo } from '../context';
import { COMMAND_HELP } from '../command-help';
import { openForChange } from '../open-for-change';
import { importParser } from '../parser-warm-up';
import { resolveReviewId } from '../resolve-review';

export const importCommand: CliCommand = {
  name: 'import',
  ...COMMAND_HELP.import,
  async run(argv, io) {
    // Its parsing process has started already (see runCli); whatever happens here, it is ended.
    try {
      await importFile(argv, io, this.usage);
    } finally {
      importParser.dispose();
    }
  },
};

async function importFile(argv: string[], io: CliIo, usage: string): Promise<void> {
  const { values, positionals } = parseCommandArgs(argv, IMPORT_OPTIONS, usage);
  const [reviewRef, fileArg] = positionals;
  if (!fileArg) throw new AppError('E_INVALID_INPUT', `Name the file to import. Usage: ${usage}`);
  await withContext(values, io, async (ctx) => {
    const reviewId = await resolveReviewId(ctx, reviewRef);
    const source = await ctx.chooseFile('import-version', fileArg);
    await openForChange(ctx, reviewId, values['take-over-lock']);
    const label = values.label?.trim();
    const { version, warnings } = await ctx.call('versions.import', { reviewId, source, ...(label ? { label } : {}) });
    if (ctx.json)
      return printJson(ctx, { versionId: version.id, blocks: version.blocks, chars: version.chars, warnings });
    ctx.out(
      `Imported “${version.source.fileName}” as “${version.label}” (${version.id}): ${version.blocks} blocks, ${version.chars} characters.`,
    );
    for (const warning of warnings) ctx.out(`  warning: ${warning}`);
  });
}
