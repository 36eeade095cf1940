import { BrowserWindow, dialog } from 'electron';

/** The native open dialog for policy files; the paths stay in main. */
export async function choosePolicyFiles(): Promise<string[]> {
  const options: Electron.OpenDialogOptions = {
    title: 'Import policy versions',
    buttonLabel: 'Import',
    properties: ['openFile', 'multiSelections'],
    filters: [
      { name: 'Policy documents', extensions: ['docx', 'pdf', 'md', 'markdown', 'html', 'htm', 'txt'] },
      { name: 'All files', extensions: ['*'] },
    ],
  };
  const window = BrowserWindow.getFocusedWindow();
  const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
  return result.canceled ? [] : result.filePaths;
}
