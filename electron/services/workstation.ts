import { mkdir } from 'node:fs/promises';
import type { AppEvent, AppInfo } from '../../shared/api';
import { CURRENT_REVIEW_FORMAT, SCHEMA_VERSION, type Author, type ReviewFormat } from '../../shared/model';
import { APP_NAME } from './data-dir';
import { ChosenFiles, type FileChoicePurpose } from './api/chosen-files';
import { ChosenSavePaths, type SaveChoicePurpose } from './api/chosen-save-paths';
import { createApiHandlers } from './api/handlers';
import { createApiInvoker, type ApiInvoker, type DispatchOptions } from './api/dispatch';
import { ReviewLibrary } from './library/review-library';
import { ReviewSessions, type Caller } from './library/review-sessions';
import { actorFromSettings } from './settings/actor';
import { SettingsStore } from './settings/settings-store';
import { APP_VERSION } from './app-version';
import type { StartParserProcess } from './import/parser-process-protocol';
import { SpareParserProcess } from './import/spare-parser-process';
import { DEFAULT_IMPORT_LIMITS, type ImportLimits } from './import/types';

export interface WorkstationOptions extends DispatchOptions {
  dataDir: string;
  host: AppInfo['host'];
  format?: ReviewFormat;
  /**
   * The host's native file dialog, if it has one, shown over the caller's window: the paths the person chose, or
   * none if they cancelled.
   */
  chooseFiles?: (purpose: FileChoicePurpose, caller: Caller) => Promise<string[]>;
  /** The host's native save dialog, if it has one, over the caller's window: the path chosen, or undefined if cancelled. */
  chooseSaveFile?: (purpose: SaveChoicePurpose, suggestedName: string, caller: Caller) => Promise<string | undefined>;
  /** Overrides the import limits (tests use small ones to reach them quickly). */
  importLimits?: ImportLimits;
  /** How the host starts an import's parsing process: Electron's utilityProcess; Node's child_process.fork without one. */
  startParserProcess?: StartParserProcess;
  /** A parsing process the host started already (the command line starts one before it loads), for imports to take. */
  spareParser?: SpareParserProcess;
  /** The host's own HTML-to-PDF printer (Electron's printToPDF); without one, reports print in Playwright's Chromium. */
  printPdf?: (html: string) => Promise<Uint8Array>;
}

export type { FileChoicePurpose, SaveChoicePurpose };

export type AppEventListener = (event: AppEvent) => void;

/** The services the contract's handlers work on. */
export interface WorkstationServices {
  readonly dataDir: string;
  readonly library: ReviewLibrary;
  /** Which window edits which open review. */
  readonly sessions: ReviewSessions;
  readonly settings: SettingsStore;
  readonly chosenFiles: ChosenFiles;
  readonly chooseFiles: WorkstationOptions['chooseFiles'];
  /** Paths main's save dialog chose, known to the renderer only by tokens. */
  readonly chosenSavePaths: ChosenSavePaths;
  readonly chooseSaveFile: WorkstationOptions['chooseSaveFile'];
  readonly importLimits: ImportLimits | undefined;
  readonly startParserProcess: StartParserProcess | undefined;
  /** A parsing process started when an import is likely (see the versions handlers), for the next import to take. */
  readonly spareParser: SpareParserProcess;
  readonly printPdf: WorkstationOptions['printPdf'];
  /** Who is acting: the name in settings, else the computer's user name. */
  actor(): Author;
  info(): AppInfo;
  /** Tells every window of the host about something (import progress, ...). */
  emit(event: AppEvent): void;
}

/**
 * Every service of the app over one data folder, and the one invoker through which the Electron window, the
 * browser host and the e2e tests call them.
 */
export interface Workstation extends WorkstationServices {
  readonly invoke: ApiInvoker;
  /** Hosts forward events to their windows; returns the function that stops listening. */
  onEvent(listener: AppEventListener): () => void;
  /** A window went away: the reviews it was editing are released. */
  windowClosed(windowId: string): Promise<void>;
  close(): Promise<void>;
}

export async function openWorkstation(options: WorkstationOptions): Promise<Workstation> {
  await mkdir(options.dataDir, { recursive: true });
  const settings = await SettingsStore.open(options.dataDir);
  const library = new ReviewLibrary(options.dataDir, options.format ?? CURRENT_REVIEW_FORMAT, { checkEveryWrite: options.checkResults === true });
  const listeners = new Set<AppEventListener>();
  const services: WorkstationServices = {
    dataDir: options.dataDir,
    library,
    sessions: new ReviewSessions(library),
    settings,
    chosenFiles: new ChosenFiles(),
    chooseFiles: options.chooseFiles,
    chosenSavePaths: new ChosenSavePaths(),
    chooseSaveFile: options.chooseSaveFile,
    importLimits: options.importLimits,
    startParserProcess: options.startParserProcess,
    spareParser: options.spareParser ?? new SpareParserProcess({ heapMb: (options.importLimits ?? DEFAULT_IMPORT_LIMITS).maxHeapMb, startProcess: options.startParserProcess }),
    printPdf: options.printPdf,
    emit: (event) => listeners.forEach((listener) => listener(event)),
    actor: () => actorFromSettings(settings.settings),
    info() {
      return { name: APP_NAME, version: APP_VERSION, schemaVersion: SCHEMA_VERSION, dataDir: options.dataDir, host: options.host };
    },
  };
  return {
    ...services,
    invoke: createApiInvoker(createApiHandlers(services), options),
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    windowClosed: (windowId) => services.sessions.windowClosed(windowId),
    close: () => {
      services.spareParser.dispose();
      return library.closeAll();
    },
  };
}
