import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { IdentityStore } from '../../../electron/services/identities/identity-store';
import { exportReport } from '../../../electron/services/report/export-report';
import { systemClock } from '../../../shared/domain/clock';
import { RIVERTON, rivertonLibrary } from '../report/support-review';

export const PASSPHRASE = 'correct horse battery staple';

/**
 * A data folder with the Riverton review, one exported report (PDF or JSON) kept with it and written to a file,
 * two identities and a passphrase file: what the sign and verify commands start from. The PDF is "printed" by a
 * stand-in returning the fixture PDF, so no Chromium is needed here.
 */
export async function reportToSign(
  dataDir: string,
  format: 'pdf' | 'json',
): Promise<{ reviewId: string; file: string; sha256: string; ana: string; ben: string; passphraseFile: string }> {
  const { library, review } = await rivertonLibrary(dataDir);
  const store = await library.openReview(review.id);
  const fixture = readFileSync(`${RIVERTON}/v1.pdf`);
  const { rendered, sha256 } = await exportReport(store, format, {
    actor: { name: 'Ana Díaz', role: 'chair' },
    clock: systemClock,
    printPdf: async () => new Uint8Array(fixture),
  });
  await library.closeReview(review.id);
  const file = join(dataDir, format === 'pdf' ? 'report.pdf' : 'report.json');
  writeFileSync(file, rendered.bytes);
  const identities = new IdentityStore(dataDir);
  const ana = await identities.create({ name: 'Ana Díaz', role: 'chair', passphrase: PASSPHRASE });
  const ben = await identities.create({ name: 'Ben Okafor', role: 'legal', passphrase: PASSPHRASE });
  const passphraseFile = join(dataDir, 'passphrase.txt');
  writeFileSync(passphraseFile, `${PASSPHRASE}\n`);
  return { reviewId: review.id, file, sha256, ana: ana.id, ben: ben.id, passphraseFile };
}
