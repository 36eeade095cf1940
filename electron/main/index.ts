import { join } from 'node:path';
import { app, BrowserWindow, dialog } from 'electron';
import { resolveDataDir } from '../services/workstation/data-dir';
import { openWorkstation, type Workstation } from '../services/workstation/workstation';
import { registerAppSchemePrivileges, serveRendererOnAppProtocol } from './app-protocol';
import { forwardEventsToWindows, releaseReviewsOfClosedWindows } from './events';
import { chooseFiles, chooseSaveFile } from './file-dialog';
import { serveApiOverIpc } from './ipc';
import { startUtilityProcess } from './utility-process';
import { printReportPdf } from './print-pdf';
import { installSecurityGuards } from './security';
import { builtFile, createMainWindow } from './window';
import { WINDOW_JS_FLAGS } from '../services/workstation/window-engine';

const dataDir = resolveDataDir();
app.setPath('userData', dataDir);
app.enableSandbox();
// The window's engine settings, as the browser host and the tests give Chromium (window-engine.ts).
app.commandLine.appendSwitch('js-flags', WINDOW_JS_FLAGS.join(' '));
registerAppSchemePrivileges();

let workstation: Workstation | undefined;

/** The sample review's policy: copied beside the app when packaged (electron-builder.yml), else the repo's fixture. */
function samplePolicyDir(): string {
  return app.isPackaged
    ? join(process.resourcesPath, 'sample-policy')
    : builtFile('../../fixtures/policies/riverton-social-media');
}

async function start(): Promise<void> {
  installSecurityGuards();
  serveRendererOnAppProtocol(builtFile('../renderer'));
  workstation = await openWorkstation({
    dataDir,
    host: 'electron',
    chooseFiles,
    chooseSaveFile,
    printPdf: printReportPdf,
    startServiceProcess: startUtilityProcess,
    samplePolicyDir: samplePolicyDir(),
  });
  serveApiOverIpc(workstation.invoke);
  forwardEventsToWindows(workstation);
  releaseReviewsOfClosedWindows(workstation);
  createMainWindow(builtFile('../preload/index.cjs'));
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createMainWindow(builtFile('../preload/index.cjs'));
  });
}

app
  .whenReady()
  .then(start)
  .catch((error: unknown) => {
    dialog.showErrorBox(
      'Policy Review Workstation could not start',
      `${error instanceof Error ? error.message : String(error)}\n\nCheck that this folder exists and that you may write to it:\n${dataDir}`,
    );
    app.exit(1);
  });

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

let closing = false;
app.on('before-quit', (event) => {
  if (closing || !workstation) return;
  // Let queued writes finish and release the review locks before the process ends.
  event.preventDefault();
  closing = true;
  void workstation.close().finally(() => app.quit());
});
