import { z } from 'zod';
import { Author, RecordId, Sha256Hex, SignOff, Timestamp } from '../model';
import { method, ReviewRef, SingleLine } from './common';
import { ImportSource, SaveDestination, SavedFile } from './files';
import { CertificateInfo, Passphrase } from './identities';

export const REPORT_FORMATS = ['pdf', 'html', 'md', 'json', 'w3c'] as const;
/** pdf (printed, signable), html, md, json (the report model, signable) and w3c (the annotations as JSON-LD). */
export const ReportFormat = z.enum(REPORT_FORMATS);
export type ReportFormat = z.infer<typeof ReportFormat>;

/** What a signature says it means, offered as choices; a signer may also write their own words. */
export const SIGNATURE_MEANINGS = ['Reviewed', 'Approved', 'Legal review'] as const;
export const SignatureMeaning = SingleLine.trim()
  .min(1, 'Say what the signature means, e.g. “Approved”.')
  .max(200, 'A meaning has at most 200 characters.');

/** A report file kept with the review: a plain file name, never a path. */
export const ReportFileName = z
  .string()
  .min(1)
  .max(255)
  .regex(/^[^/\\\p{Cc}]+$/u, 'not a report file name')
  .refine((name) => name !== '.' && name !== '..', 'not a report file name');

export const ReportSignature = z.object({
  signOffId: RecordId,
  signer: Author,
  meaning: z.string(),
  signedAt: Timestamp,
});

/** A report exported from the review and kept with it (`<review>.reports/`), with the signatures it has. */
export const ReportRecord = z.object({
  fileName: ReportFileName,
  format: ReportFormat,
  mediaType: z.string(),
  /** SHA-256 and size of the report as exported: what each sign-off names. */
  sha256: Sha256Hex,
  bytes: z.int().min(0),
  exportedAt: Timestamp,
  exportedBy: Author,
  versionId: RecordId.optional(),
  /** PDF and JSON reports can be signed. */
  signable: z.boolean(),
  /** SHA-256 and size of the file as it is now, after the signatures (a signed PDF grows with each one). */
  currentSha256: Sha256Hex,
  currentBytes: z.int().min(0),
  /** For a JSON report: the file of detached JWS signatures kept beside it (`<report>.jws`). */
  signatureFile: ReportFileName.optional(),
  signatures: z.array(ReportSignature),
});
export type ReportRecord = z.infer<typeof ReportRecord>;

/** One signature as the verifier found it. */
export const SignatureCheck = z.object({
  /** The signer's name from their certificate (its common name). */
  signer: z.string(),
  certificate: CertificateInfo.optional(),
  /** When the signer's computer said it signed (PDF /M, JWS `sigT`): claimed, not proven by a timestamp authority. */
  signedAt: z.string().optional(),
  /** What the signature means (PDF /Reason, JWS `meaning`). */
  meaning: z.string().optional(),
  role: z.string().optional(),
  /** The signed bytes are exactly what was signed, and the signature over them is the certificate's key's. */
  intact: z.boolean(),
  /** The signature covers the file to its last byte: nothing was added after it. */
  coversWholeFile: z.boolean(),
  /**
   * For a PDF: what later updates changed in what this signature signed, beyond what signing adds (a signature
   * field, its appearance, validation data), in sentences ("Page 1 changed after Amira Haddad signed."). Any
   * makes the file not valid, whatever later signatures cover. Empty when nothing was changed.
   */
  changesAfter: z.array(z.string()).optional(),
  /** For the last signature of a PDF: what follows it is validation data only (a document security store, PAdES B-LT). */
  validationDataAfter: z.boolean().optional(),
  /** The signer's certificate is one of this computer's identities or trusted certificates (or was issued by one). */
  trusted: z.boolean(),
  /** How trust was established, when it was. */
  trustedAs: z.enum(['identity', 'trusted-certificate', 'given-certificate', 'issuer']).optional(),
  /** The signed bytes of the file (for a PDF: the revision this signature closes). */
  signedBytes: z.int().min(0),
  /** What is wrong, in words, when something is. */
  problem: z.string().optional(),
  /**
   * Why the signer's certificate did not allow this signature at the time it claims (validity period, key usage,
   * or issuers on the path to a trusted CA that could not vouch for it), a sentence each. Any makes the file not valid.
   */
  certificateProblems: z.array(z.string()).min(1).optional(),
});
export type SignatureCheck = z.infer<typeof SignatureCheck>;

