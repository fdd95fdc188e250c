/*
 * The bijeen server for bench/rush.ts, run in a worker thread (through worker-entry.mjs)
 * so it has an event loop of its own; the load generator runs in the main thread. It opens
 * PostgreSQL (`databaseUrl`, a pool of `poolSize`) or, without a URL, PGlite in memory,
 * creates the events the main thread asks for through `createEvent`, and answers over
 * messages: how full an event is (the overbooking check), how busy and how late this
 * thread's event loop has been, and how long registrations held the event's lock. The app
 * is built as src/main.ts builds it, without rate limits (the rush comes from one address).
 */
import type { AddressInfo } from 'node:net';
import { monitorEventLoopDelay, performance, type EventLoopUtilization } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import pino from 'pino';
import { createApp } from '../src/app';
import { loadConfig } from '../src/config';
import { openDatabase } from '../src/db/client';
import { EVENT_CHANGED } from '../src/domain/events/changes';
import { createEvent } from '../src/domain/events/service';
import { programmeItems, workshopRounds, workshops, events } from '../src/domain/events/table';
import { ensureOrganiser } from '../src/domain/organisers/service';
import { registrationChoices, registrations } from '../src/domain/registration/table';
import { PageCache, subscribePageCache } from '../src/web/public/page-cache';
import { serveApp } from '../src/web/server';
import { eventDocument } from '../test/factories';
import { TEST_ACTOR } from '../test/actors';

/** An event's shape: its capacity and, per round, each workshop's seats. */
export interface RushShape {
  capacity: number;
  rounds: Record<string, Record<string, number>>;
}

export interface RushWorkerData {
  databaseUrl?: string;
  poolSize: number;
  shape: RushShape;
  /** Events to create, all of `shape`. */
  slugs: string[];
}

export interface Fill {
  capacity: number;
  holding: number;
  waitlisted: number;
  total: number;
  offerings: { round: string; workshop: string; capacity: number; taken: number }[];
  /** Places given beyond a capacity, summed over the event and every workshop in every round. */
  overbooked: number;
}

/** How busy this thread's event loop was, and how late it ran callbacks since the last ask. */
export interface Load {
  elu: EventLoopUtilization;
  delay: { p50: number; p99: number; max: number };
  /** The event's lock since the last ask (PostgreSQL only). */
  lock: LockStats;
}

export type Request =
  | { id: number; op: 'load' }
  | { id: number; op: 'fill'; slug: string }
  | { id: number; op: 'close' };

const { databaseUrl, poolSize, shape, slugs } = workerData as RushWorkerData;

/*
 * The event's lock serialises every registration: throughput is one over the time it is
 * held. Measure that time as the app sees it — from the answer to pg_advisory_xact_lock
 * to the answer to COMMIT on the same connection — and what it is spent on (each
 * statement's round trip, and the JavaScript between them), by watching what the pool's
 * clients send. Only this bench thread's copy of `pg` is touched, not the app's code.
 */
export interface LockStats {
  /** Per registration: ms from the lock's answer to COMMIT's answer. */
  held: number[];
  /** Statements sent under the lock (COMMIT included), and their round trips in ms, by kind. */
  statements: Record<string, { n: number; ms: number }>;
}
let lock: LockStats = { held: [], statements: {} };
const lockedAt = new WeakMap<object, number>();

