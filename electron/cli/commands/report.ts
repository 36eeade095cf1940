import { resolve } from 'node:path';
import { REPORT_FORMATS, ReportFormat } from '../../../shared/api';
import { AppError } from '../../../shared/errors';
import { parseCommandArgs, printJson, withContext, type CliCommand } from '../context';
import { COMMAND_HELP } from '../command-help';
import { resolveReviewId } from '../resolve-review';

export const reportCommand: CliCommand = {
  name: 'report',
  ...COMMAND_HELP.report,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(
      argv,
      { format: { type: 'string' }, out: { type: 'string' } },
      this.usage,
    );
    const format = ReportFormat.safeParse(values.format);
    if (!format.success)
      throw new AppError(
        'E_INVALID_INPUT',
        `--format must be one of: ${REPORT_FORMATS.join(', ')}. Usage: ${this.usage}`,
      );
    const out = values.out;
    if (!out) throw new AppError('E_INVALID_INPUT', `--out FILE is required. Usage: ${this.usage}`);
    await withContext(values, io, async (ctx) => {
      const reviewId = await resolveReviewId(ctx, positionals[0]);
      // Opened as the app's window opens it: when it is read-only here, the report is made but not kept with it.
      const { readOnlyReason } = await ctx.call('reviews.open', { reviewId });
      const destination = await ctx.chooseSavePath('report', out);
      const { sha256, report } = await ctx.call('report.export', { reviewId, format: format.data, destination });
      const keptAs = readOnlyReason === undefined ? report.fileName : null;
      if (ctx.json)
        return printJson(ctx, { file: resolve(out), format: format.data, bytes: report.bytes, sha256, keptAs });
      ctx.out(`Wrote ${out} (${format.data.toUpperCase()}, ${report.bytes} bytes).\n    SHA-256 ${sha256}`);
      ctx.out(
        keptAs
          ? `    Kept with the review as “${keptAs}”.`
          : `    Not kept with the review: ${readOnlyReason ?? 'it is read-only here'}`,
      );
    });
  },
};
