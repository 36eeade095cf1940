import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export const APP_NAME = 'Policy Review Workstation';
export const DATA_DIR_ENV = 'POLICY_REVIEW_DATA_DIR';

/**
 * Where settings, identities and the review library live: an explicit folder, else POLICY_REVIEW_DATA_DIR, else
 * the per-user application-data folder Electron calls userData. The app and the CLI compute it the same way,
 * so both see the same library.
 */
export function resolveDataDir(explicit?: string, env: NodeJS.ProcessEnv = process.env): string {
  if (explicit) return resolve(explicit);
  const fromEnv = env[DATA_DIR_ENV];
  if (fromEnv) return resolve(fromEnv);
  return join(userAppDataFolder(env), APP_NAME);
}

function userAppDataFolder(env: NodeJS.ProcessEnv): string {
  switch (process.platform) {
    case 'win32':
      return env.APPDATA ?? join(homedir(), 'AppData', 'Roaming');
    case 'darwin':
      return join(homedir(), 'Library', 'Application Support');
    default:
      return env.XDG_CONFIG_HOME ?? join(homedir(), '.config');
  }
}
