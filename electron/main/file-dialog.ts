import { basename, join } from 'node:path';
import { app, BrowserWindow, dialog } from 'electron';
import type { FileChoicePurpose, SaveChoicePurpose } from '../services/workstation';

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
};

/** The native open dialog (policy files to import, or a checklist template); the paths stay in main. */
export async function chooseFiles(purpose: FileChoicePurpose): Promise<string[]> {
  const options = OPEN_DIALOGS[purpose];
  const window = BrowserWindow.getFocusedWindow();
  const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
  return result.canceled ? [] : result.filePaths;
}

/**
 * The native save dialog; the path stays in main. The page only suggests a file name: anything like a folder
 * in it is dropped, so the dialog always starts in the person's documents folder.
 */
export async function chooseSaveFile(purpose: SaveChoicePurpose, suggestedName: string): Promise<string | undefined> {
  const name = basename(suggestedName.replace(/\\/g, '/')).replace(/[\p{Cc}<>:"|?*]+/gu, ' ').trim() || 'untitled';
  const options: Electron.SaveDialogOptions = { ...SAVE_DIALOGS[purpose], defaultPath: join(app.getPath('documents'), name) };
  const window = BrowserWindow.getFocusedWindow();
  const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
  return result.canceled || !result.filePath ? undefined : result.filePath;
}