/** "select registrations", "insert mail_outbox", "pg_notify", "commit": what a statement is. */
function statementKind(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim().toLowerCase();
  const fn = /^select (pg_\w+)\(/.exec(t);
  if (fn) return fn[1]!;
  const verb = t.split(' ')[0]!;
  const table = /(?:from|into|update) "?([a-z_]+)"?/.exec(t);
  return table ? `${verb} ${table[1]}` : verb;
}

type Query = (this: pg.Client, ...args: unknown[]) => unknown;
const query = pg.Client.prototype.query as unknown as Query;
(pg.Client.prototype as unknown as { query: Query }).query = function (this: pg.Client, ...args: unknown[]) {
  const result = query.apply(this, args);
  const first = args[0] as string | { text?: string } | undefined;
  const text = typeof first === 'string' ? first : first?.text;
  if (!text || !(result instanceof Promise)) return result;
  if (text.includes('pg_advisory_xact_lock(hashtextextended')) {
    void result.then(() => lockedAt.set(this, performance.now()), () => {});
    return result;
  }
  const at = lockedAt.get(this);
  if (at === undefined) return result;
  const sent = performance.now();
  const stats = lock;
  const kind = statementKind(text);
  const ends = /^\s*(commit|rollback)\b/i.test(text);
  void result
    .finally(() => {
      const now = performance.now();
      const s = (stats.statements[kind] ??= { n: 0, ms: 0 });
      s.n++;
      s.ms += now - sent;
      if (ends) {
        lockedAt.delete(this);
        stats.held.push(now - at);
      }
    })
    .catch(() => {});
  return result;
};

function rushEvent(slug: string) {
  const roundKeys = Object.keys(shape.rounds);
  const workshopKeys = [...new Set(roundKeys.flatMap((r) => Object.keys(shape.rounds[r]!)))];
  return eventDocument({
    slug,
    title: `Rush ${slug}`,
    workshops: workshopKeys.map((k) => {
      const seats = roundKeys.map((r) => shape.rounds[r]![k]).filter((n): n is number => n !== undefined);
      if (new Set(seats).size !== 1) throw new Error(`workshop ${k}: one capacity for all its rounds`);
      return { key: k, title: `Deelsessie ${k}`, capacity: seats[0]!, rounds: roundKeys.filter((r) => k in shape.rounds[r]!) };
    }),
    registration: { capacity: shape.capacity, closesAt: '2030-03-05T23:59:00+01:00' },
  });
}

const database = await openDatabase({ databaseUrl, poolSize });
const organiser = await ensureOrganiser(database.db, 'rush', 'Rush');
for (const slug of slugs) await createEvent(database.db, rushEvent(slug), { actor: TEST_ACTOR, actingOrganiserId: organiser.id, now: new Date() });

const pageCache = new PageCache();
await subscribePageCache(database.listen, EVENT_CHANGED, pageCache);
const app = createApp({
  pageCache,
  db: database.db,
  // The rush comes from one address on purpose: the rate limits would turn it away.
  config: { ...loadConfig({ RATE_LIMIT_PER_ADDRESS: '1000000000', RATE_LIMIT_PER_EVENT: '1000000000' }), publicUrl: 'http://127.0.0.1' },
  logger: pino({ level: 'silent' }),
  clock: () => new Date(),
  ping: database.ping,
});

/** How full an event is, counted in the database after a run. */
async function fill(slug: string): Promise<Fill> {
  const rows = <T>(r: unknown) => (r as { rows: T[] }).rows;
  const [event] = rows<{ capacity: number; holding: number; waitlisted: number; total: number }>(
    await database.db.execute(sql`
      SELECT e.capacity,
             count(g.id) FILTER (WHERE g.status IN ('confirmed', 'pending', 'offered'))::int AS holding,
             count(g.id) FILTER (WHERE g.status = 'waitlisted')::int AS waitlisted,
             count(g.id)::int AS total
      FROM ${events} e LEFT JOIN ${registrations} g ON g.event_id = e.id
      WHERE e.slug = ${slug}
      GROUP BY e.id, e.capacity`),
  );
  if (!event) throw new Error(`no event ${slug}`);
  const offerings = rows<{ round: string; workshop: string; capacity: number; taken: number }>(
    await database.db.execute(sql`
      SELECT r.key AS round, w.key AS workshop, w.capacity,
             count(rc.registration_id) FILTER (WHERE rc.status IN ('confirmed', 'pending'))::int AS taken
      FROM ${events} e
      JOIN ${programmeItems} r ON r.event_id = e.id AND r.kind = 'round'
      JOIN ${workshopRounds} wr ON wr.round_id = r.id
      JOIN ${workshops} w ON w.id = wr.workshop_id
      LEFT JOIN ${registrationChoices} rc ON rc.round_id = r.id AND rc.workshop_id = w.id
      WHERE e.slug = ${slug}
      GROUP BY r.key, r.position, w.key, w.position, w.capacity
      ORDER BY r.position, w.position`),
  );
  const over = (taken: number, capacity: number | null) => (capacity === null ? 0 : Math.max(0, taken - capacity));
  const overbooked = over(event.holding, event.capacity) + offerings.reduce((n, o) => n + over(o.taken, o.capacity), 0);
  return { ...event, offerings, overbooked };
}

const server = serveApp(app.fetch, { port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) =>
  parentPort!.postMessage({ ready: info.port, kind: database.kind }),
);

// Inside the event's lock every round trip waits for this loop: how late does it run?
const RESOLUTION_MS = 5;
const delay = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
delay.enable();

parentPort!.on('message', (m: Request) => {
  const answer = async () => {
    if (m.op === 'load') {
      // The histogram holds the whole timer interval: the resolution itself is no delay.
      const ms = (ns: number) => Math.max(0, ns / 1e6 - RESOLUTION_MS);
      const load: Load = {
        elu: performance.eventLoopUtilization(),
        delay: { p50: ms(delay.percentile(50)), p99: ms(delay.percentile(99)), max: ms(delay.max) },
        lock,
      };
      lock = { held: [], statements: {} };
      delay.reset();
      return load;
    }
    if (m.op === 'fill') return fill(m.slug);
    await new Promise<void>((done) => server.close(() => done()));
    await database.close();
    return null;
  };
  answer().then(
    (result) => parentPort!.postMessage({ id: m.id, result }),
    (err: Error) => parentPort!.postMessage({ id: m.id, error: err.stack ?? String(err) }),
  );
});
