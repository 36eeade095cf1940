import { basename } from 'node:path';
import type { MethodArgs } from '../../../shared/api';
import type { Caller } from '../library/review-sessions';
import type { TakeSavePath } from './deliver-file';
import { DialogGrants } from './dialog-grants';

/** What a file is saved as (the save dialog's title and filters follow from it, and only that use may spend it). */
export type SaveChoicePurpose = MethodArgs<'files.chooseSave'>['purpose'];

const USES: Record<SaveChoicePurpose, string> = {
  'checklist-template': 'saving a checklist template',
  report: 'saving a report',
  certificate: 'saving a certificate',
  'review-package': 'saving a review package',
};

/** Where main's native save dialog said to write a file, known to the renderer only by a token. */
export class ChosenSavePaths {
  private readonly grants = new DialogGrants<SaveChoicePurpose>({
    expired: 'That choice of where to save has expired. Choose where to save the file again.',
    purposeOf: (purpose) => USES[purpose],
    chooseAgain: 'Choose where to save it again.',
  });

  remember(path: string, purpose: SaveChoicePurpose, caller: Caller): { token: string } {
    return { token: this.grants.grant(path, purpose, caller) };
  }

  /** How `caller` spends tokens for `purpose`: each token once, only if it was granted to that window for that use. */
  takerFor(purpose: SaveChoicePurpose, caller: Caller): TakeSavePath {
    return (token) => {
      const path = this.grants.take(token, purpose, caller);
      return { path, fileName: basename(path) };
    };
  }
}
