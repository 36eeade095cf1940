import { AppError } from '../../../shared/errors';
import { COMMAND_HELP } from '../command-help';
import { parseCommandArgs, printJson, withContext, type CliCommand } from '../context';
import { openForChange } from '../open-for-change';
import { resolveReviewId } from '../resolve-review';
import { describeCounts, senderLine } from '../exchange-text';

export const mergeCommand: CliCommand = {
  name: 'merge',
  ...COMMAND_HELP.merge,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, { 'take-over-lock': { type: 'boolean' } }, this.usage);
    const file = positionals[1];
    if (!file) throw new AppError('E_INVALID_INPUT', `Name the review and the package. Usage: ${this.usage}`);
    await withContext(values, io, async (ctx) => {
      const reviewId = await resolveReviewId(ctx, positionals[0]);
      await openForChange(ctx, reviewId, values['take-over-lock']);
      const { counts, sender } = await ctx.call('packages.merge', {
        reviewId,
        source: await ctx.chooseFile('review-package', file),
      });
      if (ctx.json) return printJson(ctx, counts);
      ctx.out(senderLine(sender));
      ctx.out(`Merged: ${describeCounts(counts)}.`);
      if (counts.conflicts > 0) ctx.out(`See them with \`policy-review conflicts ${reviewId}\`.`);
    });
  },
};
