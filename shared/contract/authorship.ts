import type { MethodName } from '../api';

/**
 * The methods that never record who acts: reading, choosing files, the person's own settings and unsaved drafts,
 * closing or deleting a review, the sample review (its records are its made-up committee's), and signing, whose
 * identities carry their own names. Every other method records the person acting as the author of what it
 * writes, so a window asks for the person's name before the first of those. Listed this way round, a new method
 * is asked for until it is known to record nobody: an extra question, never work filed under the wrong name.
 */
const RECORDS_NOBODY: ReadonlySet<MethodName> = new Set<MethodName>([
  'app.info',
  'settings.get',
  'settings.set',
  'reviews.list',
  'reviews.open',
  'reviews.read',
  'reviews.close',
  'reviews.delete',
  'reviews.restoreBackup',
  'reviews.createSample',
  'versions.prepareImport',
  'history.prepare',
  'history.release',
  'versions.list',
  'versions.get',
  'annotations.list',
  'assessments.list',
  'actions.plan',
  'votes.list',
  'checklist.get',
  'checklist.exportTemplate',
  'compare.versions',
  'compare.impact',
  'conflicts.list',
  'report.list',
  'report.save',
  'report.sign',
  'report.signFile',
  'report.verify',
  'identities.list',
  'identities.create',
  'identities.import',
  'identities.exportCertificate',
  'identities.listTrusted',
  'identities.trust',
  'identities.untrust',
  'files.choose',
  'files.chooseSave',
  'drafts.get',
  'drafts.set',
  'audit.list',
]);

/** Whether a method records the person acting (as an author, a creator, who prepared a report, ...). */
export function recordsWhoActs(method: MethodName): boolean {
  return !RECORDS_NOBODY.has(method);
}
