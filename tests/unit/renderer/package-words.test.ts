import { describe, expect, it } from 'vitest';
import type { PackageSender } from '../../../shared/api';
import { mergeSummary, senderLine } from '../../../renderer/src/features/exchange/packageWords';

const LENA: PackageSender = {
  exportedBy: { name: 'Lena Legal', role: 'legal' },
  exportedAt: '2026-03-01T10:00:00.000Z',
};
const signedBy = (trusted: boolean): PackageSender => ({
  ...LENA,
  signature: { signer: 'Lena Legal', signedAt: '2026-03-01T10:00:00.000Z', intact: true, trusted },
});
const counts = (added: number, changed: number, conflicts: number) => ({ added, changed, conflicts, unchanged: 4 });

describe('the words about a review package', () => {
  it('says what a merge did, leaving out what did not happen', () => {
    expect(mergeSummary(counts(1, 2, 1), LENA)).toBe(
      'Merged Lena Legal’s package: 1 added, 2 changed, 1 conflict to resolve.',
    );
    expect(mergeSummary(counts(0, 3, 2), LENA)).toBe('Merged Lena Legal’s package: 3 changed, 2 conflicts to resolve.');
    expect(mergeSummary(counts(0, 0, 0), LENA)).toBe(
      'Merged Lena Legal’s package: nothing new, this review already had all of it.',
    );
  });

  it('says who sent it: trusted, signed by someone not yet trusted, or only named', () => {
    expect(senderLine(signedBy(true))).toBe('Signed by Lena Legal, whom this computer trusts.');
    expect(senderLine(signedBy(false))).toMatch(/^Signed by Lena Legal, but this computer does not trust/);
    expect(senderLine(LENA)).toMatch(/^Not signed: it says Lena Legal exported it on .+, which nothing proves\.$/);
  });
});
