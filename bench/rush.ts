/*
 * npm run bench:rush — the opening minute of a popular event: 500 clients registering at
 * once over HTTP for one event on PostgreSQL, against the bare database work measured in
 * the same run: the same transaction (event row; the event's advisory lock; the two
 * counter queries of registration/service.ts loadCounters; insert of the registration and
 * its workshop choices; pg_notify; commit) issued directly with `pg`, by 500 concurrent
 * loops over a pool of the app's size. Every event is fresh and of one shape (1,000 seats,
 * two rounds of three workshops); every run is a fixed number of registrations, so the
 * event fills and the rest goes on the waiting lists. After each run the database is
 * checked: no more places given than the event and each workshop in each round have.
 *
 * Then the same HTTP run on the embedded database (PGlite in memory in the server thread).
 *
 * Where the time goes: the event's lock serialises registrations. The bare loop takes it
 * once per registration; bijeen once per batch (its registration desk decides the
 * registrations that queued meanwhile together: docs/decisions/012). Both runs print how
 * often it was taken, how long it was held and what it was spent on: the round trip of
 * each statement sent under it, and the JavaScript between them (for the app, seen by
 * watching the server thread's `pg` clients; the app's code is untouched).
 *
 * The bijeen server runs in a worker thread (bench/rush-server.ts); autocannon and the
 * bare loops run in the main thread; everything on 127.0.0.1. Each PostgreSQL run gets a
 * fresh database of its own, created from BENCH_DATABASE_URL (an admin URL, default
 * postgres://postgres@127.0.0.1:5432/test) and dropped at the end; the counter queries
 * scan what is there, so neither run pays for the other's rows. Each measured run follows
 * a small warm-up (JIT, pool connections) on another event in the same database.
 *
 * Knobs: BENCH_CONNECTIONS (500), BENCH_POOL (20), BENCH_REGISTRATIONS (1500),
 * BENCH_EMBEDDED_REGISTRATIONS (1200), BENCH_WARMUP (200), BENCH_TIMEOUT (120 s),
 * BENCH_KEEP_DATABASE=1 keeps the databases for a look afterwards.
 *
 * Last line: `rush: <n> registrations/s, <ratio> of bare database, p99 <ms> ms, overbooked <k>`.
 * Goal: ratio ≥ 0.5, p99 under 1 s, no 5xx, nothing overbooked. Exits 1 on a 5xx, any
 * other failed request or transaction, a registration count that does not add up, or any
 * overbooking.
 */
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import autocannon from 'autocannon';
import pg from 'pg';
import { organisationKey } from '../src/domain/registration/rules';
import type { Fill, Load, LockStats, Request, RushShape, RushWorkerData } from './rush-server';

const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 500);
const POOL = Number(process.env.BENCH_POOL ?? 20);
/** Registrations per measured run (PostgreSQL, HTTP and bare alike). */
const REGISTRATIONS = Number(process.env.BENCH_REGISTRATIONS ?? 1500);
/** Fewer on the embedded database, which is slower: still a full event and a waiting list. */
const EMBEDDED_REGISTRATIONS = Number(process.env.BENCH_EMBEDDED_REGISTRATIONS ?? 1200);
/** Registrations of each warm-up (JIT, pool connections), on an event of its own, 50 clients at a time. */
const WARMUP = Number(process.env.BENCH_WARMUP ?? 200);
const WARMUP_CONNECTIONS = Math.min(50, CONNECTIONS, WARMUP);
/** Seconds a client waits for its answer (a browser waits minutes). */
const TIMEOUT = Number(process.env.BENCH_TIMEOUT ?? 120);

const SHAPE: RushShape = {
  capacity: 1000,
  rounds: {
    'ronde-1': { w1: 120, w2: 150, w3: 250 },
    'ronde-2': { w1: 120, w4: 200, w5: 200 },
  },
};

// Nothing here may hang: the whole run is bounded (and its databases dropped).
const watchdog = setTimeout(() => {
  console.error('rush: gave up after 5 minutes');
  const exit = setTimeout(() => process.exit(2), 10_000);
  dropDatabases().finally(() => process.exit(2));
  exit.unref();
}, 300_000);
watchdog.unref();

/** The i-th registrant of a run: a unique address, one workshop per round, never one twice. */
function person(tag: string, i: number) {
  const [r1, r2] = Object.keys(SHAPE.rounds) as [string, string];
  const w1 = Object.keys(SHAPE.rounds[r1]!);
  const w2 = Object.keys(SHAPE.rounds[r2]!);
  const first = w1[i % w1.length]!;
  let j = Math.floor(i / w1.length) % w2.length;
  if (w2[j] === first) j = (j + 1) % w2.length;
  return {
    name: `Deelnemer ${i}`,
    email: `${tag}-${i}@example.org`,
    organisation: `Gemeente ${i % 150}`,
    organisationKind: 'gemeente' as const,
    choices: { [r1]: first, [r2]: w2[j]! },
    consents: { privacy: true as const },
  };
}

