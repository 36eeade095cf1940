import { AppError } from '../../../shared/errors';
import { newReviewDocument } from '../../../shared/domain/reviews/new-review';
import { actorFromSettings } from '../../services/settings/actor';
import { contextFor, parseCommandArgs, printJson, type CliCommand } from '../context';

export const newCommand: CliCommand = {
  name: 'new',
  usage: 'policy-review new --title TITLE [--json] [--data-dir DIR]',
  summary: 'Create a review from the built-in checklist.',
  async run(argv, io) {
    const { values } = parseCommandArgs(argv, { title: { type: 'string' } }, this.usage);
    const title = values.title?.trim();
    if (!title) throw new AppError('E_INVALID_INPUT', `A title is required. Usage: ${this.usage}`);
    if (title.length > 200) throw new AppError('E_INVALID_INPUT', 'A title has at most 200 characters.');
    const ctx = contextFor(values, io);
    const actor = actorFromSettings((await ctx.settings()).settings);
    const { summary, file } = await ctx.library.create(newReviewDocument(title, actor));
    if (ctx.json) printJson(ctx, { id: summary.id, file });
    else ctx.out(`Created “${summary.title}” (${summary.id}) with ${summary.criteria} criteria.\n${file}`);
  },
};
