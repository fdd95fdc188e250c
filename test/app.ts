import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import pino from 'pino';
import { createApp } from '../src/app';
import { loadConfig, type Config } from '../src/config';
import type { Database } from '../src/db/client';
import type { Clock } from '../src/kernel/clock';
import { EVENT_CHANGED } from '../src/domain/events/changes';
import { PageCache, subscribePageCache } from '../src/web/public/page-cache';

/** A fixed moment for tests: the demo and the factories are laid out around it. */
export const TEST_NOW = new Date('2026-11-22T12:00:00+01:00');

/** The app as `npm start` builds it, page cache and its NOTIFY subscription included. */
export async function testApp(database: Database, clock: Clock = () => TEST_NOW, overrides: Partial<Config> = {}) {
  const config: Config = { ...loadConfig({}), publicUrl: 'http://bijeen.test', ...overrides };
  const pageCache = new PageCache();
  await subscribePageCache(database.listen, EVENT_CHANGED, pageCache);
  return createApp({ db: database.db, config, logger: pino({ level: 'silent' }), clock, ping: database.ping, pageCache });
}

/** The app on a real socket (127.0.0.1, a free port), for the browser and load tests. */
export async function serveTestApp(
  database: Database,
  clock?: Clock,
  overrides: Partial<Config> = {},
): Promise<{ url: string; close: () => Promise<void> }> {
  const app = await testApp(database, clock, overrides);
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => {
      resolve({
        url: `http://127.0.0.1:${info.port}`,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}

/** For load and race tests: one address sends thousands of registrations on purpose. */
export const NO_RATE_LIMITS: Partial<Config> = {
  rateLimits: { perAddressPerMinute: 1_000_000, perEventPerMinute: 1_000_000, trustProxy: false },
};
