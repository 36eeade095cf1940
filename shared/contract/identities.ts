import { z } from 'zod';
import { CommitteeRole, RecordId, Sha256Hex, Timestamp } from '../model';
import { method, NoArgs, SingleLine } from './common';
import { ImportSource, SaveDestination, SavedFile } from './files';

/** Passphrases cross the bridge only in the calls that need them, and are never stored or logged. */
export const Passphrase = z
  .string()
  .min(1, 'Type the passphrase.')
  .max(1024, 'A passphrase has at most 1,024 characters.');

export const CertificateInfo = z.object({
  name: z.string(),
  subject: z.string(),
  issuer: z.string(),
  serialNumber: z.string(),
  notBefore: Timestamp,
  notAfter: Timestamp,
  /** SHA-256 of the certificate, lower-case hex: what two people compare to know it is the same certificate. */
  fingerprint: Sha256Hex,
  selfSigned: z.boolean(),
  keyAlgorithm: z.string(),
  email: z.string().optional(),
});
export type CertificateInfo = z.infer<typeof CertificateInfo>;

/** A signing identity of this computer's user: a key pair (the private key encrypted) and its certificate. */
export const IdentitySummary = z.object({
  id: RecordId,
  name: z.string(),
  role: CommitteeRole,
  email: z.string().optional(),
  /** Made in the app (self-signed), or imported from an organisation's PKCS #12 file. */
  origin: z.enum(['created', 'pkcs12']),
  createdAt: Timestamp,
  certificate: CertificateInfo,
  /** Why this identity cannot sign now (its certificate expired, is not valid yet, or is not for signing), with what to do. */
  signingProblem: z.string().optional(),
});
export type IdentitySummary = z.infer<typeof IdentitySummary>;

/** A colleague's (or a CA's) certificate this user trusts: signatures it made, or it issued, show as trusted. */
export const TrustedCertificate = CertificateInfo.extend({ addedAt: Timestamp });
export type TrustedCertificate = z.infer<typeof TrustedCertificate>;

/** The signer's email, named back in the refusal: the same words the identity store uses. */
const SignerEmail = z
  .email({ error: (issue) => `“${String(issue.input).slice(0, 320)}” is not an email address.` })
  .max(320);
const NewPersonName = SingleLine.trim().min(1, 'A name is required.').max(200, 'A name has at most 200 characters.');

export const IDENTITY_METHODS = {
  'identities.list': method(NoArgs, z.array(IdentitySummary)),
  /** A new key pair and self-signed certificate; the private key is kept encrypted with the passphrase. */
  'identities.create': method(
    z
      .object({ name: NewPersonName, role: CommitteeRole, email: SignerEmail.optional(), passphrase: Passphrase })
      .strict(),
    IdentitySummary,
  ),
  /** An identity from an organisation's PKCS #12 (.p12, .pfx) file; its key is then kept encrypted with that file's passphrase. */
  'identities.import': method(
    z.object({ source: ImportSource, passphrase: Passphrase, role: CommitteeRole }).strict(),
    IdentitySummary,
  ),
  /** The identity's certificate (PEM), for colleagues to trust. */
  'identities.exportCertificate': method(
    z.object({ identityId: RecordId, destination: SaveDestination }).strict(),
    SavedFile,
  ),
  'identities.listTrusted': method(NoArgs, z.array(TrustedCertificate)),
  /** Trusts a colleague's (or a CA's) certificate file (PEM or DER). */
  'identities.trust': method(z.object({ source: ImportSource }).strict(), TrustedCertificate),
  'identities.untrust': method(z.object({ fingerprint: Sha256Hex }).strict(), z.object({ removed: z.boolean() })),
} as const;
