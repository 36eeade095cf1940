import { basename } from 'node:path';
import type { SignatureCheck } from '../../../shared/api';
import { AppError } from '../../../shared/errors';
import { formatDateTime } from '../../../shared/report';
import { parseCommandArgs, printJson, withContext, type CliCommand } from '../context';
import { COMMAND_HELP } from '../command-help';

export const verifyCommand: CliCommand = {
  name: 'verify',
  ...COMMAND_HELP.verify,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, { trust: { type: 'string', multiple: true } }, this.usage);
    const fileArg = positionals[0];
    if (!fileArg) throw new AppError('E_INVALID_INPUT', `Name the file to check. Usage: ${this.usage}`);
    // A JSON report's signatures file names the report: the report is what is checked, its `.jws` found beside it.
    const reportArg = fileArg.endsWith('.jws') ? fileArg.slice(0, -'.jws'.length) : fileArg;
    await withContext(values, io, async (ctx) => {
      const source = await ctx.chooseFile('report-to-verify', reportArg, `There is no file “${fileArg}”.`);
      const trust = [];
      for (const cert of values.trust ?? [])
        trust.push(await ctx.chooseFile('certificate', cert, `There is no certificate file “${cert}”.`));
      const result = await ctx.call('report.verify', { source, ...(trust.length ? { trust } : {}) });
      if (ctx.json) {
        const { valid, signatures: checks, ...rest } = result;
        printJson(ctx, { valid, signatures: checks, ...rest });
      } else {
        ctx.out(`${basename(reportArg)}: ${result.summary}`);
        result.signatures.forEach((s, i) => ctx.out(`  ${i + 1}. ${describe(s)}`));
      }
      // The verdict is printed above; the exit code carries it for scripts.
      if (!result.valid) {
        const changed = result.signatures.some((s) => s.changesAfter?.length);
        throw new AppError(
          'E_INVALID_INPUT',
          !result.signatures.length
            ? 'the file has no signatures.'
            : changed
              ? 'the file was changed after it was signed (see above).'
              : 'the signatures do not hold (see above).',
        );
      }
    });
  },
};

function describe(s: SignatureCheck): string {
  const who = s.role ? `${s.signer} (${s.role})` : s.signer;
  const when = s.signedAt ? `, signed ${formatDateTime(s.signedAt)}` : '';
  const meaning = s.meaning ? `, “${s.meaning}”` : '';
  const state = [
    s.intact ? 'intact' : 'NOT INTACT',
    s.coversWholeFile
      ? 'covers the whole file'
      : s.validationDataAfter
        ? 'followed by validation data only'
        : 'covers the file as it was then',
    ...(s.changesAfter?.length ? ['CHANGED AFTER SIGNING'] : []),
    ...(s.certificateProblems ? ['CERTIFICATE DID NOT ALLOW IT'] : []),
    s.trusted ? `trusted (${s.trustedAs ?? 'yes'})` : 'signer not trusted here',
  ].join('; ');
  const notes = [...(s.changesAfter ?? []), ...(s.problem ? [s.problem] : []), ...(s.certificateProblems ?? [])];
  return `${who}${when}${meaning}: ${state}${notes
    .map(
      (note) => `
     ${note}`,
    )
    .join('')}`;
}
