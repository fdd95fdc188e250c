/*
 * npm run bench:page — how fast bijeen serves its heaviest public page (Dag van de Buurt:
 * 26 workshop sessions, 9 speakers) on the embedded database, against a bare node:http
 * hello-world measured in the same run with the same concurrency. Each server runs in a
 * worker thread of its own; autocannon drives it from the main thread over 127.0.0.1.
 *
 * Requests carry the headers a browser sends (Accept-Encoding: gzip, br); the page is
 * compressed once when it is cached, not per request. The same page without compression
 * is measured too and printed above the last line.
 *
 * Prints `page: <req/s> req/s, <ratio> of node:http` as its last line. Goal: ratio ≥ 0.3.
 */
import { performance, type EventLoopUtilization } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import autocannon from 'autocannon';

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WORKERS = Number(process.env.BENCH_WORKERS ?? 0);

interface Server {
  port: number;
  elu: () => Promise<EventLoopUtilization>;
  stop: () => Promise<number>;
}

async function startServer(kind: 'node-http' | 'bijeen'): Promise<Server> {
  const worker = new Worker(new URL('./worker-entry.mjs', import.meta.url), {
    workerData: { kind, module: new URL('./page-server.ts', import.meta.url).href },
  });
  const port = await new Promise<number>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  const elu = () =>
    new Promise<EventLoopUtilization>((resolve) => {
      worker.once('message', (m: { elu: EventLoopUtilization }) => resolve(m.elu));
      worker.postMessage('elu');
    });
  return { port, elu, stop: () => worker.terminate() };
}

/** What a browser sends: it always accepts compressed pages. */
const BROWSER_HEADERS = { 'accept-encoding': 'gzip, deflate, br', accept: 'text/html' };

async function measure(server: Server, url: string, label: string, headers: Record<string, string> = BROWSER_HEADERS) {
  const opts = { url, connections: CONNECTIONS, headers, ...(WORKERS ? { workers: WORKERS } : {}) };
  // A short warm-up (JIT, caches), then the measured run.
  await autocannon({ ...opts, duration: 2 });
  const before = await server.elu();
  const r = await autocannon({ ...opts, duration: SECONDS });
  const busy = performance.eventLoopUtilization(await server.elu(), before);
  const non2xx = r.non2xx + r.errors + r.timeouts;
  // Server CPU per request: how long its thread was busy, divided by what it answered.
  const usPerRequest = (busy.active * 1000) / r.requests.total;
  console.log(
    `${label.padEnd(10)} ${r.requests.average.toFixed(0).padStart(7)} req/s  p50 ${r.latency.p50} ms  p99 ${r.latency.p99} ms  ` +
      `non-2xx/errors ${non2xx}  ${(r.throughput.average / 1024 / 1024).toFixed(1)} MB/s  ` +
      `server busy ${(busy.utilization * 100).toFixed(0)}%, ${usPerRequest.toFixed(0)} µs/request`,
  );
  if (non2xx > 0) throw new Error(`${label}: ${non2xx} failed requests`);
  return { rps: r.requests.average, usPerRequest };
}

const baseline = await startServer('node-http');
const base = await measure(baseline, `http://127.0.0.1:${baseline.port}/`, 'node:http');
await baseline.stop();

const bijeen = await startServer('bijeen');
const check = await fetch(`http://127.0.0.1:${bijeen.port}/evenementen/dag-van-de-buurt`);
const html = await check.text();
const sessions = html.match(/class="bijeen-workshop"/g)?.length ?? 0;
if (check.status !== 200 || sessions !== 26) throw new Error(`unexpected page: ${check.status}, ${sessions} sessions`);
console.log(`page size ${(html.length / 1024).toFixed(0)} kB, ${sessions} workshop sessions, ${CONNECTIONS} connections, ${SECONDS} s`);
const pageUrl = `http://127.0.0.1:${bijeen.port}/evenementen/dag-van-de-buurt`;
// Also without compression, for the record: then the run mostly measures moving 57 kB.
const identity = await measure(bijeen, pageUrl, 'page/raw', {});
const page = await measure(bijeen, pageUrl, 'page');
await bijeen.stop();

// autocannon turns every response body into a string, so a large page costs the load
// generator far more than an 11-byte hello-world; the server-side cost shows bijeen's own.
console.log(`server cost per request: page ${page.usPerRequest.toFixed(0)} µs, node:http ${base.usPerRequest.toFixed(0)} µs, ratio ${(base.usPerRequest / page.usPerRequest).toFixed(2)}`);
console.log(`page without compression: ${identity.rps.toFixed(0)} req/s, ${(identity.rps / base.rps).toFixed(2)} of node:http`);
console.log(`page: ${page.rps.toFixed(0)} req/s, ${(page.rps / base.rps).toFixed(2)} of node:http`);
