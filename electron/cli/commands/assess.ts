import { ASSESSMENT_METHODS } from '../../../shared/api';
import { AppError } from '../../../shared/errors';
import { VERDICT_LABELS } from '../../../shared/vocabulary';
import { versionByReference } from '../../../shared/domain/annotations/version-reference';
import { describeInputProblems } from '../../services/api/input-problems';
import { setAssessment } from '../../../shared/domain/assessments/set-assessment';
import { actorFromSettings } from '../../services/settings/actor';
import { contextFor, parseCommandArgs, printJson, type CliCommand } from '../context';
import { TAKE_OVER_LOCK_OPTION } from '../command-options';
import { openForChange } from '../open-for-change';
import { resolveReviewId } from '../resolve-review';

/** The verdicts a person records from the command line; “unreviewed” is the absence of one. */
const CLI_VERDICTS = ['met', 'partial', 'not-met', 'not-applicable'] as const;

export const assessCommand: CliCommand = {
  name: 'assess',
  usage: 'policy-review assess REVIEW --version V --criterion ID --verdict met|partial|not-met|not-applicable [--rationale TEXT] [--take-over-lock] [--json] [--data-dir DIR]',
  summary: 'Record the verdict on one criterion for one version. The review must not be open in the app.',
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, { version: { type: 'string' }, criterion: { type: 'string' }, verdict: { type: 'string' }, rationale: { type: 'string' }, ...TAKE_OVER_LOCK_OPTION }, this.usage);
    if (!values.criterion) throw new AppError('E_INVALID_INPUT', `--criterion is required (\`policy-review checklist REVIEW\` lists the ids). Usage: ${this.usage}`);
    const verdict = CLI_VERDICTS.find((v) => v === values.verdict);
    if (!verdict) throw new AppError('E_INVALID_INPUT', `--verdict must be one of: ${CLI_VERDICTS.join(', ')}. Usage: ${this.usage}`);
    const ctx = contextFor(values, io);
    const reviewId = await resolveReviewId(ctx.library, positionals[0]);
    const actor = actorFromSettings((await ctx.settings()).settings);
    const assessment = await openForChange(ctx.library, reviewId, { takeOverLock: values['take-over-lock'], actor: async () => actor }, async (store) => {
      const version = versionByReference(store.review, values.version);
      const existing = store.review.assessments.find((a) => a.versionId === version.id && a.criterionId === values.criterion);
      // What the command does not name stays as it was: the rationale, and the annotations cited (those still there).
      const live = new Set(store.review.annotations.filter((a) => !a.deletedAt && a.versionId === version.id).map((a) => a.id));
      const checked = ASSESSMENT_METHODS['assessments.set'].args.safeParse({
        reviewId,
        versionId: version.id,
        criterionId: values.criterion,
        verdict,
        rationale: values.rationale ?? existing?.rationale ?? '',
        annotationIds: (existing?.annotationIds ?? []).filter((id) => live.has(id)),
      });
      if (!checked.success) throw new AppError('E_INVALID_INPUT', describeInputProblems(checked.error));
      const { reviewId: _reviewId, ...input } = checked.data;
      return store.mutate((review) => setAssessment(review, input, actor));
    });
    if (ctx.json) return printJson(ctx, { assessmentId: assessment.id, versionId: assessment.versionId, criterionId: assessment.criterionId, verdict: assessment.verdict, rationale: assessment.rationale });
    ctx.out(`Recorded “${VERDICT_LABELS[assessment.verdict]}” for ${assessment.criterionId}.`);
  },
};
