import { basename, resolve } from 'node:path';
import { AppError } from '../../../shared/errors';
import { parseCommandArgs, printJson, withContext, type CliCommand } from '../context';
import { COMMAND_HELP } from '../command-help';
import { readPassphraseFile, resolveIdentityId } from './identity';

export const signCommand: CliCommand = {
  name: 'sign',
  ...COMMAND_HELP.sign,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(
      argv,
      { identity: { type: 'string' }, 'passphrase-file': { type: 'string' }, meaning: { type: 'string' } },
      this.usage,
    );
    const fileArg = positionals[0];
    if (!fileArg) throw new AppError('E_INVALID_INPUT', `Name the file to sign. Usage: ${this.usage}`);
    await withContext(values, io, async (ctx) => {
      // The file is read, and its signed version (or a JSON report's signatures) saved, where the command line says.
      const source = await ctx.chooseFile('report-to-sign', fileArg);
      const identityId = await resolveIdentityId(ctx, values.identity);
      const passphrase = await readPassphraseFile(values['passphrase-file']);
      const destination = await ctx.chooseSavePath('report', fileArg);
      const signed = await ctx.call('report.signFile', {
        source,
        destination,
        identityId,
        passphrase,
        meaning: values.meaning ?? 'Reviewed',
      });
      const pdf = signed.kind === 'pdf';
      if (ctx.json) {
        const outcome =
          signed.notRecorded !== undefined
            ? { signOffId: null, notRecorded: signed.notRecorded }
            : { signOffId: signed.signOffId };
        const { signer, meaning, signedAt, reportSha256 } = signed;
        return printJson(ctx, {
          file: resolve(pdf ? fileArg : `${fileArg}.jws`),
          signer,
          meaning,
          signedAt,
          reportSha256,
          ...outcome,
        });
      }
      ctx.out(
        `Signed ${fileArg} as ${signed.signer.name} (“${signed.meaning}”)${pdf ? '' : `; the signature is in ${basename(signed.fileName)}`}.`,
      );
      ctx.out(
        signed.notRecorded !== undefined
          ? `    Not recorded in a review: ${signed.notRecorded}.`
          : `    Recorded as a sign-off in the review ${signed.reviewId ?? ''}.`,
      );
    });
  },
};
