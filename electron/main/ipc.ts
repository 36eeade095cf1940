import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { INVOKE_CHANNEL, type ApiResult } from '../../shared/api';
import type { ApiInvoker } from '../services/api/dispatch';
import { isAppUrl } from './trusted-url';

/** The one IPC channel: calls only from the app's own top-level page reach the services. */
export function serveApiOverIpc(invoke: ApiInvoker): void {
  ipcMain.handle(INVOKE_CHANNEL, (event, method: unknown, args: unknown): Promise<ApiResult<unknown>> => {
    if (!isTrustedSender(event)) {
      return Promise.resolve({
        ok: false,
        error: { code: 'E_FORBIDDEN', message: 'Only the app’s own window may call it.' },
      });
    }
    return invoke(method, args, { windowId: String(event.sender.id) });
  });
}

function isTrustedSender(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  return frame !== null && frame.parent === null && isAppUrl(frame.url);
}
