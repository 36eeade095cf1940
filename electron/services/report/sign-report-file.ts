import type { SaveDestination } from '../../../shared/api';
import type { Clock } from '../../../shared/domain/clock';
import { AppError } from '../../../shared/errors';
import type { Author } from '../../../shared/model';
import type { IdentityStore } from '../identities/identity-store';
import type { ReviewLibrary } from '../library/review-library';
import { recordSignOff, signReportBytes } from '../signing/sign-report';
import type { ReviewStore } from '../storage/review-store';
import { readFileIfPresent } from '../storage/json-file-adapter';
import type { SourceFile } from '../files/read-source';
import { deliverFile, type TakeSavePath } from '../files/deliver-file';
import { signOffTargetOf } from './sign-off-target';

export interface SignFileRequest {
  identityId: string;
  passphrase: string;
  meaning: string;
  destination: SaveDestination;
}

export interface SignedFile {
  fileName: string;
  saved: boolean;
  content?: string;
  kind: 'pdf' | 'json';
  signer: Author;
  meaning: string;
  signedAt: string;
  reportSha256: string;
  signOffId: string | null;
  reviewId?: string;
  notRecorded?: string;
}

/**
 * Signs a report file a person handed over (not one of the copies kept with a review): a PDF gets one more
 * embedded signature, a JSON report one more detached JWS in its signatures file (`<name>.jws`, beside the file
 * when it was chosen in a dialog). When the file is a report kept with a review of this library, as exported or as
 * signed since, the sign-off is recorded in that review, which is opened first: if it cannot record it, nothing is
 * signed. Any other file is signed, and the answer says why no sign-off was recorded.
 */
export async function signReportFile(
  file: SourceFile,
  request: SignFileRequest,
  services: {
    library: ReviewLibrary;
    identities: IdentityStore;
    openForSignOff: (reviewId: string) => Promise<ReviewStore>;
    takeSavePath: TakeSavePath;
    /** When it is signed: the time in the signature and in the sign-off, and the sign-off's id. */
    clock: Clock;
  },
): Promise<SignedFile> {
  const signatures = file.path
    ? ((await readFileIfPresent(`${file.path}.jws`))?.toString('utf8') ?? undefined)
    : undefined;
  const target = await signOffTargetOf(services.library, file.bytes);
  const store = 'report' in target ? await openForSignOff(services, target.reviewId) : undefined;
  const identity = await services.identities.unlock(request.identityId, request.passphrase);
  const signed = await signReportBytes(
    { fileName: file.fileName, bytes: file.bytes, signatures },
    identity,
    request.meaning,
    new Date(services.clock.now()),
  );
  // A JSON report itself is not changed by signing: what is saved is its signatures file, beside where it goes.
  const delivered = signed.pdf
    ? await deliverFile(
        request.destination,
        { fileName: file.fileName, bytes: signed.pdf, binary: true },
        services.takeSavePath,
      )
    : await deliverFile(
        request.destination,
        { fileName: `${file.fileName}.jws`, bytes: Buffer.from(signed.signatures ?? '', 'utf8'), binary: false },
        (token) => {
          const chosen = services.takeSavePath(token);
          return { path: `${chosen.path}.jws`, fileName: `${chosen.fileName}.jws` };
        },
      );
  let signOff: { id: string } | undefined;
  if (store && 'report' in target) {
    signOff = await recordSignOff(
      store,
      {
        signer: identity.signer,
        meaning: request.meaning,
        reportFile: target.report.fileName,
        reportSha256: target.report.sha256,
        signedAt: signed.signedAt,
      },
      services.clock,
    );
  }
  return {
    ...delivered,
    kind: signed.pdf ? 'pdf' : 'json',
    signer: identity.signer,
    meaning: request.meaning,
    signedAt: signed.signedAt.toISOString(),
    reportSha256: signed.reportSha256,
    signOffId: signOff?.id ?? null,
    ...('notRecorded' in target ? { notRecorded: target.notRecorded } : { reviewId: target.reviewId }),
  };
}

/** The report's review, open for writing; when it cannot record the sign-off, the refusal says nothing was signed. */
async function openForSignOff(
  services: { openForSignOff: (reviewId: string) => Promise<ReviewStore> },
  reviewId: string,
): Promise<ReviewStore> {
  try {
    return await services.openForSignOff(reviewId);
  } catch (error) {
    if (error instanceof AppError && (error.code === 'E_LOCKED' || error.code === 'E_READ_ONLY')) {
      throw new AppError(
        error.code,
        `This report's review cannot record the sign-off, so nothing was signed: ${error.message}`,
      );
    }
    throw error;
  }
}
