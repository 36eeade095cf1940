import { CATEGORY_INFO } from '../../../shared/checklist';
import { contextFor, parseCommandArgs, printJson, type CliCommand } from '../context';
import { resolveReviewId } from '../resolve-review';

export const checklistCommand: CliCommand = {
  name: 'checklist',
  usage: 'policy-review checklist REVIEW [--json] [--data-dir DIR]',
  summary: 'Print the review’s checklist, by category.',
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, {}, this.usage);
    const ctx = contextFor(values, io);
    const id = await resolveReviewId(ctx.library, positionals[0]);
    const { review } = await ctx.library.read(id);
    const criteria = review.checklist.criteria.filter((c) => !c.deletedAt);
    if (ctx.json) return printJson(ctx, { basedOn: review.checklist.basedOn, criteria });
    for (const category of CATEGORY_INFO) {
      const inCategory = criteria.filter((c) => c.category === category.id);
      if (inCategory.length === 0) continue;
      ctx.out(`\n${category.label}`);
      for (const c of inCategory) ctx.out(`  ${c.id}\n    ${c.title}: ${c.question}`);
    }
  },
};
