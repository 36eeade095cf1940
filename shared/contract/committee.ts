import { z } from 'zod';
import { CommitteeRole, Member, RecordId } from '../model';
import { method, SingleLine } from './common';

export const MemberInput = z
  .object({
    id: RecordId.optional(),
    name: SingleLine.trim().min(1, 'Each member needs a name.').max(200),
    role: CommitteeRole,
    email: z.union([z.email('Enter a valid email address or leave it empty.').max(320), z.literal('')]).optional(),
  })
  .strict();
export type MemberInput = z.infer<typeof MemberInput>;

export const COMMITTEE_METHODS = {
  'committee.set': method(
    z.object({ reviewId: RecordId, members: z.array(MemberInput).max(200) }).strict(),
    z.array(Member),
  ),
} as const;