export const VerificationResult = z.object({
  fileName: z.string(),
  kind: z.enum(['pdf', 'json']),
  fileBytes: z.int().min(0),
  sha256: Sha256Hex,
  /**
   * Every signature is intact and covers its part of the file, and nothing was changed after any of them beyond
   * what signing adds (an untrusted signer alone does not make it invalid).
   */
  valid: z.boolean(),
  signatures: z.array(SignatureCheck),
  /** One sentence for people. */
  summary: z.string(),
  /** For a signed PDF: the SHA-256 of the report as it was before the first signature, which sign-offs name. */
  unsignedSha256: Sha256Hex.optional(),
});
export type VerificationResult = z.infer<typeof VerificationResult>;

export const REPORT_METHODS = {
  /**
   * Makes the report in one format from the review as it is now, keeps a copy with the review (listed by
   * `report.list`, signable by `report.sign`) and writes it where main's save dialog chose, or returns it
   * (`content`: UTF-8 text, or base64 for a PDF). With a `requestId`, each step (building, printing, adding the
   * signature fields, keeping) is announced as a `report.progress` event: a long report takes seconds to print.
   */
  'report.export': method(
    z
      .object({
        reviewId: RecordId,
        format: ReportFormat,
        destination: SaveDestination,
        versionId: RecordId.optional(),
        requestId: z.uuid().optional(),
      })
      .strict(),
    z.object({
      fileName: z.string(),
      saved: z.boolean(),
      sha256: Sha256Hex,
      content: z.string().optional(),
      report: ReportRecord,
    }),
  ),
  /** The reports exported from this review, newest first, with their signatures. */
  'report.list': method(ReviewRef, z.array(ReportRecord)),
  /**
   * A kept report as it is now (signed or not), or a JSON report's signatures file (its `signatureFile`), written
   * where main's save dialog chose, or returned.
   */
  'report.save': method(
    z.object({ reviewId: RecordId, reportFile: ReportFileName, destination: SaveDestination }).strict(),
    SavedFile.extend({ sha256: Sha256Hex }),
  ),
  /**
   * Signs a kept PDF or JSON report with one of this user's identities and records the sign-off in the review.
   * A PDF gets one more embedded signature (PAdES B-B, by incremental update); a JSON report one more detached
   * JWS in its `.jws` file. A wrong passphrase changes nothing.
   */
  'report.sign': method(
    z
      .object({
        reviewId: RecordId,
        reportFile: ReportFileName,
        identityId: RecordId,
        passphrase: Passphrase,
        meaning: SignatureMeaning,
      })
      .strict(),
    z.object({ signOff: SignOff, report: ReportRecord }),
  ),
  /**
   * Signs a report file the person handed over (`report-to-sign`), rather than a kept copy: a PDF gets one more
   * embedded signature and is saved to `destination`; a JSON report is not changed, its signatures file is saved
   * beside `destination` as `<name>.jws` (its earlier signatures, beside the chosen file, are kept). When the file is
   * a report kept with a review of this library (as exported, or as signed since), the sign-off is recorded there;
   * if that review cannot record it, nothing is signed. Any other file is signed, with `notRecorded` saying why.
   */
  'report.signFile': method(
    z
      .object({
        source: ImportSource,
        destination: SaveDestination,
        identityId: RecordId,
        passphrase: Passphrase,
        meaning: SignatureMeaning,
      })
      .strict(),
    SavedFile.extend({
      kind: z.enum(['pdf', 'json']),
      signer: Author,
      meaning: z.string(),
      signedAt: Timestamp,
      /** The SHA-256 of the report as exported (for a PDF, before its first signature): what sign-offs name. */
      reportSha256: Sha256Hex,
      /** The sign-off recorded, and the review it is recorded in; or why none was. */
      signOffId: RecordId.nullable(),
      reviewId: RecordId.optional(),
      notRecorded: z.string().optional(),
    }),
  ),
  /**
   * Checks the signatures of a PDF, or of a JSON report with its `.jws` file (`signatures`; for a file chosen in
   * main's dialog, the `.jws` beside it is found by itself).
   */
  'report.verify': method(
    z
      .object({
        source: ImportSource,
        signatures: ImportSource.optional(),
        /** Certificates (PEM or DER files) to trust for this check only, beside this computer's identities and trusted ones. */
        trust: z.array(ImportSource).max(50).optional(),
      })
      .strict(),
    VerificationResult,
  ),
} as const;
