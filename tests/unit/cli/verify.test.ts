import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { IdentityStore } from '../../../electron/services/identities/identity-store';
import { signPdf } from '../../../electron/services/signing/sign-pdf';
import { amiraIn2020, caExtensions, makeCertificate, signerOf } from '../signing/support-pki';
import { runCli } from '../support/run-cli';
import { useTempDirs } from '../support/temp-dir';
import { reportToSign } from '../signing/support-reports';
import { appendUpdate, redrawPage } from '../signing/support-tampering';

const tempDir = useTempDirs();

interface Printed {
  valid: boolean;
  summary: string;
  signatures: {
    signer: string;
    intact: boolean;
    coversWholeFile: boolean;
    trusted: boolean;
    signedAt?: string;
    meaning?: string;
    changesAfter?: string[];
  }[];
}

/** A report PDF signed by Ana and Ben through the CLI, in a data folder that holds their identities. */
async function signedReport(): Promise<{ dataDir: string; file: string; ben: string }> {
  const dataDir = await tempDir();
  const { file, ana, ben, passphraseFile } = await reportToSign(dataDir, 'pdf');
  for (const [identity, meaning] of [
    [ana, 'Approved'],
    [ben, 'Legal review'],
  ]) {
    const run = await runCli([
      'sign',
      file,
      '--identity',
      identity!,
      '--passphrase-file',
      passphraseFile,
      '--meaning',
      meaning!,
      '--data-dir',
      dataDir,
    ]);
    expect(run.code, run.stderr).toBe(0);
  }
  return { dataDir, file, ben };
}

