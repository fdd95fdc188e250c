// Worker threads on Node 20 do not inherit tsx's loader: register it, then load the TS file.
import { register } from 'tsx/esm/api';
import { workerData } from 'node:worker_threads';

register();
await import(workerData.module);
