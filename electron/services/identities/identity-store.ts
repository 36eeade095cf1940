import { createPrivateKey, randomUUID, type KeyObject } from 'node:crypto';
import { mkdir, readdir, readFile, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { IdentitySummary, TrustedCertificate } from '../../../shared/api';
import { systemClock, type Clock } from '../../../shared/domain/clock';
import { AppError } from '../../../shared/errors';
import { Author, CommitteeRole, RecordId, Timestamp, serializeJson } from '../../../shared/model';
import { ROLE_LABELS } from '../../../shared/vocabulary';
import { writeFileDurably } from '../storage/durable-write';
import { isNodeError } from '../storage/json-file-adapter';
import { certificateFingerprint, certificateToPem, describeCertificate, readCertificateFile } from './certificate';
import { signingProblemNow } from './certificate-use';
import { checkNewPassphrase, openSealedKey, sealKey, type SealedKey } from './key-sealing';
import { readPkcs12 } from './pkcs12';
import { createSelfSignedIdentity } from './self-signed-certificate';

const SealedKeySchema = z.object({
  kdf: z.literal('scrypt'),
  N: z.int(),
  r: z.int(),
  p: z.int(),
  salt: z.base64(),
  cipher: z.literal('aes-256-gcm'),
  iv: z.base64(),
  tag: z.base64(),
  ciphertext: z.base64(),
}) satisfies z.ZodType<SealedKey>;

/** An identity file, `<data>/identities/<id>.json`: who, their certificate, and their private key encrypted. */
const IdentityFile = z.object({
  format: z.literal('policy-review-identity'),
  formatVersion: z.literal(1),
  id: RecordId,
  name: z.string().min(1).max(200),
  role: CommitteeRole,
  email: z.string().optional(),
  origin: z.enum(['created', 'pkcs12']),
  createdAt: Timestamp,
  certificate: z.string(),
  chain: z.array(z.string()),
  privateKey: SealedKeySchema,
});
type IdentityFile = z.infer<typeof IdentityFile>;

/** An identity opened with its passphrase: what signing needs, for as long as the signing takes. */
export interface UnlockedIdentity {
  id: string;
  signer: Author;
  certificate: Uint8Array;
  /** The issuers' certificates, nearest first (empty for a self-signed identity). */
  chain: Uint8Array[];
  privateKey: KeyObject;
}

/**
 * This user's signing identities (`<data>/identities/`) and the certificates they trust (`<data>/trusted/`). A
 * private key is written only encrypted (scrypt + AES-256-GCM, see key-sealing.ts), and decrypted only in memory
 * for one signature.
 */
export class IdentityStore {
  readonly identitiesDir: string;
  readonly trustedDir: string;

  constructor(
    dataDir: string,
    /**
     * Dates what this store makes: an identity's `createdAt` and its certificate's validity, a trust's `addedAt`.
     * The workstation's clock, which also dates signatures, so a fresh identity can sign at the clock's time.
     */
    private readonly clock: Clock = systemClock,
  ) {
    this.identitiesDir = join(dataDir, 'identities');
    this.trustedDir = join(dataDir, 'trusted');
  }

  async list(): Promise<IdentitySummary[]> {
    const files = await this.readAll();
    return files
      .map((file) => this.summarize(file))
      .sort((a, b) => a.name.localeCompare(b.name) || a.createdAt.localeCompare(b.createdAt));
  }

  async create(input: {
    name: string;
    role: IdentitySummary['role'];
    email?: string | undefined;
    passphrase: string;
  }): Promise<IdentitySummary> {
    checkNewPassphrase(input.passphrase);
    // The identity signs as this author in sign-offs, so it must be one the review accepts.
    const checked = Author.safeParse({
      name: input.name,
      role: input.role,
      ...(input.email ? { email: input.email } : {}),
    });
    if (!checked.success)
      throw new AppError(
        'E_INVALID_INPUT',
        input.email && !Author.shape.email.safeParse(input.email).success
          ? `“${input.email}” is not an email address.`
          : 'A name is required (at most 200 characters).',
      );
    const subject = {
      name: input.name,
      title: ROLE_LABELS[input.role],
      ...(input.email ? { email: input.email } : {}),
    };
    const { certificate, privateKey } = await createSelfSignedIdentity(subject, new Date(this.clock.now()));
    return this.save({
      name: input.name,
      role: input.role,
      email: input.email,
      origin: 'created',
      certificate,
      chain: [],
      privateKey,
      passphrase: input.passphrase,
    });
  }

  /** Imports an identity from a PKCS #12 file; its key is kept encrypted with the file's own passphrase. */
  async importPkcs12(input: {
    bytes: Uint8Array;
    passphrase: string;
    role: IdentitySummary['role'];
  }): Promise<IdentitySummary> {
    const contents = readPkcs12(input.bytes, input.passphrase);
    checkNewPassphrase(
      input.passphrase,
      'The passphrase of this PKCS #12 file is too short to keep the key safe in this app (at least 8 characters). Ask for the file with a longer passphrase.',
    );
    const info = describeCertificate(contents.certificate);
    const existing = (await this.readAll()).find(
      (f) => certificateFingerprint(pemToDer(f.certificate)) === info.fingerprint,
    );
    if (existing) throw new AppError('E_INVALID_INPUT', `This identity is already here, as “${existing.name}”.`);
    // The certificate's name and email, as far as a sign-off can hold them.
    const name = info.name.trim().slice(0, 200) || 'Unnamed signer';
    const email = info.email && Author.shape.email.safeParse(info.email).success ? info.email : undefined;
    return this.save({
      name,
      role: input.role,
      email,
      origin: 'pkcs12',
      certificate: contents.certificate,
      chain: contents.chain,
      privateKey: contents.privateKey,
      passphrase: input.passphrase,
    });
  }

  async summary(id: string): Promise<IdentitySummary> {
    return this.summarize(await this.read(id));
  }

  /** The identity's certificate as PEM, followed by its issuers' for an imported one. */
  async certificatePem(id: string): Promise<{ fileName: string; pem: string }> {
    const file = await this.read(id);
    const slug =
      file.name
        .toLowerCase()
        .replace(/[^\p{L}\p{N}]+/gu, '-')
        .replace(/^-|-$/g, '') || 'identity';
    return { fileName: `${slug}.cert.pem`, pem: [file.certificate, ...file.chain].join('') };
  }

  /** Decrypts the identity's private key with the passphrase; a wrong one is an `E_INVALID_INPUT` and nothing else happens. */
  async unlock(id: string, passphrase: string): Promise<UnlockedIdentity> {
    const file = await this.read(id);
    const certificate = pemToDer(file.certificate);
    const pkcs8 = await openSealedKey(
      file.privateKey,
      passphrase,
      keyBinding(file.id, certificateFingerprint(certificate)),
    );
    try {
      const signer: Author = { name: file.name, role: file.role };
      if (file.email) signer.email = file.email;
      return {
        id: file.id,
        signer,
        certificate,
        chain: file.chain.map(pemToDer),
        privateKey: createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' }),
      };
    } finally {
      pkcs8.fill(0);
    }
  }

  /** Certificates of this user's own identities: signatures by them are trusted. */
  async identityCertificates(): Promise<Uint8Array[]> {
    return (await this.readAll()).map((f) => pemToDer(f.certificate));
  }

  async listTrusted(): Promise<TrustedCertificate[]> {
    const entries = await this.readTrusted();
    return entries.map((e) => e.info).sort((a, b) => a.name.localeCompare(b.name));
  }

  async trustedCertificates(): Promise<Uint8Array[]> {
    return (await this.readTrusted()).map((e) => e.der);
  }

  /** Trusts the certificate(s) in a PEM or DER file; trusting one already trusted changes nothing. */
  async trust(bytes: Uint8Array): Promise<TrustedCertificate> {
    const [der, ...rest] = readCertificateFile(bytes);
    if (!der) throw new AppError('E_INVALID_INPUT', 'That file holds no certificate.');
    if (rest.length)
      throw new AppError('E_INVALID_INPUT', 'That file holds several certificates; trust them one file at a time.');
    const info = describeCertificate(der);
    await mkdir(this.trustedDir, { recursive: true });
    const file = join(this.trustedDir, `${info.fingerprint}.pem`);
    const known = (await this.readTrusted()).find((e) => e.info.fingerprint === info.fingerprint);
    if (known) return known.info;
    await writeFileDurably(file, certificateToPem(der));
    return { ...info, addedAt: this.clock.now() };
  }

  async untrust(fingerprint: string): Promise<boolean> {
    if (!/^[0-9a-f]{64}$/.test(fingerprint))
      throw new AppError('E_INVALID_INPUT', 'That is not a certificate fingerprint.');
    try {
      await unlink(join(this.trustedDir, `${fingerprint}.pem`));
      return true;
    } catch (error) {
      if (isNodeError(error, 'ENOENT')) return false;
      throw error;
    }
  }

  private async save(input: {
    name: string;
    role: IdentitySummary['role'];
    email?: string | undefined;
    origin: IdentityFile['origin'];
    certificate: Uint8Array;
    chain: Uint8Array[];
    privateKey: Uint8Array;
    passphrase: string;
  }): Promise<IdentitySummary> {
    const id = randomUUID();
    const sealed = await sealKey(
      input.privateKey,
      input.passphrase,
      keyBinding(id, certificateFingerprint(input.certificate)),
    );
    input.privateKey.fill(0);
    const file: IdentityFile = IdentityFile.parse({
      format: 'policy-review-identity',
      formatVersion: 1,
      id,
      name: input.name,
      role: input.role,
      ...(input.email ? { email: input.email } : {}),
      origin: input.origin,
      createdAt: this.clock.now(),
      certificate: certificateToPem(input.certificate),
      chain: input.chain.map(certificateToPem),
      privateKey: sealed,
    });
    await mkdir(this.identitiesDir, { recursive: true, mode: 0o700 });
    await writeFileDurably(join(this.identitiesDir, `${id}.json`), serializeJson(file));
    return this.summarize(file);
  }

  /** An identity as the contract lists it; whether it can sign is judged at the time a signature would bear. */
  private summarize(file: IdentityFile): IdentitySummary {
    const summary: IdentitySummary = {
      id: file.id,
      name: file.name,
      role: file.role,
      origin: file.origin,
      createdAt: file.createdAt,
      certificate: describeCertificate(pemToDer(file.certificate)),
    };
    if (file.email) summary.email = file.email;
    const signingProblem = signingProblemNow(file.name, pemToDer(file.certificate), new Date(this.clock.now()));
    if (signingProblem) summary.signingProblem = signingProblem;
    return summary;
  }

  private async read(id: string): Promise<IdentityFile> {
    if (!RecordId.safeParse(id).success)
      throw new AppError(
        'E_INVALID_INPUT',
        `“${id}” is not an identity id. \`policy-review identity list\` shows them.`,
      );
    let text: string;
    try {
      text = await readFile(join(this.identitiesDir, `${id}.json`), 'utf8');
    } catch (error) {
      if (isNodeError(error, 'ENOENT'))
        throw new AppError('E_NOT_FOUND', `There is no identity ${id} on this computer.`);
      throw error;
    }
    return decodeIdentity(text, id);
  }

  private async readAll(): Promise<IdentityFile[]> {
    const names = await readdir(this.identitiesDir).catch((error: unknown) => {
      if (isNodeError(error, 'ENOENT')) return [] as string[];
      throw error;
    });
    const files: IdentityFile[] = [];
    for (const name of names.filter((n) => /^[0-9a-f-]{36}\.json$/.test(n))) {
      try {
        files.push(decodeIdentity(await readFile(join(this.identitiesDir, name), 'utf8'), name.slice(0, -5)));
      } catch {
        // A damaged identity file is left alone (and not listed); the others still work.
      }
    }
    return files;
  }

  private async readTrusted(): Promise<{ der: Uint8Array; info: TrustedCertificate }[]> {
    const names = await readdir(this.trustedDir).catch((error: unknown) => {
      if (isNodeError(error, 'ENOENT')) return [] as string[];
      throw error;
    });
    const entries: { der: Uint8Array; info: TrustedCertificate }[] = [];
    for (const name of names.filter((n) => n.endsWith('.pem'))) {
      try {
        const path = join(this.trustedDir, name);
        const bytes = await readFile(path);
        const [der] = readCertificateFile(bytes);
        if (!der) continue;
        const { mtime } = await stat(path);
        entries.push({ der, info: { ...describeCertificate(der), addedAt: mtime.toISOString() } });
      } catch {
        // An unreadable file in the trusted folder trusts nothing.
      }
    }
    return entries;
  }
}

function decodeIdentity(text: string, id: string): IdentityFile {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new AppError('E_CORRUPT', `The identity file ${id}.json is not valid JSON. It has not been changed.`);
  }
  const parsed = IdentityFile.safeParse(raw);
  if (!parsed.success || parsed.data.id !== id)
    throw new AppError('E_CORRUPT', `The identity file ${id}.json is damaged. It has not been changed.`);
  return parsed.data;
}

function pemToDer(pem: string): Uint8Array {
  const [der] = readCertificateFile(Buffer.from(pem, 'latin1'));
  if (!der) throw new AppError('E_CORRUPT', 'An identity file holds no certificate.');
  return der;
}

/** What a sealed key is bound to: its identity and certificate. */
function keyBinding(id: string, fingerprint: string): string {
  return `policy-review-identity:${id}:${fingerprint}`;
}
