import type { AppEvent, AppInfo } from '../../../shared/api';
import type { Clock } from '../../../shared/domain/clock';
import type { Author } from '../../../shared/model';
import type { ChosenFiles, FileChoicePurpose } from '../files/chosen-files';
import type { ChosenSavePaths, SaveChoicePurpose } from '../files/chosen-save-paths';
import type { ReviewLibrary } from '../library/review-library';
import type { Caller, ReviewSessions } from '../library/review-sessions';
import type { SettingsStore } from '../settings/settings-store';
import type { StartServiceProcess } from '../processes/service-process';
import type { SpareParserProcess } from '../import/spare-parser-process';
import type { SpareMergeEngine } from '../exchange/spare-merge-engine';
import type { ImportLimits } from '../import/types';

/**
 * The host's native file dialog, if it has one, shown over the caller's window: the paths the person chose, or
 * none if they cancelled.
 */
export type ChooseFiles = (purpose: FileChoicePurpose, caller: Caller) => Promise<string[]>;

/** The host's native save dialog, if it has one, over the caller's window: the path chosen, or undefined if cancelled. */
export type ChooseSaveFile = (
  purpose: SaveChoicePurpose,
  suggestedName: string,
  caller: Caller,
) => Promise<string | undefined>;

/** The host's own HTML-to-PDF printer (Electron's printToPDF); without one, reports print in Playwright's Chromium. */
export type PrintPdf = (html: string) => Promise<Uint8Array>;

/**
 * The services the contract's handlers work on. Apart from workstation/workstation.ts, which builds them and the handlers
 * together, so that the handlers can name them without importing what imports them.
 */
export interface WorkstationServices {
  readonly dataDir: string;
  readonly library: ReviewLibrary;
  /** Which window edits which open review. */
  readonly sessions: ReviewSessions;
  readonly settings: SettingsStore;
  readonly chosenFiles: ChosenFiles;
  readonly chooseFiles: ChooseFiles | undefined;
  /** Paths main's save dialog chose, known to the renderer only by tokens. */
  readonly chosenSavePaths: ChosenSavePaths;
  readonly chooseSaveFile: ChooseSaveFile | undefined;
  readonly importLimits: ImportLimits | undefined;
  readonly startServiceProcess: StartServiceProcess | undefined;
  /**
   * A parsing process started when an import is likely (see the versions handlers), for the next import to take.
   * Made, and its code loaded, when first asked for: hosts and commands that import nothing never load it.
   */
  spareParser(): Promise<SpareParserProcess>;
  /** A merge's engine started while its package is chosen, which loads the review's history meanwhile. */
  readonly spareMergeEngine: SpareMergeEngine;
  readonly printPdf: PrintPdf | undefined;
  /** Where the host keeps the sample policy a sample review is built from; none on a host without samples (the CLI). */
  readonly samplePolicyDir: string | undefined;
  /** The time and new ids every change to a review records (the real clock, unless a test pins one). */
  readonly clock: Clock;
  /** Who is acting: the name in settings, else the computer's user name. */
  actor(): Author;
  info(): AppInfo;
  /** Tells every window of the host about something (import progress, ...). */
  emit(event: AppEvent): void;
}
