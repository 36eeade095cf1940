import type { DamagedRecordInfo, MethodResult } from '../../../shared/api';
import { personLabel } from '../../../shared/vocabulary';
import { parseCommandArgs, printJson, withContext, type CliCommand, type CliContext } from '../context';
import { COMMAND_HELP } from '../command-help';
import { readNamedReview } from '../resolve-review';

export const showCommand: CliCommand = {
  name: 'show',
  ...COMMAND_HELP.show,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, {}, this.usage);
    await withContext(values, io, async (ctx) => showReview(ctx, await readNamedReview(ctx, positionals[0])));
  },
};

async function showReview(
  ctx: CliContext,
  { review, file, damagedRecords: damaged }: MethodResult<'reviews.read'>,
): Promise<void> {
  const versions = review.versions.filter((v) => !v.deletedAt);
  const committee = review.committee.filter((m) => !m.deletedAt);
  const criteria = review.checklist.criteria.filter((c) => !c.deletedAt);
  if (ctx.json) {
    return printJson(ctx, {
      id: review.id,
      title: review.title,
      createdAt: review.createdAt,
      updatedAt: review.updatedAt,
      file,
      committee: committee.map(({ id, name, role, email }) => ({ id, name, role, ...(email ? { email } : {}) })),
      versions: versions.map((v) => ({
        id: v.id,
        label: v.label,
        effectiveDate: v.effectiveDate,
        importedAt: v.importedAt,
        source: v.source,
        blocks: v.blocks.length,
        chars: v.text.length,
        warnings: v.warnings,
      })),
      criteria: criteria.length,
      annotations: review.annotations.filter((a) => !a.deletedAt).length,
      assessments: review.assessments.length,
      signoffs: review.signoffs.length,
      damagedRecords: damaged,
    });
  }
  ctx.out(`${review.title}\n  id: ${review.id}\n  updated: ${review.updatedAt}`);
  ctx.out(`  committee: ${committee.map(personLabel).join(', ') || 'none'}`);
  ctx.out(`  versions: ${versions.length ? '' : 'none'}`);
  for (const v of versions) ctx.out(`    ${v.id}  ${v.label}  ${v.source.fileName}  ${v.blocks.length} blocks`);
  ctx.out(`  checklist: ${criteria.length} criteria (${review.checklist.basedOn})`);
  if (damaged.length === 0) return;
  ctx.out(
    `  damaged: ${damaged.length} ${damaged.length === 1 ? 'record is' : 'records are'} left ` +
      `out, and kept in the file as ${damaged.length === 1 ? 'it is' : 'they are'} until removed ` +
      `in the app:`,
  );
  for (const record of damaged) ctx.out(`    ${describeDamagedRecord(record)}`);
}

/** One damaged record on one line: where it is, what it says of itself, and what is wrong with it. */
function describeDamagedRecord(record: DamagedRecordInfo): string {
  const facts = [
    record.id,
    record.author && `by ${record.author}`,
    record.createdAt,
    record.quote && `on “${record.quote}”`,
  ]
    .filter(Boolean)
    .join(', ');
  return `${record.where}: ${record.kind}${facts ? ` (${facts})` : ''}. ${record.problem}`;
}
