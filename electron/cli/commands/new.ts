import { AppError } from '../../../shared/errors';
import { parseCommandArgs, printJson, withContext, type CliCommand } from '../context';
import { COMMAND_HELP } from '../command-help';

export const newCommand: CliCommand = {
  name: 'new',
  ...COMMAND_HELP.new,
  async run(argv, io) {
    const { values } = parseCommandArgs(argv, { title: { type: 'string' } }, this.usage);
    if (!values.title?.trim()) throw new AppError('E_INVALID_INPUT', `A title is required. Usage: ${this.usage}`);
    await withContext(values, io, async (ctx) => {
      const summary = await ctx.call('reviews.create', { title: values.title ?? '' });
      const file = ctx.reviewFile(summary.id);
      if (ctx.json) printJson(ctx, { id: summary.id, file });
      else ctx.out(`Created “${summary.title}” (${summary.id}) with ${summary.criteria} criteria.\n${file}`);
    });
  },
};
