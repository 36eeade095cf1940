import type { MemberInput } from '../../../../shared/api';
import type { Member } from '../../../../shared/model';

/** A member as `committee.set` takes it back: same id, so the services update rather than replace them. */
export function toMemberInput(member: Member): MemberInput {
  return { id: member.id, name: member.name, role: member.role, email: member.email ?? '' };
}

/** The whole committee after adding `input`, or after replacing the member with `input.id`. */
export function committeeWith(members: readonly Member[], input: MemberInput): MemberInput[] {
  const current = members.map(toMemberInput);
  return input.id ? current.map((m) => (m.id === input.id ? input : m)) : [...current, input];
}

export function committeeWithout(members: readonly Member[], memberId: string): MemberInput[] {
  return members.filter((m) => m.id !== memberId).map(toMemberInput);
}
