import { AppError } from '../../../shared/errors';
import { ANCHOR_STATES } from '../../../shared/model';
import { ANCHOR_STATE_LABELS } from '../../../shared/vocabulary';
import { versionByReference } from '../../../shared/domain/annotations/version-reference';
import { parseCommandArgs, printJson, withContext, type CliCommand } from '../context';
import { COMMAND_HELP } from '../command-help';
import { TAKE_OVER_LOCK_OPTION } from '../command-options';
import { openForChange } from '../open-for-change';
import { resolveReviewId } from '../resolve-review';

export const carryCommand: CliCommand = {
  name: 'carry',
  ...COMMAND_HELP.carry,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(
      argv,
      { from: { type: 'string' }, to: { type: 'string' }, ...TAKE_OVER_LOCK_OPTION },
      this.usage,
    );
    if (!values.from || !values.to)
      throw new AppError('E_INVALID_INPUT', `Name both versions with --from and --to. Usage: ${this.usage}`);
    await withContext(values, io, async (ctx) => {
      const reviewId = await resolveReviewId(ctx, positionals[0]);
      const { review } = await openForChange(ctx, reviewId, values['take-over-lock']);
      const from = versionByReference(review, values.from);
      const to = versionByReference(review, values.to);
      const outcome = await ctx.call('annotations.carry', { reviewId, fromVersionId: from.id, toVersionId: to.id });
      if (ctx.json)
        return printJson(ctx, { ...outcome.counts, alreadyCarried: outcome.alreadyCarried, carried: outcome.carried });
      const { moved, fuzzy, orphaned } = outcome.counts;
      const already = outcome.alreadyCarried ? ` ${outcome.alreadyCarried} were already carried.` : '';
      const counts = ANCHOR_STATES.map(
        (state) => `${outcome.counts[state]} ${ANCHOR_STATE_LABELS[state].toLowerCase()}`,
      ).join(', ');
      ctx.out(
        `Carried ${outcome.carried.length} ` +
          `annotation${outcome.carried.length === 1 ? '' : 's'} from ` +
          `“${from.label}” to “${to.label}”: ${counts}.${already}`,
      );
      if (moved + fuzzy + orphaned > 0)
        ctx.out(
          'Moved annotations and those whose text changed wait for a person to confirm them; orphaned ones are kept and can be re-attached in the app.',
        );
      // Each carried annotation with the words it now points at.
      const made = new Map(
        (await ctx.call('annotations.list', { reviewId, versionId: to.id })).map((a) => [
          a.id,
          a.target.selector[0].exact,
        ]),
      );
      for (const carried of outcome.carried) {
        const quote = (made.get(carried.annotationId) ?? '').replace(/\s+/g, ' ');
        ctx.out(
          `  ${carried.annotationId}  ${ANCHOR_STATE_LABELS[carried.anchorState].padEnd(12)}  “${quote.length > 70 ? `${quote.slice(0, 69)}…` : quote}”`,
        );
      }
    });
  },
};