// ---------------------------------------------------------------- the server thread

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

interface Server {
  port: number;
  kind: 'pglite' | 'postgres';
  load: () => Promise<Load>;
  fill: (slug: string) => Promise<Fill>;
  stop: () => Promise<void>;
}

async function startServer(data: RushWorkerData): Promise<Server> {
  const worker = new Worker(new URL('./worker-entry.mjs', import.meta.url), {
    workerData: { ...data, module: new URL('./rush-server.ts', import.meta.url).href },
  });
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let ids = 0;
  const ready = new Promise<{ ready: number; kind: 'pglite' | 'postgres' }>((resolve, reject) => {
    worker.on('message', (m: { ready?: number; kind?: 'pglite' | 'postgres'; id?: number; result?: unknown; error?: string }) => {
      if (m.ready !== undefined) return resolve(m as { ready: number; kind: 'pglite' | 'postgres' });
      const p = pending.get(m.id!);
      pending.delete(m.id!);
      if (m.error) p?.reject(new Error(m.error));
      else p?.resolve(m.result);
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`server thread exited (${code})`)));
  });
  const ask = <T>(req: DistributiveOmit<Request, 'id'>, ms = 30_000) =>
    new Promise<T>((resolve, reject) => {
      const id = ++ids;
      const timer = setTimeout(() => reject(new Error(`server thread did not answer ${req.op}`)), ms);
      pending.set(id, {
        resolve: (v) => (clearTimeout(timer), resolve(v as T)),
        reject: (e) => (clearTimeout(timer), reject(e)),
      });
      worker.postMessage({ ...req, id });
    });
  const { ready: port, kind } = await ready;
  let stopped = false;
  return {
    port,
    kind,
    load: () => ask<Load>({ op: 'load' }),
    fill: (slug) => ask<Fill>({ op: 'fill', slug }),
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await ask({ op: 'close' }, 10_000).catch(() => {});
      await worker.terminate();
    },
  };
}

// ---------------------------------------------------------------- measurements

interface Run {
  label: string;
  ok: number;
  seconds: number;
  rps: number;
  p50: number;
  p99: number;
  max: number;
  /** Answers other than 2xx. */
  non2xx: number;
  /** No answer: connection errors and timeouts over HTTP, failed transactions on bare. */
  errors: number;
  /** How long each registration held the event's lock, and on what (PostgreSQL only). */
  lock: LockStats;
  fiveXX: number;
  fill: Fill;
}

function fillText(f: Fill) {
  return `${f.holding}/${f.capacity} places, ${f.waitlisted} waitlisted, ${f.total} in all; overbooked ${f.overbooked}`;
}

function print(r: Run, extra = '') {
  console.log(
    `${r.label.padEnd(18)} ${r.rps.toFixed(0).padStart(5)} registrations/s  (${r.ok} in ${r.seconds.toFixed(1)} s)  ` +
      `p50 ${r.p50.toFixed(0)} ms  p99 ${r.p99.toFixed(0)} ms  max ${r.max.toFixed(0)} ms  non-2xx ${r.non2xx}  5xx ${r.fiveXX}  errors ${r.errors}${extra}`,
  );
  if (r.lock.held.length) {
    const held = [...r.lock.held].sort((a, b) => a - b);
    const n = held.length;
    const mean = held.reduce((a, b) => a + b, 0) / n;
    const statements = Object.entries(r.lock.statements).sort((a, b) => b[1].ms - a[1].ms);
    const inStatements = statements.reduce((t, [, st]) => t + st.ms, 0) / n;
    const count = statements.reduce((t, [, st]) => t + st.n, 0) / n;
    // The bare loop takes the lock once per registration; bijeen once per batch (its desk).
    const perTake = r.ok / n;
    console.log(
      `${''.padEnd(18)} event lock taken ${n} times, ${perTake.toFixed(1)} registrations each, held ${mean.toFixed(1)} ms on average ` +
        `(p50 ${percentile(held, 0.5).toFixed(1)}, p99 ${percentile(held, 0.99).toFixed(1)}), so at most ` +
        `${((perTake * 1000) / mean).toFixed(0)} registrations/s; per take ${count.toFixed(1)} statements after the lock's, ` +
        `${inStatements.toFixed(1)} ms in their round trips, ${(mean - inStatements).toFixed(1)} ms between them`,
    );
    console.log(
      `${''.padEnd(18)} under the lock: ${statements.map(([k, st]) => `${k} ${(st.ms / n).toFixed(1)}${st.n > n ? ` (×${(st.n / n).toFixed(1)})` : ''}`).join(', ')}`,
    );
  }
  console.log(`${''.padEnd(18)} ${fillText(r.fill)}`);
}

