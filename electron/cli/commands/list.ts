import { parseCommandArgs, printJson, withContext, type CliCommand } from '../context';
import { COMMAND_HELP } from '../command-help';

export const listCommand: CliCommand = {
  name: 'list',
  ...COMMAND_HELP.list,
  async run(argv, io) {
    const { values } = parseCommandArgs(argv, {}, this.usage);
    await withContext(values, io, async (ctx) => {
      const reviews = await ctx.call('reviews.list', {});
      if (ctx.json) return printJson(ctx, reviews);
      if (reviews.length === 0)
        return ctx.out(`No reviews in ${ctx.reviewsDir}. Create one with: policy-review new --title "…"`);
      for (const r of reviews) {
        const state = r.state === 'ok' ? '' : `  [${r.state}]`;
        const damaged = r.damagedRecords
          ? `  [${r.damagedRecords} damaged record${r.damagedRecords === 1 ? '' : 's'}: see \`policy-review show ${r.id.slice(0, 8)}\`]`
          : '';
        ctx.out(
          `${r.id}  ${r.title}  (${r.versions} versions, ${r.annotations} annotations, ${r.criteria} criteria)${state}${damaged}`,
        );
        // What is wrong with a file that cannot be opened, and what to do, under its line.
        if (r.state !== 'ok' && r.problem) ctx.out(`    ${r.problem}`);
      }
    });
  },
};
