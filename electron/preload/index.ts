import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import {
  AppEvent,
  EVENT_CHANNEL,
  INVOKE_CHANNEL,
  isMethodName,
  type ApiResult,
  type PolicyReviewBridge,
} from '../../shared/api';

// The renderer gets exactly two functions: call a contract method by name, and listen to main's events. Names
// outside the contract never reach main, events that do not match their schema never reach the page, and
// nothing of ipcRenderer itself is exposed.
const bridge: PolicyReviewBridge = {
  invoke(method: string, args: unknown): Promise<ApiResult<unknown>> {
    if (!isMethodName(method)) {
      return Promise.resolve({
        ok: false,
        error: {
          code: 'E_UNKNOWN_METHOD',
          message: `“${String(method).slice(0, 80)}” is not something this app can do.`,
        },
      });
    }
    return ipcRenderer.invoke(INVOKE_CHANNEL, method, args) as Promise<ApiResult<unknown>>;
  },
  on(listener) {
    const forward = (_event: IpcRendererEvent, payload: unknown) => {
      const parsed = AppEvent.safeParse(payload);
      if (parsed.success) listener(parsed.data);
    };
    ipcRenderer.on(EVENT_CHANNEL, forward);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, forward);
    };
  },
};

contextBridge.exposeInMainWorld('policyReview', bridge);
