import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IdentityStore, type UnlockedIdentity } from '../../../electron/services/identities/identity-store';
import { finishReportPdf } from '../../../electron/services/report/report-pdf';
import { RIVERTON } from '../report/support-review';

export const PASSPHRASE = 'correct horse battery staple';

/**
 * A claimed signing time inside the validity of identities made now (from a minute ago, for five years), since a
 * verifier judges each certificate at the time its signature claims: 14 March next year, 15:30 UTC.
 */
export const SIGNED_AT = new Date(Date.UTC(new Date().getUTCFullYear() + 1, 2, 14, 15, 30));

/** One signature as poppler's pdfsig describes it. pdfsig exits 0 even on a digest mismatch: read its text. */
export interface PdfsigSignature {
  field: string;
  signer?: string;
  valid: boolean;
  digestMismatch: boolean;
  totalDocument: boolean;
  text: string;
}

export function pdfsig(file: string): PdfsigSignature[] {
  const run = spawnSync('pdfsig', [file], { encoding: 'utf8' });
  const text = `${run.stdout}${run.stderr}`;
  return text
    .split(/^Signature #\d+:\s*$/m)
    .slice(1)
    .filter((block) => !block.includes('The signature form field is not signed.'))
    .map((block) => {
      const entry: PdfsigSignature = {
        field: /Signature Field Name: (.*)/.exec(block)?.[1]?.trim() ?? '',
        valid: block.includes('Signature Validation: Signature is Valid.'),
        digestMismatch: block.includes('Digest Mismatch'),
        totalDocument: /^\s*- Total document signed\s*$/m.test(block),
        text: block,
      };
      const signer = /Signer Certificate Common Name: (.*)/.exec(block)?.[1]?.trim();
      if (signer) entry.signer = signer;
      return entry;
    });
}

export function qpdfCheck(file: string): string {
  const run = spawnSync('qpdf', ['--check', file], { encoding: 'utf8' });
  return `${run.stdout}${run.stderr}`;
}

export function tool(command: string, args: string[]): string {
  return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** A folder for one test file's work, left for the OS to clean (tests of one file share it). */
export function workFolder(): string {
  return mkdtempSync(join(tmpdir(), 'policy-review-signing-'));
}

/** Writes bytes to `folder/name` and returns the path, for the command-line checkers. */
export function save(folder: string, name: string, bytes: Uint8Array): string {
  const path = join(folder, name);
  writeFileSync(path, bytes);
  return path;
}

/**
 * A report-like PDF without Chromium: the Riverton fixture PDF (printed by Chromium when the fixtures were made)
 * finished as a report is, with its document information and empty signature fields on the last page.
 */
export async function reportLikePdf(committeeSize = 3): Promise<Uint8Array> {
  const printed = readFileSync(`${RIVERTON}/v1.pdf`);
  return finishReportPdf(printed, {
    title: 'City of Riverton — Social Media Policy',
    reviewId: '6f1c2c5e-1b2a-4c1e-9f3e-2a7d9b1c0e11',
    generator: 'Policy Review Workstation test',
    committeeSize,
  });
}

export interface Signers {
  store: IdentityStore;
  ana: UnlockedIdentity;
  ben: UnlockedIdentity;
  chen: UnlockedIdentity;
}

/** Three committee members with identities made in the app, unlocked. */
export async function threeSigners(dataDir: string): Promise<Signers> {
  const store = new IdentityStore(dataDir);
  const people = [
    { name: 'Ana Díaz', role: 'chair' as const, email: 'ana.diaz@riverton.example' },
    { name: 'Ben Okafor', role: 'legal' as const },
    { name: 'Chen Wei', role: 'privacy' as const },
  ];
  const unlocked: UnlockedIdentity[] = [];
  // One at a time: each scrypt takes 128 MiB.
  for (const person of people) {
    const identity = await store.create({ ...person, passphrase: PASSPHRASE });
    unlocked.push(await store.unlock(identity.id, PASSPHRASE));
  }
  const [ana, ben, chen] = unlocked;
  return { store, ana: ana!, ben: ben!, chen: chen! };
}
