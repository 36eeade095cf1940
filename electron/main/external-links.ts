import { BrowserWindow, dialog, shell, type WebContents } from 'electron';
import { isExternalLinkAllowed } from './trusted-url';

/** Only https links leave the app, in the system browser, and only after the person agrees. */
export async function openExternalAfterPrompt(contents: WebContents, url: string): Promise<void> {
  if (!isExternalLinkAllowed(url)) return;
  const parsed = new URL(url);
  const window = BrowserWindow.fromWebContents(contents);
  const options = {
    type: 'question' as const,
    buttons: ['Open in browser', 'Cancel'],
    defaultId: 1,
    cancelId: 1,
    message: 'Open this link in your web browser?',
    detail: parsed.href,
  };
  const { response } = window ? await dialog.showMessageBox(window, options) : await dialog.showMessageBox(options);
  if (response === 0) await shell.openExternal(parsed.href);
}
