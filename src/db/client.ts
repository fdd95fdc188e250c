import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import * as schema from './schema';
import { acquireDataDirLock, type DataDirLock } from './lock';

/** A database or a transaction: every data.ts function takes one of these first. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Answers when the database answers; used by /healthz. */
  ping(): Promise<void>;
  /**
   * Subscribe to a NOTIFY channel. Notifications sent inside a transaction arrive only
   * after it commits. `onGap` is called when notifications may have been missed (the
   * listening connection dropped), so a cache can forget everything.
   */
  listen(channel: string, onMessage: (payload: string) => void, onGap?: () => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

/** An arbitrary fixed key: only one process runs the migrations at a time (scale-out). */
const MIGRATION_LOCK_KEY = 724_031_337;

export interface OpenOptions {
  /** PostgreSQL connection string. Without it, PGlite is used. */
  databaseUrl?: string | undefined;
  /** PGlite data directory; `memory://` (or undefined) keeps everything in memory. */
  dataDir?: string | undefined;
  /** Pool size for PostgreSQL. */
  poolSize?: number;
  /**
   * An in-memory PGlite starts from this dumped data directory (`dumpDataDir`) instead of
   * running initdb, which costs seconds. The test suite makes one migrated template per
   * run (test/global-setup.ts); the migrations still run, so a stale template only costs time.
   */
  pgliteTemplate?: Blob | undefined;
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl, opts.poolSize ?? 20);
  return openPglite(opts.dataDir, opts.pgliteTemplate);
}

async function openPostgres(url: string, max: number): Promise<Database> {
  // Migrate over one dedicated connection holding a session advisory lock, so several
  // app instances starting together apply each migration once.
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    await migratePg(drizzlePg(client, { schema }), { migrationsFolder });
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => {});
    await client.end();
  }
  const pool = new pg.Pool({ connectionString: url, max });
  // An idle client that errors (server restart) must not crash the process.
  pool.on('error', () => {});
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  const listeners: (() => Promise<void>)[] = [];
  return {
    db,
    kind: 'postgres',
    ping: async () => {
      await pool.query('SELECT 1');
    },
    listen: async (channel, onMessage, onGap) => {
      const stop = await listenPostgres(url, channel, onMessage, onGap);
      listeners.push(stop);
      return stop;
    },
    close: async () => {
      await Promise.all(listeners.map((stop) => stop()));
      await pool.end();
    },
  };
}

async function openPglite(dataDir: string | undefined, template?: Blob): Promise<Database> {
  const inMemory = dataDir === undefined || dataDir.startsWith('memory://');
  let lock: DataDirLock | undefined;
  if (!inMemory) {
    mkdirSync(dataDir, { recursive: true });
    // PGlite in two processes on one directory corrupts it: refuse before opening.
    lock = acquireDataDirLock(dataDir);
  }
  try {
    const client = inMemory ? new PGlite(template ? { loadDataDir: template } : {}) : new PGlite(dataDir);
    await client.waitReady;
    const pdb = drizzlePglite(client, { schema });
    await migratePglite(pdb, { migrationsFolder });
    return {
      db: pdb as unknown as Db,
      kind: 'pglite',
      ping: async () => {
        await client.query('SELECT 1');
      },
      // One process owns the directory, so nothing is ever missed: no gaps to report.
      listen: (channel, onMessage) => client.listen(channel, onMessage),
      close: async () => {
        await client.close();
        lock?.release();
      },
    };
  } catch (err) {
    lock?.release();
    throw err;
  }
}

/**
 * LISTEN on a dedicated connection (a pooled one would be handed to others). When it
 * drops, report a gap and reconnect with back-off until stopped.
 */
async function listenPostgres(
  url: string,
  channel: string,
  onMessage: (payload: string) => void,
  onGap?: () => void,
): Promise<() => Promise<void>> {
  let stopped = false;
  let client: pg.Client | undefined;
  let retry: NodeJS.Timeout | undefined;
  const connect = async (): Promise<void> => {
    const c = new pg.Client({ connectionString: url });
    c.on('notification', (n) => {
      if (n.channel === channel) onMessage(n.payload ?? '');
    });
    c.on('error', () => reconnect(1));
    await c.connect();
    await c.query(`LISTEN "${channel.replace(/"/g, '')}"`);
    client = c;
  };
  const reconnect = (attempt: number) => {
    if (stopped) return;
    onGap?.();
    const old = client;
    client = undefined;
    old?.end().catch(() => {});
    clearTimeout(retry);
    retry = setTimeout(() => {
      // Once listening again, report the gap once more: whatever changed in between is unknown.
      connect().then(
        () => onGap?.(),
        () => reconnect(Math.min(attempt + 1, 6)),
      );
    }, Math.min(30_000, 500 * 2 ** attempt));
    retry.unref();
  };
  await connect();
  return async () => {
    stopped = true;
    clearTimeout(retry);
    await client?.end().catch(() => {});
  };
}
