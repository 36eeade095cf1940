import type { MethodResult } from '../../../shared/api';
import { CATEGORY_INFO } from '../../../shared/checklist';
import { parseCommandArgs, printJson, withContext, type CliCommand, type CliContext } from '../context';
import { COMMAND_HELP } from '../command-help';
import { readNamedReview } from '../resolve-review';

export const checklistCommand: CliCommand = {
  name: 'checklist',
  ...COMMAND_HELP.checklist,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, {}, this.usage);
    await withContext(values, io, async (ctx) => printChecklist(ctx, await readNamedReview(ctx, positionals[0])));
  },
};

async function printChecklist(ctx: CliContext, { review }: MethodResult<'reviews.read'>): Promise<void> {
  const criteria = review.checklist.criteria.filter((c) => !c.deletedAt);
  if (ctx.json) return printJson(ctx, { basedOn: review.checklist.basedOn, criteria });
  for (const category of CATEGORY_INFO) {
    const inCategory = criteria.filter((c) => c.category === category.id);
    if (inCategory.length === 0) continue;
    ctx.out(`\n${category.label}`);
    for (const c of inCategory) ctx.out(`  ${c.id}\n    ${c.title}: ${c.question}`);
  }
}
