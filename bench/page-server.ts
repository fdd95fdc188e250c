/*
 * A server for bench/page.ts, run in a worker thread so it has its own event loop (the
 * load generator runs in the main thread). `kind` picks the bare node:http baseline or
 * bijeen itself on the embedded database with the demo loaded.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import { serve } from '@hono/node-server';
import pino from 'pino';
import { createApp } from '../src/app';
import { loadConfig } from '../src/config';
import { openDatabase } from '../src/db/client';
import { loadDemoIfEmpty } from '../src/demo/load';
import { EVENT_CHANGED } from '../src/domain/events/changes';
import { PageCache, subscribePageCache } from '../src/web/public/page-cache';

const { kind } = workerData as { kind: 'node-http' | 'bijeen' };

// The main thread asks how busy this thread's event loop was (it is per thread), to tell
// the server's own cost per request apart from the load generator's.
parentPort!.on('message', (m) => {
  if (m === 'elu') parentPort!.postMessage({ elu: performance.eventLoopUtilization() });
});

if (kind === 'node-http') {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end('hello world');
  });
  server.listen(0, '127.0.0.1', () => parentPort!.postMessage((server.address() as AddressInfo).port));
} else {
  const database = await openDatabase({}); // PGlite in memory: the embedded default
  await loadDemoIfEmpty(database.db, new Date());
  const pageCache = new PageCache();
  await subscribePageCache(database.listen, EVENT_CHANGED, pageCache);
  const app = createApp({
    pageCache,
    db: database.db,
    config: { ...loadConfig({}), publicUrl: 'http://127.0.0.1' },
    logger: pino({ level: 'silent' }),
    clock: () => new Date(),
    ping: database.ping,
  });
  serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => parentPort!.postMessage(info.port));
}
