import { VERDICT_LABELS } from '../../../shared/vocabulary';
import { versionByReference } from '../../../shared/domain/annotations/version-reference';
import { COMMAND_HELP } from '../command-help';
import { printJson, withContext, type CliCommand } from '../context';
import { openForChange } from '../open-for-change';
import { resolveReviewId } from '../resolve-review';
import { parseVerdictFlags } from '../verdict-flags';

export const voteCommand: CliCommand = {
  name: 'vote',
  ...COMMAND_HELP.vote,
  async run(argv, io) {
    const { values, positionals, criterionId, verdict } = parseVerdictFlags(argv, this.usage);
    await withContext(values, io, async (ctx) => {
      const reviewId = await resolveReviewId(ctx, positionals[0]);
      const { review } = await openForChange(ctx, reviewId, values['take-over-lock']);
      const version = versionByReference(review, values.version);
      const vote = await ctx.call('votes.record', {
        reviewId,
        versionId: version.id,
        criterionId,
        verdict,
        // Like `assess`: a vote changed without a rationale keeps the one given before.
        ...(values.rationale === undefined ? {} : { rationale: values.rationale }),
      });
      const voter = review.committee.find((m) => m.id === vote.voterId);
      if (ctx.json)
        return printJson(ctx, {
          voteId: vote.id,
          voterId: vote.voterId,
          voterName: voter?.name ?? vote.author.name,
          versionId: vote.versionId,
          criterionId: vote.criterionId,
          verdict: vote.verdict,
          rationale: vote.rationale,
        });
      ctx.out(
        `Recorded ${voter?.name ?? vote.author.name}’s vote “${VERDICT_LABELS[vote.verdict]}” for ${vote.criterionId}.`,
      );
    });
  },
};
