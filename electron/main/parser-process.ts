import { utilityProcess } from 'electron';
import type { StartParserProcess } from '../services/import/parser-process-protocol';

/**
 * An import's parsing process in the app: an Electron utility process (Node's child_process.fork would start the
 * app again, since the RunAsNode fuse is off). Only the channel is adapted here; the services run the rest.
 */
export const startUtilityParserProcess: StartParserProcess = (modulePath, args) => {
  const child = utilityProcess.fork(modulePath, [...args], {
    serviceName: 'Policy Review Workstation import',
    stdio: 'ignore',
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
