import { mkdir } from 'node:fs/promises';
import type { AppEvent, AppInfo } from '../../../shared/api';
import { systemClock, type Clock } from '../../../shared/domain/clock';
import { CURRENT_REVIEW_FORMAT, SCHEMA_VERSION, type ReviewFormat } from '../../../shared/model';
import { APP_NAME } from './data-dir';
import { ChosenFiles, type FileChoicePurpose } from '../files/chosen-files';
import { ChosenSavePaths, type SaveChoicePurpose } from '../files/chosen-save-paths';
import { createApiHandlers } from '../api/handlers';
import { createApiInvoker, type ApiInvoker, type DispatchOptions } from '../api/dispatch';
import { ReviewLibrary } from '../library/review-library';
import { ReviewSessions } from '../library/review-sessions';
import { actorFromSettings, computerUserName } from '../settings/actor';
import { SettingsStore } from '../settings/settings-store';
import { APP_VERSION } from './app-version';
import type { ChooseFiles, ChooseSaveFile, PrintPdf, WorkstationServices } from '../api/workstation-services';
import type { StartServiceProcess } from '../processes/service-process';
import type { SpareParserProcess } from '../import/spare-parser-process';
import { SpareMergeEngine } from '../exchange/spare-merge-engine';
import type { ImportLimits } from '../import/types';

export interface WorkstationOptions extends DispatchOptions {
  dataDir: string;
  host: AppInfo['host'];
  format?: ReviewFormat;
  chooseFiles?: ChooseFiles;
  chooseSaveFile?: ChooseSaveFile;
  /** Overrides the import limits (tests use small ones to reach them quickly). */
  importLimits?: ImportLimits;
  /** How the host starts a service process (an import's parsing, a merge's engine): Electron's utilityProcess; Node's child_process.fork without one. */
  startServiceProcess?: StartServiceProcess;
  /**
   * The parsing process the host starts itself, for imports to take: the command line's `import` starts one before
   * it loads anything. Asked for when an import is likely; without it the workstation makes its own.
   */
  spareParser?: () => Promise<SpareParserProcess>;
  printPdf?: PrintPdf;
  /** The folder holding the sample policy's versions (fixtures/policies/riverton-social-media, or its packaged copy). */
  samplePolicyDir?: string;
  /** The clock changes record by; tests pin one to know the exact times and ids. The real clock by default. */
  clock?: Clock;
}

export type { FileChoicePurpose, SaveChoicePurpose, WorkstationServices };

export type AppEventListener = (event: AppEvent) => void;

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
  const clock = options.clock ?? systemClock;
  const library = new ReviewLibrary(options.dataDir, options.format ?? CURRENT_REVIEW_FORMAT, {
    checkEveryWrite: options.checkResults === true,
    clock,
  });
  const listeners = new Set<AppEventListener>();
  let spareParser: Promise<SpareParserProcess> | undefined;
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
    startServiceProcess: options.startServiceProcess,
    spareParser: () => (spareParser ??= options.spareParser?.() ?? ownSpareParser(options)),
    spareMergeEngine: new SpareMergeEngine({ startProcess: options.startServiceProcess }),
    printPdf: options.printPdf,
    samplePolicyDir: options.samplePolicyDir,
    clock,
    emit: (event) => listeners.forEach((listener) => listener(event)),
    actor: () => actorFromSettings(settings.settings),
    info() {
      return {
        name: APP_NAME,
        version: APP_VERSION,
        schemaVersion: SCHEMA_VERSION,
        dataDir: options.dataDir,
        host: options.host,
        computerUserName: computerUserName(),
      };
    },
  };
  const calls = new CallsInFlight(createApiInvoker(createApiHandlers(services), options));
  return {
    ...services,
    invoke: calls.invoke,
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    windowClosed: (windowId) => services.sessions.windowClosed(windowId),
    close: async () => {
      // An engine loading a history ahead of a merge is ended first: a call waiting for it then finishes at once.
      services.spareMergeEngine.dispose();
      // A call a window made just before it went may still be on its way to a review: it finishes (or, new, is
      // refused) before the reviews close, so nothing opens or writes a review once they are closed.
      await calls.stop();
      (await spareParser)?.dispose();
      await library.closeAll();
    },
  };
}

/** How long closing waits for the calls in flight; a call never takes this long unless something hangs. */
const CALLS_SETTLE_MS = 30_000;

/** The calls the workstation is answering, so closing can let them finish first and refuse any that come after. */
class CallsInFlight {
  private readonly running = new Set<Promise<unknown>>();
  private stopped = false;

  constructor(private readonly dispatch: ApiInvoker) {}

  readonly invoke: ApiInvoker = (method, args, caller) => {
    if (this.stopped)
      return Promise.resolve({
        ok: false,
        error: { code: 'E_NOT_FOUND', message: 'The app is closing, so this was not done.' },
      });
    const call = this.dispatch(method, args, caller);
    this.running.add(call);
    const done = () => this.running.delete(call);
    call.then(done, done);
    return call;
  };

  async stop(): Promise<void> {
    this.stopped = true;
    let timer: NodeJS.Timeout | undefined;
    const givenUp = new Promise((resolve) => (timer = setTimeout(resolve, CALLS_SETTLE_MS)));
    await Promise.race([Promise.allSettled([...this.running]), givenUp]);
    clearTimeout(timer);
  }
}

/** The workstation's own parsing process for the next import, when the host starts none: its code loads with it. */
async function ownSpareParser(options: WorkstationOptions): Promise<SpareParserProcess> {
  const [{ SpareParserProcess }, { DEFAULT_IMPORT_LIMITS }] = await Promise.all([
    import('../import/spare-parser-process'),
    import('../import/types'),
  ]);
  return new SpareParserProcess({
    heapMb: (options.importLimits ?? DEFAULT_IMPORT_LIMITS).maxHeapMb,
    startProcess: options.startServiceProcess,
  });
}
