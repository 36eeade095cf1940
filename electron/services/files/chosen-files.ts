import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { ChosenFile, MethodArgs } from '../../../shared/api';
import type { Caller } from '../library/review-sessions';
import type { TakeChosenPath } from './read-source';
import { DialogGrants } from './dialog-grants';

/** What a file is chosen for (the open dialog's title and filters follow from it, and only that use may spend it). */
export type FileChoicePurpose = MethodArgs<'files.choose'>['purpose'];

const USES: Record<FileChoicePurpose, string> = {
  'import-version': 'importing a policy version',
  'checklist-template': 'starting a review from a checklist template',
  'report-to-verify': 'verifying a report',
  'report-to-sign': 'signing a report',
  'identity-file': 'importing a signing identity',
  certificate: 'trusting a certificate',
  'review-package': 'opening or merging a review package',
};

/** Files the person picked in main's native open dialog, known to the renderer only by tokens and names. */
export class ChosenFiles {
  private readonly grants = new DialogGrants<FileChoicePurpose>({
    expired: 'That file choice has expired. Choose the file again.',
    purposeOf: (purpose) => USES[purpose],
    chooseAgain: 'Choose the file again for this.',
  });

  async remember(paths: readonly string[], purpose: FileChoicePurpose, caller: Caller): Promise<ChosenFile[]> {
    const chosen: ChosenFile[] = [];
    for (const path of paths) {
      const info = await stat(path);
      chosen.push({ token: this.grants.grant(path, purpose, caller), fileName: basename(path), bytes: info.size });
    }
    return chosen;
  }

  /** The files `caller` chose for `purpose` and has not used yet, in the order chosen. */
  waiting(purpose: FileChoicePurpose, caller: Caller): string[] {
    return this.grants.waiting(purpose, caller);
  }

  /** How `caller` spends tokens for `purpose`: each token once, only if it was granted to that window for that use. */
  takerFor(purpose: FileChoicePurpose, caller: Caller): TakeChosenPath {
    return (token) => this.grants.take(token, purpose, caller);
  }
}
