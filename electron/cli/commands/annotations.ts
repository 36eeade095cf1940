import { richTextToPlainText } from '../../../shared/rich-text';
import { ANNOTATION_STATUS_LABELS, SEVERITY_LABELS } from '../../../shared/vocabulary';
import { listAnnotations } from '../../../shared/domain/annotations/edit-annotations';
import { versionByReference } from '../../../shared/domain/annotations/version-reference';
import { parseCommandArgs, printJson, withContext, type CliCommand, type CliContext } from '../context';
import { COMMAND_HELP } from '../command-help';
import { resolveReviewId } from '../resolve-review';

export const annotationsCommand: CliCommand = {
  name: 'annotations',
  ...COMMAND_HELP.annotations,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, { version: { type: 'string' } }, this.usage);
    await withContext(values, io, async (ctx) =>
      printAnnotations(ctx, await resolveReviewId(ctx, positionals[0]), values.version),
    );
  },
};

async function printAnnotations(ctx: CliContext, reviewId: string, versionRef: string | undefined): Promise<void> {
  // Read, not opened: listing takes no lock, so the app can go on editing the review meanwhile.
  const { review } = await ctx.call('reviews.read', { reviewId });
  const versionId = versionRef === undefined ? undefined : versionByReference(review, versionRef).id;
  const listed = listAnnotations(review, versionId).map((a) => {
    const [quote, position] = a.target.selector;
    return {
      id: a.id,
      versionId: a.versionId,
      quote: quote.exact,
      prefix: quote.prefix,
      suffix: quote.suffix,
      start: position.start,
      end: position.end,
      criterionIds: a.criterionIds,
      severity: a.severity,
      status: a.status,
      comment: richTextToPlainText(a.body),
      author: a.author.name,
      createdAt: a.createdAt,
      replies: a.replies.length,
      anchorState: a.anchorState,
    };
  });
  if (ctx.json) return printJson(ctx, listed);
  if (listed.length === 0) return ctx.out('No annotations.');
  const labels = new Map(review.versions.map((v) => [v.id, v.label]));
  for (const a of listed) {
    ctx.out(
      `${a.id}  [${SEVERITY_LABELS[a.severity]}, ${ANNOTATION_STATUS_LABELS[a.status]}] ` +
        ` ${labels.get(a.versionId) ?? a.versionId}  ${a.start}-${a.end} ` +
        ` ${a.criterionIds.join(', ')}`,
    );
    ctx.out(`    “${a.quote.replace(/\s+/g, ' ')}”`);
    if (a.comment) ctx.out(`    ${a.author}: ${a.comment.replace(/\n/g, '\n    ')}`);
    if (a.replies) ctx.out(`    ${a.replies} repl${a.replies === 1 ? 'y' : 'ies'}`);
  }
}
