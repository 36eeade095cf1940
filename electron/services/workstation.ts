import { mkdir } from 'node:fs/promises';
import type { AppInfo } from '../../shared/api';
import { CURRENT_REVIEW_FORMAT, SCHEMA_VERSION, type Author, type ReviewFormat } from '../../shared/model';
import { APP_NAME } from './data-dir';
import { createApiHandlers } from './api/handlers';
import { createApiInvoker, type ApiInvoker, type DispatchOptions } from './api/dispatch';
import { ReviewLibrary } from './library/review-library';
import { actorFromSettings } from './settings/actor';
import { SettingsStore } from './settings/settings-store';
import { APP_VERSION } from './app-version';

export interface WorkstationOptions extends DispatchOptions {
  dataDir: string;
  host: AppInfo['host'];
  format?: ReviewFormat;
}

/** The services the contract's handlers work on. */
export interface WorkstationServices {
  readonly dataDir: string;
  readonly library: ReviewLibrary;
  readonly settings: SettingsStore;
  /** Who is acting: the name in settings, else the computer's user name. */
  actor(): Author;
  info(): AppInfo;
}

/**
 * Every service of the app over one data folder, and the one invoker through which the Electron window, the
 * browser host and the e2e tests call them.
 */
export interface Workstation extends WorkstationServices {
  readonly invoke: ApiInvoker;
  close(): Promise<void>;
}

export async function openWorkstation(options: WorkstationOptions): Promise<Workstation> {
  await mkdir(options.dataDir, { recursive: true });
  const settings = await SettingsStore.open(options.dataDir);
  const library = new ReviewLibrary(options.dataDir, options.format ?? CURRENT_REVIEW_FORMAT);
  const services: WorkstationServices = {
    dataDir: options.dataDir,
    library,
    settings,
    actor: () => actorFromSettings(settings.settings),
    info() {
      return { name: APP_NAME, version: APP_VERSION, schemaVersion: SCHEMA_VERSION, dataDir: options.dataDir, host: options.host };
    },
  };
  return { ...services, invoke: createApiInvoker(createApiHandlers(services), options), close: () => library.closeAll() };
}
