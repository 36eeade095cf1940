import { utilityProcess } from 'electron';
import type { StartServiceProcess } from '../services/processes/service-process';

/**
 * A service process in the app (an import's parsing, a merge's engine): an Electron utility process (Node's
 * child_process.fork would start the app again, since the RunAsNode fuse is off). Only the channel is adapted
 * here; the services run the rest.
 */
export const startUtilityProcess: StartServiceProcess = (
  modulePath,
  args,
  name = 'Policy Review Workstation',
  tuning,
) => {
  const child = utilityProcess.fork(modulePath, [...args], {
    serviceName: name,
    stdio: 'ignore',
    execArgv: [...(tuning?.v8Flags ?? [])],
    env: { ...process.env, ...tuning?.environment },
  });
  return {
    get pid() {
      return child.pid;
    },
    postMessage: (message) => child.postMessage(message),
    onMessage: (listener) => void child.on('message', listener),
    onExit: (listener) => void child.once('exit', (code) => listener(code)),
    kill: () => void child.kill(),
  };
};