/** `n` registrations over HTTP for `slug`, `connections` at a time. */
async function http(server: Server, slug: string, n: number, label: string, connections = CONNECTIONS, quiet = false) {
  let seq = 0;
  const failures = new Map<number, string>(); // status → the first answer with it
  const before = (await server.load()).elu;
  const t0 = performance.now();
  const instance = autocannon({
    url: `http://127.0.0.1:${server.port}`,
    connections: Math.min(connections, n),
    amount: n,
    timeout: TIMEOUT,
    requests: [
      {
        method: 'POST',
        path: `/api/v1/events/${slug}/registrations`,
        headers: { 'content-type': 'application/json' },
        // A unique body per request (autocannon builds one per send, in this thread).
        setupRequest: (req) => ({ ...req, body: JSON.stringify(person(slug, seq++)) }),
        onResponse: (status, body) => {
          if (status >= 300) failures.set(status, (failures.get(status) ?? '') || body.slice(0, 300));
        },
      },
    ],
  });
  const errors = new Map<string, number>(); // requests without an answer, by why
  (instance as unknown as NodeJS.EventEmitter).on('reqError', (err: Error) => errors.set(err.message, (errors.get(err.message) ?? 0) + 1));
  const r = await instance;
  const seconds = (performance.now() - t0) / 1000;
  const after = await server.load();
  const busy = performance.eventLoopUtilization(after.elu, before);
  const ok = r['2xx'];
  const run: Run = {
    label,
    ok,
    seconds,
    rps: ok / seconds,
    p50: r.latency.p50,
    p99: r.latency.p99,
    max: r.latency.max,
    non2xx: r.non2xx,
    errors: r.errors,
    lock: after.lock,
    fiveXX: r['5xx'],
    fill: await server.fill(slug),
  };
  for (const [status, body] of failures) console.error(`${label}: ${status} ${body}`);
  for (const [why, count] of errors) console.error(`${label}: ${count} × no answer: ${why}`);
  if (!quiet)
    print(
      run,
      `\n${''.padEnd(18)} server thread: busy ${(busy.utilization * 100).toFixed(0)}%, ` +
        `${((busy.active * 1000) / Math.max(1, r.requests.total)).toFixed(0)} µs/request, ` +
        `event-loop delay p50 ${after.delay.p50.toFixed(0)} ms, p99 ${after.delay.p99.toFixed(0)} ms, max ${after.delay.max.toFixed(0)} ms`,
    );
  return run;
}

/*
 * The bare database work of one registration: what register() in
 * src/domain/registration/service.ts sends, as plain SQL over one pooled connection.
 * The counter queries are loadCounters' two; the decision is the rules' for an event
 * without organisation limits (a place while seats are left, else the waiting list;
 * a workshop seat while the workshop has one in that round).
 */
const Q = {
  event: `SELECT * FROM events WHERE slug = $1 LIMIT 1`,
  lock: `SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`,
  organisations: `
    SELECT organisation_key, domain, count(*) AS n FROM registrations
    WHERE event_id = $1 AND status IN ('confirmed', 'pending')
    GROUP BY organisation_key, domain`,
  offerings: `
    SELECT r.key AS round_key, r.id AS round_id, w.key AS workshop_key, w.id AS workshop_id, w.capacity,
           coalesce(t.taken, 0)::int AS taken
    FROM programme_items r
    LEFT JOIN workshop_rounds wr ON wr.round_id = r.id
    LEFT JOIN workshops w ON w.id = wr.workshop_id
    LEFT JOIN (
      SELECT rc.round_id, rc.workshop_id, count(*) AS taken
      FROM registration_choices rc JOIN registrations g ON g.id = rc.registration_id
      WHERE g.event_id = $1 AND rc.status IN ('confirmed', 'pending')
      GROUP BY rc.round_id, rc.workshop_id
    ) t ON t.round_id = r.id AND t.workshop_id = w.id
    WHERE r.event_id = $1 AND r.kind = 'round'
    ORDER BY r.position, w.position`,
  insert: `
    INSERT INTO registrations (event_id, status, name, email, organisation_name, organisation_key, organisation_kind,
      role, domain, answers, consents, billing, language, token, idempotency_key, wait_reason, created_at, updated_at)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)
    ON CONFLICT DO NOTHING RETURNING *`,
  notify: `SELECT pg_notify('bijeen_event_changed', $1)`,
};

