import { serveApp } from './web/server';
import pino from 'pino';
import { createApp } from './app';
import { loadConfig, type Config } from './config';
import { openDatabase, type Database } from './db/client';
import { DataDirLockedError } from './db/lock';
import { DEMO_ACCOUNT, ensureDemoAccount, loadDemoIfEmpty, removeDemoAccount } from './demo/load';
import { countAccounts, createSetupInvitation } from './domain/accounts/service';
import { join } from 'node:path';
import { systemClock } from './kernel/clock';
import { startOfferSweeper } from './worker/offers';
import { startHousekeeping } from './worker/housekeeping';
import { closePdfThreads } from './domain/exports/pdf-threads';
import { startOutboxWorker } from './worker/outbox';
import { createTransport } from './worker/transport';
import { EVENT_CHANGED } from './domain/events/changes';
import { PageCache, subscribePageCache } from './web/public/page-cache';

// config → db → app → serve; graceful shutdown.

/** Start-up problems a person can fix get one clear line, not a stack trace. */
function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

let config: Config;
try {
  config = loadConfig();
} catch (err) {
  fail((err as Error).message);
}
const logger = pino({ level: config.logLevel });

let database: Database;
try {
  database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
} catch (err) {
  if (err instanceof DataDirLockedError) fail(err.message);
  if (config.databaseUrl && (err as NodeJS.ErrnoException).code === 'ECONNREFUSED')
    fail(`Kan PostgreSQL niet bereiken op DATABASE_URL (${(err as Error).message}). Draait de database?`);
  throw err;
}
logger.info({ database: database.kind, dataDir: database.kind === 'pglite' ? config.dataDir : undefined }, 'database ready');

if (config.demo) {
  const loaded = await loadDemoIfEmpty(database.db, systemClock());
  if (loaded) logger.info({ events: loaded }, 'demo events loaded');
  if (await ensureDemoAccount(database.db, systemClock(), { demoJustLoaded: loaded > 0 }))
    logger.warn(`Demo: log in op ${config.publicUrl}/beheer met ${DEMO_ACCOUNT.email} en wachtwoord ${DEMO_ACCOUNT.password} (bestaat alleen met BIJEEN_DEMO=1)`);
} else if (await removeDemoAccount(database.db)) {
  logger.info('demo account removed (BIJEEN_DEMO=0)');
}
// First run: no account at all yet. A one-time link makes the first beheerder (and names the organiser).
if ((await countAccounts(database.db)) === 0) {
  const url = await createSetupInvitation(database.db, { now: systemClock(), baseUrl: config.publicUrl });
  if (url) logger.warn(`Nog geen account. Maak het eerste (beheerder) aan via deze eenmalige link, een week geldig: ${url}`);
}

const pageCache = new PageCache();
const stopListening = await subscribePageCache(database.listen, EVENT_CHANGED, pageCache);
// Mail: the outbox worker delivers what transactions queued; safe to run in every instance.
const transport = createTransport(config.smtpUrl, join(config.dataDir, 'outbox'), logger);
const outbox = startOutboxWorker({ db: database.db, transport, logger, from: config.mailFrom, listen: database.listen });
logger.info({ mail: config.smtpUrl ? 'smtp' : `kept in ${join(config.dataDir, 'outbox')}` }, 'mail ready');
// Offered places that were not accepted in time pass to the next on the waiting list; safe in every instance.
const offers = startOfferSweeper({ db: database.db, logger, baseUrl: config.publicUrl, clock: systemClock });
// Ended sessions and lapsed invitation and reset links are forgotten; safe in every instance.
const housekeeping = startHousekeeping({ db: database.db, logger, clock: systemClock });

const app = createApp({ db: database.db, config, logger, clock: systemClock, ping: database.ping, pageCache });
const server = serveApp(app.fetch, { port: config.port, hostname: config.host }, (info) => {
  logger.info(`bijeen luistert op http://localhost:${info.port}`);
});

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'shutting down');
  server.close();
  // The sweeper first: a lapsed offer queues mail the outbox worker may still send.
  await offers.stop();
  await housekeeping.stop();
  await closePdfThreads();
  await outbox.stop();
  transport.close();
  await stopListening();
  await database.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
