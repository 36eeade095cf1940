import { createCipheriv, createDecipheriv, randomBytes, scrypt, type ScryptOptions } from 'node:crypto';
import { AppError } from '../../../shared/errors';

/**
 * A private key as it is kept on disk: encrypted with AES-256-GCM under a key derived from the person's
 * passphrase with scrypt. The parameters travel with it, so stronger ones later still open older files.
 */
export interface SealedKey {
  kdf: 'scrypt';
  /** scrypt cost (N), block size (r) and parallelism (p). */
  N: number;
  r: number;
  p: number;
  salt: string;
  cipher: 'aes-256-gcm';
  iv: string;
  tag: string;
  ciphertext: string;
}

/** N = 2^17, r = 8, p = 1: 128 MiB and about half a second per unlock, the OWASP recommendation for scrypt. */
export const SCRYPT_PARAMS = { N: 2 ** 17, r: 8, p: 1 } as const;

export const MIN_PASSPHRASE_LENGTH = 8;

/** Refuses passphrases too short to protect a signing key. */
export function checkNewPassphrase(passphrase: string, message?: string): void {
  if ([...passphrase].length < MIN_PASSPHRASE_LENGTH) {
    throw new AppError(
      'E_INVALID_INPUT',
      message ??
        `A passphrase needs at least ${MIN_PASSPHRASE_LENGTH} characters. A few unrelated words make a good one.`,
    );
  }
}

/**
 * Encrypts `secret` under `passphrase`. `binding` (the identity's id and certificate fingerprint) is
 * authenticated with it, so a sealed key copied into another identity's file does not open there.
 */
export async function sealKey(secret: Uint8Array, passphrase: string, binding: string): Promise<SealedKey> {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const key = await deriveKey(passphrase, salt, SCRYPT_PARAMS);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(binding, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(secret), cipher.final()]);
  key.fill(0);
  return {
    kdf: 'scrypt',
    ...SCRYPT_PARAMS,
    salt: salt.toString('base64'),
    cipher: 'aes-256-gcm',
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    ciphertext: ciphertext.toString('base64'),
  };
}

/** Decrypts a sealed key; a wrong passphrase (or a changed file) fails the GCM check and says so plainly. */
export async function openSealedKey(sealed: SealedKey, passphrase: string, binding: string): Promise<Buffer> {
  if (sealed.kdf !== 'scrypt' || sealed.cipher !== 'aes-256-gcm')
    throw new AppError('E_UNSUPPORTED', 'This identity file was written in a way this app does not know.');
  const key = await deriveKey(passphrase, Buffer.from(sealed.salt, 'base64'), sealed);
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64'));
    decipher.setAAD(Buffer.from(binding, 'utf8'));
    decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(sealed.ciphertext, 'base64')), decipher.final()]);
  } catch {
    throw new AppError(
      'E_INVALID_INPUT',
      'The passphrase is not right for this identity. Nothing was signed; type it again (it is case-sensitive).',
    );
  } finally {
    key.fill(0);
  }
}

function deriveKey(passphrase: string, salt: Buffer, params: { N: number; r: number; p: number }): Promise<Buffer> {
  if (
    !Number.isInteger(params.N) ||
    params.N < 2 ** 14 ||
    params.N > 2 ** 22 ||
    params.r < 1 ||
    params.r > 32 ||
    params.p < 1 ||
    params.p > 16
  ) {
    return Promise.reject(
      new AppError('E_UNSUPPORTED', 'This identity file asks for key-derivation settings this app does not accept.'),
    );
  }
  const options: ScryptOptions = {
    N: params.N,
    r: params.r,
    p: params.p,
    maxmem: 256 * params.N * params.r + 16 * 1024 * 1024,
  };
  return new Promise((resolve, reject) => {
    scrypt(passphrase.normalize('NFC'), salt, 32, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}
