import type { MemberInput } from '../../api';
import { AppError } from '../../errors';
import type { Author, Member, Review } from '../../model';
import { personLabel } from '../../vocabulary';
import { recordAudit } from './audit';
import type { Clock } from '../clock';

/**
 * Makes the review's live committee equal to `members`: listed ids are updated, new entries get ids, and members
 * left out get a tombstone (kept, so an offline copy that still has them does not bring them back on merge).
 */
export function setCommittee(review: Review, members: MemberInput[], actor: Author, clock: Clock): Member[] {
  const now = clock.now();
  const byId = new Map(review.committee.map((m) => [m.id, m]));
  const keep = new Set<string>();
  for (const input of members) {
    const email = input.email ? input.email : undefined;
    const existing = input.id ? byId.get(input.id) : undefined;
    if (input.id && (!existing || existing.deletedAt)) {
      throw new AppError(
        'E_NOT_FOUND',
        `Member “${input.name}” is not on this committee any more; add them as a new member.`,
      );
    }
    if (existing) {
      if (existing.name !== input.name || existing.role !== input.role || existing.email !== email) {
        existing.name = input.name;
        existing.role = input.role;
        if (email) existing.email = email;
        else delete existing.email;
        existing.updatedAt = now;
      }
      keep.add(existing.id);
    } else {
      const member: Member = { id: clock.newId(), name: input.name, role: input.role, createdAt: now, updatedAt: now };
      if (email) member.email = email;
      review.committee.push(member);
      keep.add(member.id);
    }
  }
  for (const member of review.committee) {
    if (!keep.has(member.id) && !member.deletedAt) {
      member.deletedAt = now;
      member.updatedAt = now;
    }
  }
  const live = review.committee.filter((m) => !m.deletedAt);
  recordAudit(
    review,
    actor,
    clock,
    'committee.set',
    `Set the committee to ${live.length} member${live.length === 1 ? '' : 's'}: ${live.map(personLabel).join(', ')}.`,
  );
  return live;
}

/** Gives the review a new title, saying in the audit log what it was called before. */
export function renameReview(review: Review, title: string, actor: Author, clock: Clock): void {
  const before = review.title;
  review.title = title;
  recordAudit(review, actor, clock, 'reviews.rename', `Renamed the review from “${before}” to “${title}”.`, review.id);
}