describe('policy-review verify', () => {
  it('prints each signer as JSON and exits 0 when every signature is intact and the last covers the file', async () => {
    const { dataDir, file } = await signedReport();
    const run = await runCli(['verify', file, '--json', '--data-dir', dataDir]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const printed = JSON.parse(run.stdout) as Printed;
    expect(printed.valid).toBe(true);
    expect(printed.signatures).toEqual([
      expect.objectContaining({
        signer: 'Ana Díaz',
        meaning: 'Approved',
        intact: true,
        coversWholeFile: false,
        trusted: true,
      }),
      expect.objectContaining({
        signer: 'Ben Okafor',
        meaning: 'Legal review',
        intact: true,
        coversWholeFile: true,
        trusted: true,
      }),
    ]);
    const human = await runCli(['verify', file, '--data-dir', dataDir]);
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(/^report\.pdf: Valid: 2 signatures \(Ana Díaz, Ben Okafor\)/);
    expect(human.stdout).toMatch(
      / {2}2\. Ben Okafor \(Legal advisor\), signed .* UTC, “Legal review”: intact; covers the whole file; trusted \(identity\)/,
    );
  }, 90_000);

  it('exits 1 when one byte inside the signed range changed', async () => {
    const { dataDir, file } = await signedReport();
    const bytes = readFileSync(file);
    const at = bytes.indexOf('/Producer (', 0, 'latin1') + 12;
    bytes[at] = bytes[at]! ^ 0x01;
    writeFileSync(file, bytes);
    const run = await runCli(['verify', file, '--json', '--data-dir', dataDir]);
    expect(run.code).toBe(1);
    const printed = JSON.parse(run.stdout) as Printed;
    expect(printed.valid).toBe(false);
    expect(printed.signatures.map((s) => s.intact)).toEqual([false, false]);
    expect(run.stderr).toContain('policy-review verify: the signatures do not hold');
  }, 90_000);

  it('exits 1 when bytes were appended after the last signature, which no longer covers the whole file', async () => {
    const { dataDir, file } = await signedReport();
    appendFileSync(file, '\n% added after signing\n');
    const run = await runCli(['verify', file, '--json', '--data-dir', dataDir]);
    expect(run.code).toBe(1);
    const printed = JSON.parse(run.stdout) as Printed;
    expect(printed.valid).toBe(false);
    expect(printed.signatures.map((s) => [s.intact, s.coversWholeFile])).toEqual([
      [true, false],
      [true, false],
    ]);
  }, 90_000);

  it('exits 0 for a report signed by someone not trusted here, and says so; --trust CERT trusts them', async () => {
    const { file, dataDir, ben } = await signedReport();
    const elsewhere = await tempDir();
    const run = await runCli(['verify', file, '--json', '--data-dir', elsewhere]);
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as Printed).signatures.map((s) => s.trusted)).toEqual([false, false]);
    const human = await runCli(['verify', file, '--data-dir', elsewhere]);
    expect(human.stdout).toContain('Not trusted on this computer: Ana Díaz, Ben Okafor');
    const cert = join(elsewhere, 'ben.pem');
    writeFileSync(cert, (await new IdentityStore(dataDir).certificatePem(ben)).pem);
    const trusted = await runCli(['verify', file, '--trust', cert, '--json', '--data-dir', elsewhere]);
    expect((JSON.parse(trusted.stdout) as Printed).signatures.map((s) => s.trusted)).toEqual([false, true]);
  }, 90_000);

  it('checks a JSON report against its .jws file', async () => {
    const dataDir = await tempDir();
    const { file, ana, passphraseFile } = await reportToSign(dataDir, 'json');
    expect(
      (await runCli(['sign', file, '--identity', ana, '--passphrase-file', passphraseFile, '--data-dir', dataDir]))
        .code,
    ).toBe(0);
    const run = await runCli(['verify', `${file}.jws`, '--json', '--data-dir', dataDir]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      valid: true,
      kind: 'json',
      signatures: [{ signer: 'Ana Díaz', intact: true, coversWholeFile: true, trusted: true }],
    });
    const report = JSON.parse(readFileSync(file, 'utf8')) as { review: { title: string } };
    report.review.title = 'Another title';
    writeFileSync(file, JSON.stringify(report));
    expect((await runCli(['verify', file, '--data-dir', dataDir])).code).toBe(1);
  }, 90_000);

  it('exits 1 and names the page when page 1 was redrawn after Amira signed, though a second “Amira Haddad” signed after that', async () => {
    const dataDir = await tempDir();
    const elsewhere = await tempDir();
    const { file, passphraseFile } = await reportToSign(dataDir, 'pdf');
    const amira = async (folder: string) => {
      const made = await runCli([
        'identity',
        'new',
        '--name',
        'Amira Haddad',
        '--role',
        'chair',
        '--passphrase-file',
        passphraseFile,
        '--json',
        '--data-dir',
        folder,
      ]);
      expect(made.code, made.stderr).toBe(0);
      return (JSON.parse(made.stdout) as { id: string }).id;
    };
    const signAs = async (identity: string, folder: string) => {
      const run = await runCli([
        'sign',
        file,
        '--identity',
        identity,
        '--passphrase-file',
        passphraseFile,
        '--meaning',
        'Approved',
        '--data-dir',
        folder,
      ]);
      expect(run.code, run.stderr).toBe(0);
    };
    await signAs(await amira(dataDir), dataDir);
    writeFileSync(file, await appendUpdate(readFileSync(file), (update) => redrawPage(update, 1)));
    // This app will not countersign the tampered file; the attacker signs it with a tool of their own.
    const secondAmira = await amira(elsewhere);
    const refused = await runCli([
      'sign',
      file,
      '--identity',
      secondAmira,
      '--passphrase-file',
      passphraseFile,
      '--data-dir',
      elsewhere,
    ]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      'Nothing was signed: this report was changed after it was signed. Page 1 changed after Amira Haddad signed.',
    );
    const key = await new IdentityStore(elsewhere).unlock(secondAmira, readFileSync(passphraseFile, 'utf8').trim());
    writeFileSync(
      file,
      await signPdf(readFileSync(file), { signer: key.signer, key, meaning: 'Approved', signedAt: new Date() }),
    );

    const run = await runCli(['verify', file, '--json', '--data-dir', dataDir]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('policy-review verify: the file was changed after it was signed');
    const printed = JSON.parse(run.stdout) as Printed;
    expect(printed.valid).toBe(false);
    expect(printed.signatures.map((s) => [s.signer, s.intact, s.changesAfter])).toEqual([
      ['Amira Haddad', true, ['Page 1 changed after Amira Haddad (signature 1) signed.']],
      ['Amira Haddad', true, []],
    ]);
    const human = await runCli(['verify', file, '--data-dir', dataDir]);
    expect(human.code).toBe(1);
    expect(human.stdout).toMatch(
      /^report\.pdf: Not valid: the file was changed after it was signed\. Page 1 changed after Amira Haddad \(signature 1\) signed\./,
    );
    expect(human.stdout).toMatch(
      new RegExp(
        / {2}1\. Amira Haddad \(Chair\), .*: intact; covers the file as it was then; /.source +
          /CHANGED AFTER SIGNING; .*\n {5}Page 1 changed after Amira Haddad \(signature 1\) signed\./.source,
      ),
    );
  }, 120_000);

  it('exits 1 for a file without signatures', async () => {
    const dataDir = await tempDir();
    const { file } = await reportToSign(dataDir, 'pdf');
    const run = await runCli(['verify', file, '--json', '--data-dir', dataDir]);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({ valid: false, signatures: [] });
  }, 60_000);

  it('exits 1 for a report signed in 2026 with a certificate valid only in 2020 and not for signing, though its CA is trusted', async () => {
    const dataDir = await tempDir();
    const { file } = await reportToSign(dataDir, 'pdf');
    const ca = makeCertificate({ name: 'Riverton Council CA', extensions: caExtensions() });
    const amira = amiraIn2020(ca);
    // Signed by a tool of the signer's own, which asks nothing of the certificate.
    writeFileSync(
      file,
      await signPdf(readFileSync(file), {
        signer: { name: 'Amira Haddad', role: 'chair' },
        key: signerOf(amira, [ca]),
        meaning: 'Approved',
        signedAt: new Date('2026-03-14T10:00:00Z'),
      }),
    );
    const caFile = join(dataDir, 'ca.pem');
    writeFileSync(caFile, ca.pem);
    const run = await runCli(['verify', file, '--trust', caFile, '--data-dir', dataDir]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      'report.pdf: Not valid: Amira Haddad signed with a certificate that did not allow it.',
    );
    expect(run.stdout).toContain('intact; covers the whole file; CERTIFICATE DID NOT ALLOW IT; trusted (issuer)');
    expect(run.stdout).toContain(
      '     Amira Haddad’s certificate was valid only from 1 January 2020, 00:00 UTC to 31 ' +
        'December 2020, 00:00 UTC; the signature claims 14 March 2026, 10:00 UTC.',
    );
    expect(run.stdout).toContain(
      '     Amira Haddad’s certificate may not be used to sign documents (its key usage is key encipherment only).',
    );
  }, 60_000);
});
