import {
  categoryLabel,
  agreeingLabel,
  kappaLabel,
  personLabel,
  shareLabel,
  VERDICT_LABELS,
} from '../../../shared/vocabulary';
import { versionByReference } from '../../../shared/domain/annotations/version-reference';
import { COMMAND_HELP } from '../command-help';
import { parseCommandArgs, printJson, withContext, type CliCommand, type CliContext } from '../context';
import { resolveReviewId } from '../resolve-review';

export const votesCommand: CliCommand = {
  name: 'votes',
  ...COMMAND_HELP.votes,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, { version: { type: 'string' } }, this.usage);
    await withContext(values, io, async (ctx) =>
      printVotes(ctx, await resolveReviewId(ctx, positionals[0]), values.version),
    );
  },
};

async function printVotes(ctx: CliContext, reviewId: string, versionReference: string | undefined): Promise<void> {
  const { review } = await ctx.call('reviews.read', { reviewId });
  const version = versionByReference(review, versionReference);
  const votes = await ctx.call('votes.list', { reviewId, versionId: version.id });
  if (ctx.json) return printJson(ctx, votes);
  const voted = votes.criteria.filter((c) => c.voters > 0);
  ctx.out(
    `Votes on version “${version.label}”: ${voted.length} of ${votes.criteria.length} ` +
      `criteria voted on; kappa overall ${kappaLabel(votes.overall.kappa)} ` +
      `over ${votes.overall.criteriaCompared} criteria with two votes or more.`,
  );
  for (const criterion of voted) {
    ctx.out(
      `\n${criterion.criterionId}  ${criterion.title}\n  ` +
        `Committee: ${VERDICT_LABELS[criterion.committeeVerdict]}. ${agreeingLabel(criterion)} ` +
        `(${shareLabel(criterion.share)}).`,
    );
    for (const vote of criterion.votes) {
      const rationale = vote.rationale ? `: ${vote.rationale.replace(/\s*\n\s*/g, ' ')}` : '';
      const dissent = vote.dissents ? ' [dissents]' : '';
      ctx.out(
        `  - ${personLabel({ name: vote.voterName, role: vote.voterRole })}: ${VERDICT_LABELS[vote.verdict]}${dissent}${rationale}`,
      );
    }
  }
  const categories = votes.categories.filter((c) => c.criteriaCompared > 0);
  if (categories.length) {
    ctx.out('\nKappa by category:');
    for (const c of categories)
      ctx.out(`  ${categoryLabel(c.category)}: ${kappaLabel(c.kappa)} (${c.criteriaCompared} criteria)`);
  }
}
