import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { SignatureMeaning } from '../../../shared/api';
import { AppError } from '../../../shared/errors';
import { IdentityStore } from '../../services/identities/identity-store';
import type { ReviewLibrary } from '../../services/library/review-library';
import { signOffTargetOf } from '../../services/report/sign-off-target';
import { recordSignOff, signReportBytes } from '../../services/signing/sign-report';
import { signedFileKind } from '../../services/signing/verify-report';
import type { ReviewStore } from '../../services/storage/review-store';
import { writeFileDurably } from '../../services/storage/durable-write';
import { readFileIfPresent } from '../../services/storage/json-file-adapter';
import { contextFor, parseCommandArgs, printJson, type CliCommand } from '../context';
import { readPassphraseFile, resolveIdentityId } from './identity';

export const signCommand: CliCommand = {
  name: 'sign',
  usage: 'policy-review sign FILE --identity ID --passphrase-file F [--meaning M] [--json] [--data-dir DIR]',
  summary:
    'Sign a report: a PDF gets an embedded PAdES signature (each signer in turn), a JSON report a detached JWS in FILE.jws. M says what the signature means: Reviewed (the default), Approved, Legal review, or your own words. A report kept with a review in the library (as exported, or as signed since) is recorded in it as a sign-off; any other file is signed but not recorded, and the command says why.',
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, { identity: { type: 'string' }, 'passphrase-file': { type: 'string' }, meaning: { type: 'string' } }, this.usage);
    const fileArg = positionals[0];
    if (!fileArg) throw new AppError('E_INVALID_INPUT', `Name the file to sign. Usage: ${this.usage}`);
    const meaning = SignatureMeaning.safeParse(values.meaning ?? 'Reviewed');
    if (!meaning.success) throw new AppError('E_INVALID_INPUT', meaning.error.issues[0]?.message ?? 'Say what the signature means.');
    const path = resolve(fileArg);
    const bytes = await readFile(path).catch(() => {
      throw new AppError('E_NOT_FOUND', `There is no file “${fileArg}”.`);
    });
    const kind = signedFileKind(bytes);
    const signaturesPath = `${path}.jws`;
    const existing = kind === 'json' ? ((await readFileIfPresent(signaturesPath))?.toString('utf8') ?? undefined) : undefined;
    const ctx = contextFor(values, io);
    const identities = new IdentityStore(ctx.dataDir);
    const identityId = await resolveIdentityId(identities, values.identity);
    const passphrase = await readPassphraseFile(values['passphrase-file']);

    // The review the report comes from is opened first: if it cannot record the sign-off, nothing is signed.
    const target = await signOffTargetOf(ctx.library, bytes);
    const store = 'report' in target ? await openReviewOfReport(ctx.library, target.reviewId) : undefined;
    try {
      const identity = await identities.unlock(identityId, passphrase);
      const signed = await signReportBytes({ fileName: basename(path), bytes, signatures: existing }, identity, meaning.data);
      if (signed.pdf) await writeFileDurably(path, signed.pdf);
      else await writeFileDurably(signaturesPath, signed.signatures ?? '');
      const signOff = store && 'report' in target ? await recordSignOff(store, { signer: identity.signer, meaning: meaning.data, reportFile: target.report.fileName, reportSha256: target.report.sha256, signedAt: signed.signedAt }) : undefined;
      const written = signed.pdf ? path : signaturesPath;
      if (ctx.json) {
        const outcome = 'notRecorded' in target ? { signOffId: null, notRecorded: target.notRecorded } : { signOffId: signOff?.id ?? null };
        return printJson(ctx, { file: written, signer: identity.signer, meaning: meaning.data, signedAt: signed.signedAt.toISOString(), reportSha256: signed.reportSha256, ...outcome });
      }
      ctx.out(`Signed ${fileArg} as ${identity.signer.name} (“${meaning.data}”)${signed.pdf ? '' : `; the signature is in ${basename(signaturesPath)}`}.`);
      ctx.out('notRecorded' in target ? `    Not recorded in a review: ${target.notRecorded}.` : `    Recorded as a sign-off in the review ${target.reviewId}.`);
    } finally {
      if (store) await ctx.library.closeReview(store.review.id);
    }
  },
};

/** The review of a report kept in this library, open for writing. */
async function openReviewOfReport(library: ReviewLibrary, reviewId: string): Promise<ReviewStore> {
  const store = await library.openReview(reviewId);
  if (store.readOnlyReason !== undefined) {
    await library.closeReview(reviewId);
    throw new AppError(store.isNewerFormat ? 'E_READ_ONLY' : 'E_LOCKED', `This report's review cannot record the sign-off, so nothing was signed: ${store.readOnlyReason}`);
  }
  return store;
}
