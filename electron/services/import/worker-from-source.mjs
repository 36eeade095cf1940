// Starts a TypeScript worker when the services run from source (tests, `tsx`); built code starts the .js file.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
