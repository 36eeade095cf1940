import { AppError } from '../../../shared/errors';
import { VERDICT_LABELS } from '../../../shared/vocabulary';
import { versionByReference } from '../../../shared/domain/annotations/version-reference';
import { parseCommandArgs, printJson, withContext, type CliCommand } from '../context';
import { COMMAND_HELP } from '../command-help';
import { TAKE_OVER_LOCK_OPTION } from '../command-options';
import { openForChange } from '../open-for-change';
import { resolveReviewId } from '../resolve-review';

/** The verdicts a person records from the command line; “unreviewed” is the absence of one. */
const CLI_VERDICTS = ['met', 'partial', 'not-met', 'not-applicable'] as const;

export const assessCommand: CliCommand = {
  name: 'assess',
  ...COMMAND_HELP.assess,
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
    const verdict = CLI_VERDICTS.find((v) => v === values.verdict);
    if (!verdict)
      throw new AppError(
        'E_INVALID_INPUT',
        `--verdict must be one of: ${CLI_VERDICTS.join(', ')}. Usage: ${this.usage}`,
      );
    await withContext(values, io, async (ctx) => {
      const reviewId = await resolveReviewId(ctx, positionals[0]);
      const { review } = await openForChange(ctx, reviewId, values['take-over-lock']);
      const version = versionByReference(review, values.version);
      const existing = review.assessments.find((a) => a.versionId === version.id && a.criterionId === criterionId);
      // What the command does not name stays as it was: the rationale, and the annotations cited (those still there).
      const live = new Set(
        review.annotations.filter((a) => !a.deletedAt && a.versionId === version.id).map((a) => a.id),
      );
      const assessment = await ctx.call('assessments.set', {
        reviewId,
        versionId: version.id,
        criterionId,
        verdict,
        rationale: values.rationale ?? existing?.rationale ?? '',
        annotationIds: (existing?.annotationIds ?? []).filter((id) => live.has(id)),
      });
      if (ctx.json)
        return printJson(ctx, {
          assessmentId: assessment.id,
          versionId: assessment.versionId,
          criterionId: assessment.criterionId,
          verdict: assessment.verdict,
          rationale: assessment.rationale,
        });
      ctx.out(`Recorded “${VERDICT_LABELS[assessment.verdict]}” for ${assessment.criterionId}.`);
    });
  },
};
