import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, renameSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../src/db/client';

/*
 * One migrated PGlite data directory for the whole run. A fresh PGlite runs initdb, which
 * took 3.5 s on a quiet machine and over 12 s on a busy one; starting from this dump took
 * 0.5 s and 2.4 s. Some fifty suites open PGlite, so this is minutes of a CI run.
 * The file's name carries a hash of the migrations and PGlite's version, so a changed
 * schema never starts from an old dump (and openDatabase migrates it anyway).
 */

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
  }
}

const migrations = new URL('../src/db/migrations/', import.meta.url);

function templateKey(): string {
  const hash = createHash('sha256');
  hash.update(readFileSync(new URL('../node_modules/@electric-sql/pglite/package.json', import.meta.url)));
  for (const name of readdirSync(migrations, { recursive: true }).map(String).sort()) {
    if (name.endsWith('.sql') || name.endsWith('.json')) hash.update(name).update(readFileSync(new URL(name, migrations)));
  }
  return hash.digest('hex').slice(0, 16);
}

export default async function setup(project: TestProject) {
  const path = join(tmpdir(), `bijeen-pglite-template-${templateKey()}.tar`);
  if (!existsSync(path)) {
    const database = await openDatabase({});
    // Drizzle's handle on the PGlite it wraps: only a test needs to dump one.
    const client = (database.db as unknown as { $client: PGlite }).$client;
    const dump = await client.dumpDataDir('none');
    await database.close();
    // Written under another name first: a second run starting now never reads half a file.
    const partial = `${path}.${process.pid}.partial`;
    writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    renameSync(partial, path);
  }
  project.provide('pgliteTemplate', path);
}
