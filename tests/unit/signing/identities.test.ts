import { spawnSync } from 'node:child_process';
import { createPublicKey, X509Certificate } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCertificateFile } from '../../../electron/services/identities/certificate';
import { certificateSerial } from '../../../electron/services/identities/self-signed-certificate';
import { IdentityStore } from '../../../electron/services/identities/identity-store';
import { SCRYPT_PARAMS } from '../../../electron/services/identities/key-sealing';
import { useTempDirs } from '../support/temp-dir';
import { TEST_IDENTITY } from '../report/support-review';
import { PASSPHRASE } from './support-signing';

const tempDir = useTempDirs();
const hasOpenssl = spawnSync('openssl', ['version']).status === 0;

async function filesIn(dir: string): Promise<string[]> {
  return readdir(dir).catch(() => []);
}

describe('signing identities', () => {
  it('makes an ECDSA P-256 key and a self-signed certificate naming the person, and keeps the key only encrypted', async () => {
    const dataDir = await tempDir();
    const store = new IdentityStore(dataDir);
    const identity = await store.create({
      name: 'Ana Díaz',
      role: 'chair',
      email: 'ana.diaz@riverton.example',
      passphrase: PASSPHRASE,
    });
    expect(identity).toMatchObject({
      name: 'Ana Díaz',
      role: 'chair',
      email: 'ana.diaz@riverton.example',
      origin: 'created',
    });
    expect(identity.certificate).toMatchObject({
      name: 'Ana Díaz',
      subject: 'CN=Ana Díaz, T=Chair, E=ana.diaz@riverton.example',
      selfSigned: true,
      keyAlgorithm: 'ECDSA P-256',
      email: 'ana.diaz@riverton.example',
    });
    const x509 = new X509Certificate(
      readCertificateFile(Buffer.from((await store.certificatePem(identity.id)).pem))[0]!,
    );
    expect(x509.ca).toBe(false);
    expect(x509.subjectAltName).toBe('email:ana.diaz@riverton.example');

    const [file] = await filesIn(join(dataDir, 'identities'));
    const text = await readFile(join(dataDir, 'identities', file!), 'utf8');
    const stored = JSON.parse(text) as { privateKey: Record<string, unknown> };
    expect(stored.privateKey).toMatchObject({ kdf: 'scrypt', N: SCRYPT_PARAMS.N, r: 8, p: 1, cipher: 'aes-256-gcm' });
    expect(SCRYPT_PARAMS.N).toBeGreaterThanOrEqual(2 ** 17);
    expect(text).not.toMatch(/PRIVATE KEY/);
    // The unlocked key is the certificate's: its public half is the one certified.
    const key = await store.unlock(identity.id, PASSPHRASE);
    expect(key.privateKey.asymmetricKeyType).toBe('ec');
    expect(
      createPublicKey(key.privateKey)
        .export({ format: 'der', type: 'spki' })
        .equals(x509.publicKey.export({ format: 'der', type: 'spki' })),
    ).toBe(true);
    const pkcs8 = key.privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64');
    expect(text).not.toContain(pkcs8.slice(0, 40));
  });

  it.each([
    ['a zero first byte', [0x00, 0x12, 0x34, 0x56]],
    ['a first byte with its top bit set', [0x80, 0x00, 0x00, 0x01]],
    ['all zeros', [0, 0, 0, 0]],
    ['all ones', [0xff, 0xff, 0xff, 0xff]],
  ])('writes a positive serial in its fewest bytes from random bytes with %s', (_case, random) => {
    const der = Buffer.from(certificateSerial(Uint8Array.from(random)).toBER(false));
    // INTEGER, length 4, then a first content byte that is neither zero (needless) nor has its top bit set (negative).
    expect(der.subarray(0, 2)).toEqual(Buffer.from([0x02, 0x04]));
    expect(der[2]! & 0x80).toBe(0);
    expect(der[2]).not.toBe(0);
    expect(der.subarray(3)).toEqual(Buffer.from(random.slice(1)));
  });

  it('refuses a wrong passphrase with a clear message, and changes nothing', async () => {
    const dataDir = await tempDir();
    const store = new IdentityStore(dataDir);
    const identity = await store.create({ name: 'Ben Okafor', role: 'legal', passphrase: PASSPHRASE });
    const before = await filesIn(join(dataDir, 'identities'));
    await expect(store.unlock(identity.id, 'correct horse battery stapler')).rejects.toMatchObject({
      code: 'E_INVALID_INPUT',
      message: expect.stringMatching(/^The passphrase is not right/),
    });
    expect(await filesIn(join(dataDir, 'identities'))).toEqual(before);
  });

  it('refuses a passphrase too short to protect a key, before writing anything', async () => {
    const dataDir = await tempDir();
    await expect(
      new IdentityStore(dataDir).create({ name: 'Chen Wei', role: 'privacy', passphrase: 'short' }),
    ).rejects.toMatchObject({ code: 'E_INVALID_INPUT', message: expect.stringContaining('at least 8 characters') });
    expect(await filesIn(join(dataDir, 'identities'))).toEqual([]);
  });

  it('lists identities and exports a certificate as PEM that colleagues can trust', async () => {
    const dataDir = await tempDir();
    const store = new IdentityStore(dataDir);
    const ana = await store.create({ name: 'Ana Díaz', role: 'chair', passphrase: PASSPHRASE });
    const ben = await store.create({ name: 'Ben Okafor', role: 'legal', passphrase: PASSPHRASE });
    expect((await store.list()).map((i) => i.id)).toEqual([ana.id, ben.id]);
    const { fileName, pem } = await store.certificatePem(ben.id);
    expect(fileName).toBe('ben-okafor.cert.pem');
    expect(pem).toMatch(/^-----BEGIN CERTIFICATE-----\n[A-Za-z0-9+/=\n]+-----END CERTIFICATE-----\n$/);

    const colleague = new IdentityStore(await tempDir());
    const trusted = await colleague.trust(Buffer.from(pem));
    expect(trusted).toMatchObject({ name: 'Ben Okafor', fingerprint: ben.certificate.fingerprint });
    expect(await colleague.trust(Buffer.from(pem))).toMatchObject({ fingerprint: ben.certificate.fingerprint });
    expect((await colleague.listTrusted()).map((t) => t.fingerprint)).toEqual([ben.certificate.fingerprint]);
    expect(await colleague.untrust(ben.certificate.fingerprint)).toBe(true);
    expect(await colleague.listTrusted()).toEqual([]);
    await expect(colleague.trust(Buffer.from('not a certificate'))).rejects.toMatchObject({ code: 'E_INVALID_INPUT' });
  });

  it('imports the PKCS #12 file of an organisation’s CA with its chain, and keeps its key encrypted', async () => {
    const dataDir = await tempDir();
    const store = new IdentityStore(dataDir);
    const identity = await store.importPkcs12({
      bytes: readFileSync(`${TEST_IDENTITY}/test-signer.p12`),
      passphrase: 'test-only-passphrase',
      role: 'legal',
    });
    expect(identity).toMatchObject({ name: 'Test Signer', role: 'legal', origin: 'pkcs12' });
    expect(identity.certificate).toMatchObject({
      selfSigned: false,
      keyAlgorithm: 'RSA 2048',
      issuer: expect.stringContaining('Riverton Test CA'),
    });
    const key = await store.unlock(identity.id, 'test-only-passphrase');
    expect(key.chain).toHaveLength(1);
    expect(key.privateKey.asymmetricKeyType).toBe('rsa');
    await expect(
      store.importPkcs12({
        bytes: readFileSync(`${TEST_IDENTITY}/test-signer.p12`),
        passphrase: 'test-only-passphrase',
        role: 'legal',
      }),
    ).rejects.toMatchObject({ message: expect.stringContaining('already here') });
  });

  it('refuses a PKCS #12 file with the wrong passphrase, and writes nothing', async () => {
    const dataDir = await tempDir();
    await expect(
      new IdentityStore(dataDir).importPkcs12({
        bytes: readFileSync(`${TEST_IDENTITY}/test-signer.p12`),
        passphrase: 'wrong passphrase!',
        role: 'legal',
      }),
    ).rejects.toMatchObject({
      code: 'E_INVALID_INPUT',
      message: expect.stringMatching(/^The passphrase is not right for this PKCS #12 file/),
    });
    expect(readdirSync(dataDir)).toEqual([]);
  });

  it.skipIf(!hasOpenssl)(
    'imports PKCS #12 files made by OpenSSL 3 (AES-256, SHA-256 MAC), with RSA and with EC keys',
    async () => {
      const dir = await tempDir();
      const store = new IdentityStore(dir);
      for (const [kind, keyArgs] of [
        ['rsa', ['-newkey', 'rsa:2048']],
        ['ec', ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256']],
      ] as const) {
        const key = join(dir, `${kind}.key`);
        const cert = join(dir, `${kind}.crt`);
        const p12 = join(dir, `${kind}.p12`);
        const req = spawnSync(
          'openssl',
          [
            'req',
            '-x509',
            ...keyArgs,
            '-nodes',
            '-keyout',
            key,
            '-out',
            cert,
            '-days',
            '30',
            '-subj',
            `/CN=OpenSSL ${kind} signer/O=Riverton`,
          ],
          { encoding: 'utf8' },
        );
        expect(req.status, req.stderr).toBe(0);
        const pack = spawnSync(
          'openssl',
          ['pkcs12', '-export', '-inkey', key, '-in', cert, '-out', p12, '-passout', `pass:${PASSPHRASE}`],
          { encoding: 'utf8' },
        );
        expect(pack.status, pack.stderr).toBe(0);
        const identity = await store.importPkcs12({ bytes: readFileSync(p12), passphrase: PASSPHRASE, role: 'member' });
        expect(identity.certificate.keyAlgorithm).toBe(kind === 'rsa' ? 'RSA 2048' : 'ECDSA P-256');
        expect((await store.unlock(identity.id, PASSPHRASE)).privateKey.asymmetricKeyType).toBe(kind);
      }
    },
  );
});
