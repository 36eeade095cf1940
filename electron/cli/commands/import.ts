import { readFile, stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { AppError } from '../../../shared/errors';
import { DEFAULT_IMPORT_LIMITS } from '../../services/import/types';
import { fileTooLargeError } from '../../../shared/domain/file-size';
import { actorFromSettings } from '../../services/settings/actor';
import { importVersion } from '../../services/import/import-version';
import { IMPORT_OPTIONS } from '../command-options';
import { contextFor, parseCommandArgs, printJson, type CliCommand, type CliIo } from '../context';
import { openForChange } from '../open-for-change';
import { importParser } from '../parser-warm-up';
import { resolveReviewId } from '../resolve-review';

export const importCommand: CliCommand = {
  name: 'import',
  usage: 'policy-review import REVIEW FILE [--label LABEL] [--take-over-lock] [--json] [--data-dir DIR]',
  summary: 'Import a policy version (.txt, .md, .html, .docx, .pdf) into a review.',
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
  const ctx = contextFor(values, io);
  const reviewId = await resolveReviewId(ctx.library, reviewRef);
  const path = resolve(fileArg);
  const fileName = basename(path);
  const size = await stat(path).then(
    (info) => info.size,
    () => {
      throw new AppError('E_NOT_FOUND', `There is no file “${fileArg}”.`);
    },
  );
  if (size > DEFAULT_IMPORT_LIMITS.maxInputBytes) throw fileTooLargeError(fileName, size, DEFAULT_IMPORT_LIMITS.maxInputBytes);
  const label = values.label?.trim();
  const actor = actorFromSettings((await ctx.settings()).settings);
  const { version, warnings } = await openForChange(ctx.library, reviewId, { takeOverLock: values['take-over-lock'], actor: async () => actor }, async (store) =>
    importVersion(store, { fileName, bytes: await readFile(path), label: label || undefined }, { actor, spareParser: importParser }),
  );
  if (ctx.json) return printJson(ctx, { versionId: version.id, blocks: version.blocks.length, chars: version.text.length, warnings });
  ctx.out(`Imported “${fileName}” as “${version.label}” (${version.id}): ${version.blocks.length} blocks, ${version.text.length} characters.`);
  for (const warning of warnings) ctx.out(`  warning: ${warning}`);
}
