import { resolve } from 'node:path';
import { REPORT_FORMATS, ReportFormat } from '../../../shared/api';
import { AppError } from '../../../shared/errors';
import { exportReport } from '../../services/report/export-report';
import { printWithChromium } from '../../services/report/print-with-chromium';
import { actorFromSettings } from '../../services/settings/actor';
import { writeFileDurably } from '../../services/storage/durable-write';
import { contextFor, parseCommandArgs, printJson, type CliCommand } from '../context';
import { resolveReviewId } from '../resolve-review';

export const reportCommand: CliCommand = {
  name: 'report',
  usage: 'policy-review report REVIEW --format pdf|html|md|json|w3c --out FILE [--json] [--data-dir DIR]',
  summary: 'Write the review’s report (PDF, HTML, Markdown, JSON) or its annotations as W3C Web Annotations (JSON-LD). The report is also kept with the review, to sign, unless the review is open in the app.',
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, { format: { type: 'string' }, out: { type: 'string' } }, this.usage);
    const format = ReportFormat.safeParse(values.format);
    if (!format.success) throw new AppError('E_INVALID_INPUT', `--format must be one of: ${REPORT_FORMATS.join(', ')}. Usage: ${this.usage}`);
    if (!values.out) throw new AppError('E_INVALID_INPUT', `--out FILE is required. Usage: ${this.usage}`);
    const out = resolve(values.out);
    const ctx = contextFor(values, io);
    const reviewId = await resolveReviewId(ctx.library, positionals[0]);
    const actor = actorFromSettings((await ctx.settings()).settings);
    const store = await ctx.library.openReview(reviewId);
    try {
      const { rendered, sha256, kept } = await exportReport(store, format.data, { actor, printPdf: printWithChromium });
      await writeFileDurably(out, rendered.bytes);
      if (ctx.json) return printJson(ctx, { file: out, format: format.data, bytes: rendered.bytes.length, sha256, keptAs: kept?.fileName ?? null });
      ctx.out(`Wrote ${values.out} (${format.data.toUpperCase()}, ${rendered.bytes.length} bytes).\n    SHA-256 ${sha256}`);
      ctx.out(kept ? `    Kept with the review as “${kept.fileName}”.` : `    Not kept with the review: ${store.readOnlyReason ?? 'it is read-only here'}`);
    } finally {
      await ctx.library.closeReview(reviewId);
    }
  },
};
