import { AppError } from '../../../shared/errors';
import { SEVERITY_LABELS } from '../../../shared/vocabulary';
import type { MethodArgs } from '../../../shared/api';
import { plainTextToRichText } from '../../../shared/rich-text';
import { findQuote } from '../../../shared/domain/annotations/find-quote';
import { versionByReference } from '../../../shared/domain/annotations/version-reference';
import { parseCommandArgs, printJson, withContext, type CliCommand } from '../context';
import { COMMAND_HELP } from '../command-help';
import { TAKE_OVER_LOCK_OPTION } from '../command-options';
import { openForChange } from '../open-for-change';
import { resolveReviewId } from '../resolve-review';

export const annotateCommand: CliCommand = {
  name: 'annotate',
  ...COMMAND_HELP.annotate,
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
      if (values[required] === undefined)
        throw new AppError('E_INVALID_INPUT', `--${required} is required. Usage: ${this.usage}`);
    }
    if (!values.criterion?.length)
      throw new AppError(
        'E_INVALID_INPUT',
        `Name at least one --criterion (\`policy-review checklist REVIEW\` lists their ids). Usage: ${this.usage}`,
      );
    const quote = values.quote ?? '';
    await withContext(values, io, async (ctx) => {
      const reviewId = await resolveReviewId(ctx, positionals[0]);
      const { review } = await openForChange(ctx, reviewId, values['take-over-lock']);
      // The passage a person names by its words is the selection the app's window would send.
      const version = versionByReference(review, values.version);
      const { start, end } = findQuote(version, { quote, prefix: values.prefix, suffix: values.suffix });
      const annotation = await ctx.call('annotations.add', {
        reviewId,
        versionId: version.id,
        range: { start, end, exact: quote },
        criterionIds: values.criterion ?? [],
        // Checked by the contract's schema, as a window's call is.
        severity: values.severity as MethodArgs<'annotations.add'>['severity'],
        body: plainTextToRichText(values.comment ?? ''),
      });
      if (ctx.json) return printJson(ctx, { annotationId: annotation.id });
      ctx.out(
        `Annotated “${quote}” in version “${version.label}” ` +
          `(${SEVERITY_LABELS[annotation.severity]}; ${annotation.criterionIds.join(', ')}): ${annotation.id}`,
      );
    });
  },
};
