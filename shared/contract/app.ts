import { z } from 'zod';
import { SCHEMA_VERSION, Settings, UserProfile } from '../model';
import { method, NoArgs } from './common';

export const AppInfo = z.object({
  name: z.string(),
  version: z.string(),
  schemaVersion: z.literal(SCHEMA_VERSION),
  dataDir: z.string(),
  // The desktop app, the browser host, or the `policy-review` command line.
  host: z.enum(['electron', 'browser', 'cli']),
  /** The computer's user name: who work is recorded as while the settings hold no name. */
  computerUserName: z.string(),
});
export type AppInfo = z.infer<typeof AppInfo>;

export const APP_METHODS = {
  'app.info': method(NoArgs, AppInfo),
  'settings.get': method(NoArgs, Settings),
  'settings.set': method(z.object({ user: UserProfile }).strict(), Settings),
} as const;
