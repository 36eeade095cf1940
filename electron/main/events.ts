import { app, BrowserWindow } from 'electron';
import { EVENT_CHANNEL } from '../../shared/api';
import type { Workstation } from '../services/workstation/workstation';

/** Sends the services' events (import progress, ...) to every window of the app. */
export function forwardEventsToWindows(workstation: Workstation): void {
  workstation.onEvent((event) => {
    for (const window of BrowserWindow.getAllWindows()) {
      if (!window.isDestroyed()) window.webContents.send(EVENT_CHANNEL, event);
    }
  });
}

/** A window that goes away (closed, crashed) stops editing the reviews it had open, so another window may. */
export function releaseReviewsOfClosedWindows(workstation: Workstation): void {
  app.on('web-contents-created', (_event, contents) => {
    const windowId = String(contents.id);
    contents.once('destroyed', () => void workstation.windowClosed(windowId));
  });
}
