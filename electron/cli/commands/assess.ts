import { VERDICT_LABELS } from '../../../shared/vocabulary';
import { versionByReference } from '../../../shared/domain/annotations/version-reference';
import { printJson, withContext, type CliCommand } from '../context';
import { COMMAND_HELP } from '../command-help';
import { openForChange } from '../open-for-change';
import { resolveReviewId } from '../resolve-review';
import { parseVerdictFlags } from '../verdict-flags';

export const assessCommand: CliCommand = {
  name: 'assess',
  ...COMMAND_HELP.assess,
  async run(argv, io) {
    const { values, positionals, criterionId, verdict } = parseVerdictFlags(argv, this.usage);
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
