// Starts a TypeScript entry when the services run from source (tests, `tsx`): a worker thread is given it as
// workerData.entry, a process as its first argument. Built code starts the .js files themselves.
import { isMainThread, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(isMainThread ? process.argv[2] : workerData.entry);
