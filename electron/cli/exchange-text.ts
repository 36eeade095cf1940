import type { MergeCounts, PackageSender } from '../../shared/api';

/** Who sent a package, and how far that is proven. */
export function senderLine(sender: PackageSender): string {
  const said = `${sender.exportedBy.name}, ${sender.exportedAt.slice(0, 16).replace('T', ' ')} UTC`;
  const signature = sender.signature;
  if (!signature) return `Package from ${said}; not signed, so who sent it is not proven.`;
  const trust = signature.trusted
    ? 'a signer you trust'
    : 'a signer not trusted here (trust their certificate to know it is them)';
  return `Package from ${said}; signed by ${signature.signer}, ${trust}.`;
}

/** What a merge did, in words. */
export function describeCounts(counts: MergeCounts): string {
  const conflicts =
    counts.conflicts === 0
      ? 'no conflicts'
      : `${counts.conflicts} conflict${counts.conflicts === 1 ? '' : 's'} to resolve`;
  return `${counts.added} added, ${counts.changed} changed, ${counts.unchanged} unchanged, ${conflicts}`;
}
