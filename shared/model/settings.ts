import { z } from 'zod';
import { CommitteeRole } from './review';

export const UserProfile = z.object({
  name: z.string().trim().max(200),
  role: CommitteeRole,
  email: z.union([z.email().max(320), z.literal('')]),
});
export type UserProfile = z.infer<typeof UserProfile>;

export const Settings = z.object({
  user: UserProfile,
});
export type Settings = z.infer<typeof Settings>;

export const DEFAULT_SETTINGS: Settings = { user: { name: '', role: 'member', email: '' } };
