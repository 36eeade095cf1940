import { BrowserWindow } from 'electron';
import { EVENT_CHANNEL } from '../../shared/api';
import type { Workstation } from '../services/workstation';

/** Sends the services' events (import progress, ...) to every window of the app. */
export function forwardEventsToWindows(workstation: Workstation): void {
  workstation.onEvent((event) => {
    for (const window of BrowserWindow.getAllWindows()) {
      if (!window.isDestroyed()) window.webContents.send(EVENT_CHANNEL, event);
    }
  });
}
