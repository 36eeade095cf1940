import { AppError } from '../../../shared/errors';
import { COMMAND_HELP } from '../command-help';
import { parseCommandArgs, printJson, withContext, type CliCommand } from '../context';
import { openForChange } from '../open-for-change';
import { resolveReviewId } from '../resolve-review';

export const resolveCommand: CliCommand = {
  name: 'resolve',
  ...COMMAND_HELP.resolve,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(
      argv,
      { keep: { type: 'string' }, 'take-over-lock': { type: 'boolean' } },
      this.usage,
    );
    const conflictId = positionals[1];
    if (!conflictId) throw new AppError('E_INVALID_INPUT', `Name the review and the conflict. Usage: ${this.usage}`);
    const keep = parseKeep(values.keep, this.usage);
    await withContext(values, io, async (ctx) => {
      const reviewId = await resolveReviewId(ctx, positionals[0]);
      await openForChange(ctx, reviewId, values['take-over-lock']);
      const { resolved, remaining } = await ctx.call('conflicts.resolve', { reviewId, conflictId, keep });
      if (ctx.json) return printJson(ctx, { id: resolved.id, kept: keep, remaining });
      const kept = keep === 'both' ? 'both sides' : `side ${keep} (${resolved.values[keep]?.text ?? ''})`;
      ctx.out(
        `Kept ${kept} for ${resolved.recordLabel}: ${resolved.fieldLabel}. ` +
          `${remaining === 0 ? 'No conflicts left.' : `${remaining} left to resolve.`}`,
      );
    });
  },
};

function parseKeep(text: string | undefined, usage: string): number | 'both' {
  if (text === 'both') return 'both';
  if (text !== undefined && /^\d{1,2}$/.test(text)) return Number(text);
  throw new AppError(
    'E_INVALID_INPUT',
    `--keep must be the number of the side to keep (0, 1, …, as \`conflicts\` lists them) or “both”. Usage: ${usage}`,
  );
}
