import { basename, join } from 'node:path';
import { app, BrowserWindow, dialog, webContents } from 'electron';
import type { Caller } from '../services/library/review-sessions';
import type { FileChoicePurpose, SaveChoicePurpose } from '../services/workstation/workstation';

const OPEN_DIALOGS: Record<FileChoicePurpose, Electron.OpenDialogOptions> = {
  'import-version': {
    title: 'Import policy versions',
    buttonLabel: 'Import',
    properties: ['openFile', 'multiSelections'],
    filters: [
      { name: 'Policy documents', extensions: ['docx', 'pdf', 'md', 'markdown', 'html', 'htm', 'txt'] },
      { name: 'All files', extensions: ['*'] },
    ],
  },
  'checklist-template': {
    title: 'Start a review from a checklist template',
    buttonLabel: 'Use template',
    properties: ['openFile'],
    filters: [
      { name: 'Checklist templates', extensions: ['json'] },
      { name: 'All files', extensions: ['*'] },
    ],
  },
  'report-to-verify': {
    title: 'Verify a signed report',
    buttonLabel: 'Verify',
    properties: ['openFile'],
    filters: [
      { name: 'Signed reports', extensions: ['pdf', 'json', 'jws'] },
      { name: 'All files', extensions: ['*'] },
    ],
  },
  'report-to-sign': {
    title: 'Sign a report',
    buttonLabel: 'Sign',
    properties: ['openFile'],
    filters: [
      { name: 'Reports', extensions: ['pdf', 'json'] },
      { name: 'All files', extensions: ['*'] },
    ],
  },
  'identity-file': {
    title: 'Import a signing identity',
    buttonLabel: 'Import',
    properties: ['openFile'],
    filters: [
      { name: 'PKCS #12 identities', extensions: ['p12', 'pfx'] },
      { name: 'All files', extensions: ['*'] },
    ],
  },
  certificate: {
    title: 'Trust a certificate',
    buttonLabel: 'Trust',
    properties: ['openFile'],
    filters: [
      { name: 'Certificates', extensions: ['pem', 'crt', 'cer', 'der'] },
      { name: 'All files', extensions: ['*'] },
    ],
  },
  'review-package': {
    title: 'Open a review package',
    buttonLabel: 'Open',
    properties: ['openFile'],
    filters: [
      { name: 'Review packages', extensions: ['policyreview'] },
      { name: 'All files', extensions: ['*'] },
    ],
  },
};

const SAVE_DIALOGS: Record<SaveChoicePurpose, Omit<Electron.SaveDialogOptions, 'defaultPath'>> = {
  'checklist-template': {
    title: 'Save the checklist as a template',
    buttonLabel: 'Save template',
    filters: [{ name: 'Checklist templates', extensions: ['json'] }],
    properties: ['showOverwriteConfirmation', 'createDirectory'],
  },
  report: {
    title: 'Export the review report',
    buttonLabel: 'Export',
    filters: [
      { name: 'PDF', extensions: ['pdf'] },
      { name: 'Web page', extensions: ['html', 'htm'] },
      { name: 'Markdown', extensions: ['md'] },
      { name: 'JSON', extensions: ['json', 'jsonld'] },
    ],
    properties: ['showOverwriteConfirmation', 'createDirectory'],
  },
  certificate: {
    title: 'Export the certificate',
    buttonLabel: 'Export',
    filters: [{ name: 'Certificates', extensions: ['pem'] }],
    properties: ['showOverwriteConfirmation', 'createDirectory'],
  },
  'review-package': {
    title: 'Export a review package',
    buttonLabel: 'Export',
    filters: [{ name: 'Review packages', extensions: ['policyreview'] }],
    properties: ['showOverwriteConfirmation', 'createDirectory'],
  },
};

/** The window that asked (its web contents' id is the caller's window id), so the dialog belongs to it. */
function windowOf(caller: Caller): BrowserWindow | null {
  const contents = webContents.fromId(Number(caller.windowId));
  return contents ? BrowserWindow.fromWebContents(contents) : null;
}

/** The native open dialog over the caller's window (policy files, a template, a report, a key); the paths stay in main. */
export async function chooseFiles(purpose: FileChoicePurpose, caller: Caller): Promise<string[]> {
  const options = OPEN_DIALOGS[purpose];
  const window = windowOf(caller);
  const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
  return result.canceled ? [] : result.filePaths;
}

/**
 * The native save dialog; the path stays in main. The page only suggests a file name: anything like a folder
 * in it is dropped, so the dialog always starts in the person's documents folder.
 */
export async function chooseSaveFile(
  purpose: SaveChoicePurpose,
  suggestedName: string,
  caller: Caller,
): Promise<string | undefined> {
  const name =
    basename(suggestedName.replace(/\\/g, '/'))
      .replace(/[\p{Cc}<>:"|?*]+/gu, ' ')
      .trim() || 'untitled';
  const options: Electron.SaveDialogOptions = {
    ...SAVE_DIALOGS[purpose],
    defaultPath: join(app.getPath('documents'), name),
  };
  const window = windowOf(caller);
  const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
  return result.canceled || !result.filePath ? undefined : result.filePath;
}
