import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, type Database } from '../src/db/client';

/*
 * Test databases. Every service suite runs on PGlite (in memory) and, when
 * TEST_DATABASE_URL is set, on PostgreSQL too: each suite gets a fresh database of its
 * own there, dropped afterwards. CI sets TEST_DATABASE_URL; test/ci.test.ts fails when
 * CI runs without it, so the PostgreSQL half can never silently go missing.
 */

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL;

export interface TestDatabase extends Database {
  name: 'pglite' | 'postgres';
}

async function freshPostgres(baseUrl: string, poolSize = 10): Promise<TestDatabase> {
  const name = `bijeen_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  const db = await openDatabase({ databaseUrl: url.toString(), poolSize });
  return {
    ...db,
    name: 'postgres',
    close: async () => {
      await db.close();
      const a = new pg.Client({ connectionString: baseUrl });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}

let template: Blob | undefined;

/**
 * An in-memory PGlite, migrated, started from the run's template (test/global-setup.ts)
 * rather than from initdb. Every suite gets a database of its own, as before.
 */
export async function openTestPglite(): Promise<Database> {
  const path = inject('pgliteTemplate');
  if (path && !template) template = new Blob([readFileSync(path)]);
  return openDatabase({ pgliteTemplate: template });
}

export interface DatabaseKind {
  name: 'pglite' | 'postgres';
  open: (opts?: { poolSize?: number }) => Promise<TestDatabase>;
}

/** The databases a service suite runs on: `describe.each(databaseKinds)`. */
export const databaseKinds: DatabaseKind[] = [
  { name: 'pglite', open: async () => ({ ...(await openTestPglite()), name: 'pglite' }) },
  ...(TEST_DATABASE_URL
    ? [{ name: 'postgres' as const, open: (opts?: { poolSize?: number }) => freshPostgres(TEST_DATABASE_URL, opts?.poolSize) }]
    : []),
];
