import { contextBridge, ipcRenderer } from 'electron';
import { INVOKE_CHANNEL, isMethodName, type ApiResult, type PolicyReviewBridge } from '../../shared/api';

// The renderer gets exactly one function: call a contract method by name. Names outside the contract never
// reach main, and nothing of ipcRenderer itself is exposed.
const bridge: PolicyReviewBridge = {
  invoke(method: string, args: unknown): Promise<ApiResult<unknown>> {
    if (!isMethodName(method)) {
      return Promise.resolve({ ok: false, error: { code: 'E_UNKNOWN_METHOD', message: `“${String(method).slice(0, 80)}” is not something this app can do.` } });
    }
    return ipcRenderer.invoke(INVOKE_CHANNEL, method, args) as Promise<ApiResult<unknown>>;
  },
};

contextBridge.exposeInMainWorld('policyReview', bridge);
