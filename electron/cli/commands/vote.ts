import { VOTE_VERDICTS } from '../../../shared/model';
import { AppError } from '../../../shared/errors';
import { VERDICT_LABELS } from '../../../shared/vocabulary';
import { versionByReference } from '../../../shared/domain/annotations/version-reference';
import { COMMAND_HELP } from '../command-help';
import { parseCommandArgs, printJson, withContext, type CliCommand } from '../context';
import { TAKE_OVER_LOCK_OPTION } from '../command-options';
import { openForChange } from '../open-for-change';
import { resolveReviewId } from '../resolve-review';

export const voteCommand: CliCommand = {
  name: 'vote',
  ...COMMAND_HELP.vote,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(
      argv,
      {
        version: { type: 'string' },
        criterion: { type: 'string' },
        verdict: { type: 'string' },
        rationale: { type: 'string' },
        ...TAKE_OVER_LOCK_OPTION,
      },
      this.usage,
    );
    const criterionId = values.criterion;
    if (!criterionId)
      throw new AppError(
        'E_INVALID_INPUT',
        `--criterion is required (\`policy-review checklist REVIEW\` lists the ids). Usage: ${this.usage}`,
      );
    const verdict = VOTE_VERDICTS.find((v) => v === values.verdict);
    if (!verdict)
      throw new AppError(
        'E_INVALID_INPUT',
        `--verdict must be one of: ${VOTE_VERDICTS.join(', ')}. Usage: ${this.usage}`,
      );
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
