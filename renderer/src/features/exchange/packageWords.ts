import type { MergeCounts, PackageSender } from '../../../../shared/api';
import { countOf, formatDateTime } from '../../ui/format';

/**
 * Who sent a package, in the words a person can weigh: a signature that holds and is trusted, one that holds but
 * whose signer this computer does not know, or none at all (then the name is only what the package says).
 */
export function senderLine(sender: PackageSender): string {
  const { signature, exportedBy, exportedAt } = sender;
  if (!signature)
    return `Not signed: it says ${exportedBy.name} exported it on ${formatDateTime(exportedAt)}, which nothing proves.`;
  if (!signature.intact) return `Its signature by ${signature.signer} does not hold: ${signature.problem ?? ''}`.trim();
  if (signature.trusted) return `Signed by ${signature.signer}, whom this computer trusts.`;
  return (
    `Signed by ${signature.signer}, but this computer does not trust that signer’s certificate yet: ` +
    'check its fingerprint with them before relying on the name.'
  );
}

/** The person the package names as its sender: the signer when a signature holds, else who it says exported it. */
function senderName(sender: PackageSender): string {
  return sender.signature?.intact ? sender.signature.signer : sender.exportedBy.name;
}

/** "Merged Lena Legal’s package: 1 added, 2 changed, 1 conflict to resolve." */
export function mergeSummary(counts: MergeCounts, sender: PackageSender): string {
  const parts = [
    counts.added > 0 ? `${counts.added} added` : '',
    counts.changed > 0 ? `${counts.changed} changed` : '',
    counts.conflicts > 0 ? `${countOf(counts.conflicts, 'conflict')} to resolve` : '',
  ].filter(Boolean);
  const what = parts.length > 0 ? parts.join(', ') : 'nothing new, this review already had all of it';
  return `Merged ${senderName(sender)}’s package: ${what}.`;
}
