import type { StartServiceProcess } from './service-process';

/**
 * A service process as a Node child (the CLI, the browser host, the tests): its own options, not the host's
 * (no inspector or loader flags carried over), no console (pdf.js's complaints about a damaged file are not the
 * answer), and messages by structured clone, so bytes travel as bytes.
 */
export const forkServiceProcess: StartServiceProcess = (modulePath, args, _name, tuning) => {
  if (process.versions.electron) {
    // Under Electron, fork() would start the app itself again (the RunAsNode fuse is off): the host passes its own starter.
    throw new Error(
      'In Electron a service process is started with utilityProcess (electron/main passes startUtilityProcess).',
    );
  }
  // Node's child_process (with net and dgram under it) loads only now: the CLI's commands other than `import` and
  // `merge`, and `--help`, reach this module at start but never start a process; loading it cost them a tenth of their time.
  const { fork } = process.getBuiltinModule('node:child_process');
  const child = fork(modulePath, [...args], {
    execArgv: [...(tuning?.v8Flags ?? [])],
    env: { ...process.env, ...tuning?.environment },
    serialization: 'advanced',
    stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
  });
  // A spare waiting for an import must not keep the host running (the CLI ends when its command does); while a
  // job runs, the host's own time limit keeps it waiting for the answer.
  child.unref();
  child.channel?.unref();
  let exited = false;
  const exitListeners: ((code: number | null, signal?: string | null) => void)[] = [];
  const exit = (code: number | null, signal: string | null) => {
    if (exited) return;
    exited = true;
    for (const listener of exitListeners) listener(code, signal);
  };
  child.once('exit', exit);
  // A process that cannot start, or whose channel breaks, is reported as ended; it never throws into the host.
  child.on('error', () => exit(null, null));
  return {
    get pid() {
      return child.pid;
    },
    postMessage: (message) => void child.send(message as object, (error) => error && exit(null, null)),
    onMessage: (listener) => void child.on('message', (message) => listener(message)),
    onExit: (listener) => void exitListeners.push(listener),
    kill: () => void child.kill('SIGKILL'),
  };
};
