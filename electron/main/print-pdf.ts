import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { app, BrowserWindow } from 'electron';

/**
 * Prints report HTML to PDF with Electron's own Chromium (`webContents.printToPDF`): A4 and margins from the
 * report's CSS, tagged, with an outline from the headings. The page loads in a hidden window with JavaScript
 * off, no preload and the app's sandbox and network guards; it is loaded from a temporary file (a large report
 * does not fit in a data: URL) that the report's CSP keeps from reaching anything else.
 */
export async function printReportPdf(html: string): Promise<Uint8Array> {
  const folder = await mkdtemp(join(app.getPath('temp'), 'policy-review-print-'));
  const file = join(folder, 'report.html');
  const window = new BrowserWindow({
    show: false,
    width: 794,
    height: 1123,
    // The main window's settings, and no JavaScript at all: the report is static HTML.
    webPreferences: {
      javascript: false,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick',
    },
  });
  try {
    await writeFile(file, html, 'utf8');
    await window.loadFile(file);
    const pdf = await window.webContents.printToPDF({
      preferCSSPageSize: true,
      printBackground: true,
      generateTaggedPDF: true,
      generateDocumentOutline: true,
    });
    return new Uint8Array(pdf);
  } finally {
    window.destroy();
    await rm(folder, { recursive: true, force: true });
  }
}
