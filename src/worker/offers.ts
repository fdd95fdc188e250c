import type { Logger } from 'pino';
import type { Db } from '../db/client';
import { systemClock, type Clock } from '../kernel/clock';
import { expireOffers } from '../domain/registration/service';
import { startPeriodic } from './periodic';

/*
 * The offer sweeper: lapses offered places whose time is up and passes them on to the
 * next on the waiting list. Runs in every app instance; expireOffers re-checks each offer
 * under its event's lock, so a second instance's sweep of the same offer does nothing.
 *
 * One sweep at a time, a failed one logged and tried again later (worker/periodic.ts); the
 * first right after start, so offers that lapsed while the app was down pass on now.
 */

export interface OfferSweeperOptions {
  db: Db;
  logger: Pick<Logger, 'info' | 'error'>;
  /** The site's public base URL, for the personal links in the mails. */
  baseUrl: string;
  clock?: Clock;
  /** Time between the end of one sweep and the start of the next. */
  intervalMs?: number;
  /** The sweep itself; tests may replace it. */
  expire?: typeof expireOffers;
}

export interface OfferSweeper {
  /** Sweep now (after a sweep in progress, never alongside it). Rejects when the sweep fails. */
  runOnce(): Promise<number>;
  /** No more sweeps; waits for one in progress to finish. */
  stop(): Promise<void>;
}

export function startOfferSweeper(opts: OfferSweeperOptions): OfferSweeper {
  const { db, logger, baseUrl } = opts;
  const clock = opts.clock ?? systemClock;
  const expire = opts.expire ?? expireOffers;
  const sweeper = startPeriodic({
    intervalMs: opts.intervalMs,
    defaultIntervalMs: 60_000,
    run: async () => {
      const lapsed = await expire(db, clock(), baseUrl);
      if (lapsed > 0) logger.info({ lapsed }, 'offers expired; places passed on');
      return lapsed;
    },
    onError: (err) => logger.error({ error: (err as Error)?.message ?? String(err) }, 'offer sweep failed; trying again later'),
  });
  return { runOnce: async () => (await sweeper.runOnce()) ?? 0, stop: sweeper.stop };
}
