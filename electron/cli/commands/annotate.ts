import { ANNOTATION_METHODS } from '../../../shared/api';
import { AppError } from '../../../shared/errors';
import { SEVERITIES } from '../../../shared/model';
import { plainTextToRichText } from '../../../shared/rich-text';
import { SEVERITY_LABELS } from '../../../shared/vocabulary';
import { addAnnotation } from '../../../shared/domain/annotations/edit-annotations';
import { findQuote } from '../../../shared/domain/annotations/find-quote';
import { versionByReference } from '../../../shared/domain/annotations/version-reference';
import { describeInputProblems } from '../../services/api/input-problems';
import { actorFromSettings } from '../../services/settings/actor';
import { contextFor, parseCommandArgs, printJson, type CliCommand } from '../context';
import { TAKE_OVER_LOCK_OPTION } from '../command-options';
import { openForChange } from '../open-for-change';
import { resolveReviewId } from '../resolve-review';

export const annotateCommand: CliCommand = {
  name: 'annotate',
  usage:
    'policy-review annotate REVIEW --version V --quote TEXT [--prefix P] [--suffix S] --criterion ID [--criterion ID] --severity info|minor|major|critical --comment TEXT [--take-over-lock] [--json] [--data-dir DIR]',
  summary: 'Annotate a passage of a version, found by its words, against checklist criteria. The review must not be open in the app.',
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(
      argv,
      {
        version: { type: 'string' },
        quote: { type: 'string' },
        prefix: { type: 'string' },
        suffix: { type: 'string' },
        criterion: { type: 'string', multiple: true },
        severity: { type: 'string' },
        comment: { type: 'string' },
        ...TAKE_OVER_LOCK_OPTION,
      },
      this.usage,
    );
    for (const required of ['quote', 'severity', 'comment'] as const) {
      if (values[required] === undefined) throw new AppError('E_INVALID_INPUT', `--${required} is required. Usage: ${this.usage}`);
    }
    const severity = SEVERITIES.find((s) => s === values.severity);
    if (!severity) throw new AppError('E_INVALID_INPUT', `--severity must be one of: ${SEVERITIES.join(', ')}. Usage: ${this.usage}`);
    if (!values.criterion?.length) throw new AppError('E_INVALID_INPUT', `Name at least one --criterion (\`policy-review checklist REVIEW\` lists their ids). Usage: ${this.usage}`);
    const quote = values.quote ?? '';
    const ctx = contextFor(values, io);
    const reviewId = await resolveReviewId(ctx.library, positionals[0]);
    const actor = actorFromSettings((await ctx.settings()).settings);
    const annotation = await openForChange(ctx.library, reviewId, { takeOverLock: values['take-over-lock'], actor: async () => actor }, async (store) => {
      const version = versionByReference(store.review, values.version);
      const { start, end } = findQuote(version, { quote, prefix: values.prefix, suffix: values.suffix });
      // The same checks as a call from the app: the contract's schema for annotations.add.
      const checked = ANNOTATION_METHODS['annotations.add'].args.safeParse({
        reviewId,
        versionId: version.id,
        range: { start, end, exact: quote },
        criterionIds: values.criterion,
        severity,
        body: plainTextToRichText(values.comment ?? ''),
      });
      if (!checked.success) throw new AppError('E_INVALID_INPUT', describeInputProblems(checked.error));
      const { reviewId: _reviewId, ...input } = checked.data;
      return { created: await store.mutate((review) => addAnnotation(review, input, actor)), version };
    });
    if (ctx.json) return printJson(ctx, { annotationId: annotation.created.id });
    ctx.out(`Annotated “${quote}” in version “${annotation.version.label}” (${SEVERITY_LABELS[annotation.created.severity]}; ${annotation.created.criterionIds.join(', ')}): ${annotation.created.id}`);
  },
};
