import { resolve } from 'node:path';
import { AppError } from '../../../shared/errors';
import { COMMAND_HELP } from '../command-help';
import { parseCommandArgs, printJson, withContext } from '../context';
import type { CliCommand } from '../context';
import { openForChange } from '../open-for-change';
import { resolveReviewId } from '../resolve-review';
import { readPassphraseFile, resolveIdentityId } from './identity';
import { describeCounts, senderLine } from '../exchange-text';

const USAGE = COMMAND_HELP.package.usage;

export const packageCommand: CliCommand = {
  name: 'package',
  ...COMMAND_HELP.package,
  async run(argv, io) {
    const [sub, ...rest] = argv;
    const { values, positionals } = parseCommandArgs(
      rest,
      {
        out: { type: 'string' },
        identity: { type: 'string' },
        'passphrase-file': { type: 'string' },
        'take-over-lock': { type: 'boolean' },
      },
      USAGE,
    );
    await withContext(values, io, async (ctx) => {
      switch (sub) {
        case 'export': {
          const out = values.out;
          if (!out) throw new AppError('E_INVALID_INPUT', `--out FILE is required. Usage: ${USAGE}`);
          const reviewId = await resolveReviewId(ctx, positionals[0]);
          await openForChange(ctx, reviewId, values['take-over-lock']);
          const signing =
            values.identity === undefined
              ? {}
              : {
                  identityId: await resolveIdentityId(ctx, values.identity),
                  passphrase: await readPassphraseFile(values['passphrase-file']),
                };
          const exported = await ctx.call('packages.export', {
            reviewId,
            destination: await ctx.chooseSavePath('review-package', out),
            ...signing,
          });
          if (ctx.json) return printJson(ctx, { file: resolve(out), bytes: exported.bytes });
          return ctx.out(
            `Wrote ${out} (${exported.bytes} bytes${exported.signedBy ? `, signed by ${exported.signedBy}` : ', not signed'}).\n` +
              `    SHA-256 ${exported.sha256}\n    On another laptop: policy-review package open ${out}`,
          );
        }
        case 'open': {
          const file = positionals[0];
          if (!file) throw new AppError('E_INVALID_INPUT', `Name the package to open. Usage: ${USAGE}`);
          const opened = await ctx.call('packages.open', { source: await ctx.chooseFile('review-package', file) });
          if (ctx.json) return printJson(ctx, { reviewId: opened.reviewId, merged: opened.merged });
          ctx.out(senderLine(opened.sender));
          if (!opened.merged) return ctx.out(`Added the review “${opened.title}” (${opened.reviewId}).`);
          return ctx.out(`Merged it into “${opened.title}” (${opened.reviewId}): ${describeCounts(opened.counts!)}.`);
        }
        default:
          throw new AppError(
            'E_INVALID_INPUT',
            `${sub ? `“${sub}” is not a package command.` : 'Say what to do.'} Usage: ${USAGE}`,
          );
      }
    });
  },
};