interface OfferingRow {
  round_key: string;
  round_id: string;
  workshop_key: string | null;
  workshop_id: string | null;
  capacity: number | null;
  taken: number;
}

async function registerBare(pool: pg.Pool, slug: string, p: ReturnType<typeof person>, lock: LockStats) {
  const client = await pool.connect();
  let locked: number | undefined;
  /** A statement; under the lock, its round trip is counted as the server thread counts the app's. */
  const q = async <R extends pg.QueryResultRow>(kind: string, text: string, params?: unknown[]) => {
    const sent = performance.now();
    const result = await client.query<R>(text, params);
    if (locked !== undefined) {
      const s = (lock.statements[kind] ??= { n: 0, ms: 0 });
      s.n++;
      s.ms += performance.now() - sent;
    }
    return result;
  };
  try {
    await q('begin', 'BEGIN');
    const event = (await q<{ id: string; capacity: number | null }>('select events', Q.event, [slug])).rows[0]!;
    await q('pg_advisory_xact_lock', Q.lock, [`bijeen:event:${event.id}`]);
    locked = performance.now();
    const orgs = await q<{ n: string }>('select registrations', Q.organisations, [event.id]);
    const offerings = (await q<OfferingRow>('select programme_items', Q.offerings, [event.id])).rows;
    const holding = orgs.rows.reduce((n, r) => n + Number(r.n), 0);
    const place = event.capacity === null || holding < event.capacity;
    const choices = Object.entries(p.choices).map(([round, workshop]) => {
      const o = offerings.find((x) => x.round_key === round && x.workshop_key === workshop)!;
      const seat = place && (o.capacity === null || o.taken < o.capacity);
      return { roundId: o.round_id, workshopId: o.workshop_id!, status: seat ? 'confirmed' : 'waitlisted' };
    });
    const now = new Date();
    const row = (
      await q<{ id: string }>('insert registrations', Q.insert, [
        event.id,
        place ? 'confirmed' : 'waitlisted',
        p.name,
        p.email,
        p.organisation,
        organisationKey(p.organisation),
        p.organisationKind,
        null,
        null,
        {},
        { privacy: true, photos: false, mailingList: false },
        null,
        'nl',
        randomBytes(32).toString('base64url'),
        null,
        place ? null : 'event_full',
        now,
        now,
      ])
    ).rows[0];
    if (!row) throw new Error(`duplicate ${p.email}`);
    const values = choices.map((_, k) => `($1, $${k * 3 + 2}, $${k * 3 + 3}, $${k * 3 + 4})`).join(', ');
    await q(
      'insert registration_choices',
      `INSERT INTO registration_choices (registration_id, round_id, workshop_id, status) VALUES ${values}`,
      [row.id, ...choices.flatMap((c) => [c.roundId, c.workshopId, c.status])],
    );
    await q('pg_notify', Q.notify, [event.id]);
    await q('commit', 'COMMIT');
    lock.held.push(performance.now() - locked!);
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}

function percentile(sorted: number[], q: number) {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]! : 0;
}

