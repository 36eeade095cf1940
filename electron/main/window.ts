import { join } from 'node:path';
import { BrowserWindow } from 'electron';
import { APP_START_URL } from './trusted-url';

export function createMainWindow(preloadFile: string): BrowserWindow {
  const window = new BrowserWindow({
    width: 1360,
    height: 880,
    minWidth: 900,
    minHeight: 600,
    title: 'Policy Review Workstation',
    backgroundColor: '#f6f7f9',
    show: false,
    webPreferences: {
      preload: preloadFile,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      // A middle-click on a link must not open a window of its own.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(APP_START_URL);
  return window;
}

export function builtFile(...parts: string[]): string {
  return join(import.meta.dirname, ...parts);
}
