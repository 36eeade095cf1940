import {
  openWorkstation,
  type Workstation,
  type WorkstationOptions,
} from '../../electron/services/workstation/workstation';
import { startBuiltServiceProcess } from './built-service-process';

/**
 * A real workstation on `dataDir` as the tests open one: the browser window's host, every result checked against
 * the contract, and its service processes (parsing, a merge's engine) started from the build, as the app starts
 * them. Anything in `options` overrides these.
 */
export function openTestWorkstation(
  options: Pick<WorkstationOptions, 'dataDir'> & Partial<WorkstationOptions>,
): Promise<Workstation> {
  return openWorkstation({
    host: 'browser',
    checkResults: true,
    startServiceProcess: startBuiltServiceProcess,
    ...options,
  });
}