/** `n` registrations straight into the database, `CONNECTIONS` loops at a time over `pool`. */
async function bare(pool: pg.Pool, server: Server, slug: string, n: number, label: string, connections = CONNECTIONS, quiet = false) {
  let next = 0;
  let failed = 0;
  let firstError: unknown;
  const latencies: number[] = [];
  const lock: LockStats = { held: [], statements: {} };
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: Math.min(connections, n) }, async () => {
      while (next < n) {
        const i = next++;
        const start = performance.now();
        try {
          await registerBare(pool, slug, person(slug, i), lock);
          latencies.push(performance.now() - start);
        } catch (err) {
          failed++;
          firstError ??= err;
        }
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  if (firstError) console.error(`${label}: ${failed} failed, first: ${(firstError as Error).message}`);
  latencies.sort((a, b) => a - b);
  const run: Run = {
    label,
    ok: latencies.length,
    seconds,
    rps: latencies.length / seconds,
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    max: latencies.at(-1) ?? 0,
    non2xx: 0,
    errors: failed,
    lock,
    fiveXX: 0,
    fill: await server.fill(slug),
  };
  if (!quiet) print(run);
  return run;
}

// ---------------------------------------------------------------- the run

/** A fresh PostgreSQL database for each measured run, so neither scans the other's rows. */
const databases: string[] = [];
async function freshDatabase(): Promise<string> {
  const name = `bijeen_rush_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  databases.push(name);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

async function dropDatabases() {
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  for (const name of databases.splice(0)) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
}

const runs: Run[] = [];
const servers: Server[] = [];
let barePool: pg.Pool | undefined;
let httpRun: Run;
let bareRun: Run;
let embeddedRun: Run;
try {
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  const version = (await admin.query<{ v: string }>(`SELECT current_setting('server_version') AS v`)).rows[0]!.v;
  await admin.end();
  const rounds = Object.entries(SHAPE.rounds).map(([r, ws]) => `${r}: ${Object.entries(ws).map(([w, n]) => `${w} ${n}`).join(', ')}`);
  console.log(
    `PostgreSQL ${version}, pool ${POOL}, ${CONNECTIONS} concurrent clients, ${REGISTRATIONS} registrations per run ` +
      `(after a warm-up of ${WARMUP} at ${WARMUP_CONNECTIONS}); event: ${SHAPE.capacity} places, ${rounds.join('; ')}`,
  );

  // The bare database work: its database is set up (migrations, events) by a bijeen
  // server thread that then only idles, and hears the NOTIFYs as an app instance would.
  const bareUrl = await freshDatabase();
  const bareSetup = await startServer({ databaseUrl: bareUrl, poolSize: 2, shape: SHAPE, slugs: ['rush-warmup', 'rush'] });
  servers.push(bareSetup);
  barePool = new pg.Pool({ connectionString: bareUrl, max: POOL });
  barePool.on('error', () => {});
  runs.push(await bare(barePool, bareSetup, 'rush-warmup', WARMUP, 'bare pg warm-up', WARMUP_CONNECTIONS, true));
  runs.push((bareRun = await bare(barePool, bareSetup, 'rush', REGISTRATIONS, 'bare pg')));
  await barePool.end();
  barePool = undefined;
  await bareSetup.stop();

  // bijeen over HTTP on PostgreSQL.
  const pgServer = await startServer({ databaseUrl: await freshDatabase(), poolSize: POOL, shape: SHAPE, slugs: ['rush-warmup', 'rush'] });
  servers.push(pgServer);
  runs.push(await http(pgServer, 'rush-warmup', WARMUP, 'http pg warm-up', WARMUP_CONNECTIONS, true));
  runs.push((httpRun = await http(pgServer, 'rush', REGISTRATIONS, 'bijeen pg')));
  await pgServer.stop();

  // bijeen over HTTP on the embedded database.
  const embedded = await startServer({ poolSize: POOL, shape: SHAPE, slugs: ['rush-warmup', 'rush'] });
  servers.push(embedded);
  runs.push(await http(embedded, 'rush-warmup', WARMUP, 'http pglite warm-up', WARMUP_CONNECTIONS, true));
  runs.push((embeddedRun = await http(embedded, 'rush', EMBEDDED_REGISTRATIONS, 'bijeen pglite')));
  await embedded.stop();
} finally {
  await barePool?.end().catch(() => {});
  for (const s of servers) await s.stop();
  if (process.env.BENCH_KEEP_DATABASE === '1') console.log(`kept databases ${databases.join(', ')}`);
  else await dropDatabases();
}

// A full event with waiting lists is the expected outcome; anything less full means lost registrations.
const problems: string[] = [];
for (const r of runs) {
  if (r.fiveXX) problems.push(`${r.label}: ${r.fiveXX} answers 5xx`);
  if (r.non2xx) problems.push(`${r.label}: ${r.non2xx} answers other than 2xx`);
  if (r.errors) problems.push(`${r.label}: ${r.errors} requests without an answer or transactions failed`);
  if (r.fill.overbooked) problems.push(`${r.label}: ${r.fill.overbooked} places overbooked`);
  if (r.fill.total !== r.ok) problems.push(`${r.label}: ${r.ok} registered, ${r.fill.total} in the database`);
}
for (const p of problems) console.log(`PROBLEM ${p}`);

const ratio = httpRun.rps / bareRun.rps;
console.log(`rush (embedded): ${embeddedRun.rps.toFixed(0)} registrations/s, p99 ${embeddedRun.p99.toFixed(0)} ms, overbooked ${embeddedRun.fill.overbooked}`);
console.log(
  `rush: ${httpRun.rps.toFixed(0)} registrations/s, ${ratio.toFixed(2)} of bare database, p99 ${httpRun.p99.toFixed(0)} ms, overbooked ${httpRun.fill.overbooked}`,
);
process.exit(problems.length ? 1 : 0);
