import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { IdentitySummary } from '../../../shared/api';
import { runCli } from '../support/run-cli';
import { useTempDirs } from '../support/temp-dir';
import { TEST_IDENTITY } from '../report/support-review';

const tempDir = useTempDirs();

async function passphraseFile(dir: string, passphrase = 'correct horse battery staple'): Promise<string> {
  const file = join(dir, 'passphrase.txt');
  writeFileSync(file, `${passphrase}\n`, { mode: 0o600 });
  return file;
}

describe('policy-review identity', () => {
  it('makes an identity from a passphrase file, lists it and exports its certificate', async () => {
    const dataDir = await tempDir();
    const made = await runCli([
      'identity',
      'new',
      '--name',
      'Ana Díaz',
      '--role',
      'chair',
      '--email',
      'ana.diaz@riverton.example',
      '--passphrase-file',
      await passphraseFile(dataDir),
      '--json',
      '--data-dir',
      dataDir,
    ]);
    expect(made.stderr).toBe('');
    expect(made.code).toBe(0);
    const identity = JSON.parse(made.stdout) as IdentitySummary;
    expect(identity).toMatchObject({
      name: 'Ana Díaz',
      role: 'chair',
      origin: 'created',
      certificate: { keyAlgorithm: 'ECDSA P-256', selfSigned: true },
    });

    const listed = await runCli(['identity', 'list', '--json', '--data-dir', dataDir]);
    expect((JSON.parse(listed.stdout) as IdentitySummary[]).map((i) => i.id)).toEqual([identity.id]);
    const human = await runCli(['identity', 'list', '--data-dir', dataDir]);
    expect(human.stdout).toContain(`${identity.id}  Ana Díaz (Chair) <ana.diaz@riverton.example>  self-signed`);

    const out = join(dataDir, 'ana.pem');
    const exported = await runCli(['identity', 'export', identity.id.slice(0, 8), '--out', out, '--data-dir', dataDir]);
    expect(exported.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^-----BEGIN CERTIFICATE-----\n/);
  }, 60_000);

  it('refuses a passphrase too short or missing, an unknown role or a wrong email, and writes nothing', async () => {
    const dataDir = await tempDir();
    const short = await runCli([
      'identity',
      'new',
      '--name',
      'Ben',
      '--role',
      'legal',
      '--passphrase-file',
      await passphraseFile(dataDir, 'short'),
      '--data-dir',
      dataDir,
    ]);
    expect(short.code).toBe(1);
    expect(short.stderr).toMatch(/^policy-review identity: A passphrase needs at least 8 characters/);
    const missing = await runCli(['identity', 'new', '--name', 'Ben', '--role', 'legal', '--data-dir', dataDir]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('--passphrase-file F is required');
    const badRole = await runCli([
      'identity',
      'new',
      '--name',
      'Ben',
      '--role',
      'king',
      '--passphrase-file',
      await passphraseFile(dataDir),
      '--data-dir',
      dataDir,
    ]);
    expect(badRole.stderr).toContain(
      '--role must be one of: chair, secretary, member, legal, privacy, stakeholder, observer',
    );
    const badEmail = await runCli([
      'identity',
      'new',
      '--name',
      'Ben',
      '--role',
      'legal',
      '--email',
      'ben at riverton',
      '--passphrase-file',
      await passphraseFile(dataDir),
      '--data-dir',
      dataDir,
    ]);
    expect(badEmail.stderr).toContain('“ben at riverton” is not an email address.');
    expect(existsSync(join(dataDir, 'identities'))).toBe(false);
  });

  it('imports a PKCS #12 file and trusts a certificate', async () => {
    const dataDir = await tempDir();
    const imported = await runCli([
      'identity',
      'import',
      `${TEST_IDENTITY}/test-signer.p12`,
      '--role',
      'legal',
      '--passphrase-file',
      `${TEST_IDENTITY}/test-signer.passphrase`,
      '--json',
      '--data-dir',
      dataDir,
    ]);
    expect(imported.code).toBe(0);
    expect(JSON.parse(imported.stdout)).toMatchObject({ name: 'Test Signer', origin: 'pkcs12' });
    const wrong = await runCli([
      'identity',
      'import',
      `${TEST_IDENTITY}/test-signer.p12`,
      '--role',
      'legal',
      '--passphrase-file',
      await passphraseFile(dataDir, 'not the passphrase'),
      '--data-dir',
      dataDir,
    ]);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('The passphrase is not right for this PKCS #12 file');
    const trusted = await runCli(['identity', 'trust', `${TEST_IDENTITY}/test-ca.cert.pem`, '--data-dir', dataDir]);
    expect(trusted.code).toBe(0);
    expect(trusted.stdout).toContain('Trusted Riverton Test CA');
  }, 60_000);
});
