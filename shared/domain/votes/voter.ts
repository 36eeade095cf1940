import { AppError } from '../../errors';
import type { Author, Member, Review } from '../../model';

/**
 * The committee member the person acting is, so their vote counts as that member's. People are known to the app
 * by their settings (name, role, email), and the review's committee lists members by name and email: the one
 * whose email is the actor's, else the one whose name is theirs (letter case and spacing aside). A person who is
 * not on the committee, or who is there as an observer, has no vote.
 */
export function voterFor(review: Review, actor: Author): Member {
  const candidates = membersMatching(review, actor);
  if (candidates.length > 1)
    throw new AppError(
      'E_INVALID_INPUT',
      `Several committee members are called “${actor.name}”; give ` +
        `each their email in the Committee area and yours in ` +
        `Settings, so your vote counts as yours.`,
    );
  const member = candidates[0];
  if (!member)
    throw new AppError(
      'E_FORBIDDEN',
      `“${actor.name}” is not on this review’s committee, so has no vote. Add yourself in the ` +
        `Committee area, or set your name in Settings as the committee lists it.`,
    );
  if (member.role === 'observer')
    throw new AppError('E_FORBIDDEN', `${member.name} is on the committee as an observer, and observers do not vote.`);
  return member;
}

/** The member a person is, when exactly one matches (for screens that show "your vote"); no errors. */
export function findVoter(review: Review, person: { name: string; email?: string | undefined }): Member | undefined {
  const candidates = membersMatching(review, person);
  return candidates.length === 1 && candidates[0]!.role !== 'observer' ? candidates[0] : undefined;
}

function membersMatching(review: Review, person: { name: string; email?: string | undefined }): Member[] {
  const live = review.committee.filter((m) => !m.deletedAt);
  const email = person.email?.toLowerCase();
  const byEmail = email ? live.filter((m) => m.email?.toLowerCase() === email) : [];
  const name = comparableName(person.name);
  return byEmail.length ? byEmail : live.filter((m) => comparableName(m.name) === name);
}

function comparableName(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}
