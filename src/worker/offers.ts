import type { Logger } from 'pino';
import type { Db } from '../db/client';
import { systemClock, type Clock } from '../kernel/clock';
import { expireOffers } from '../domain/registration/service';

/*
 * The offer sweeper: lapses offered places whose time is up and passes them on to the
 * next on the waiting list. Runs in every app instance; expireOffers re-checks each offer
 * under its event's lock, so a second instance's sweep of the same offer does nothing.
 *
 * One sweep at a time: the next is planned only when the previous one has finished, so a
 * slow database gets fewer sweeps rather than a pile of them. A failed sweep is logged and
 * tried again at the next interval; it never takes the process down. The timer is unref'd:
 * it never keeps a process alive that has nothing else to do.
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

/** A zero or negative interval would sweep in a busy loop. */
const MIN_INTERVAL_MS = 10;

export function startOfferSweeper(opts: OfferSweeperOptions): OfferSweeper {
  const { db, logger, baseUrl } = opts;
  const clock = opts.clock ?? systemClock;
  const expire = opts.expire ?? expireOffers;
  const intervalMs = Math.max(MIN_INTERVAL_MS, Number.isFinite(opts.intervalMs) ? opts.intervalMs! : 60_000);

  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let chain: Promise<unknown> = Promise.resolve();

  function runOnce(): Promise<number> {
    const run = chain.then(async () => {
      if (stopped) return 0;
      const lapsed = await expire(db, clock(), baseUrl);
      if (lapsed > 0) logger.info({ lapsed }, 'offers expired; places passed on');
      return lapsed;
    });
    chain = run.catch(() => undefined);
    return run;
  }

  async function tick() {
    timer = undefined;
    try {
      await runOnce();
    } catch (err) {
      logger.error({ error: (err as Error)?.message ?? String(err) }, 'offer sweep failed; trying again later');
    }
    schedule(intervalMs);
  }

  function schedule(ms: number) {
    if (stopped) return;
    timer = setTimeout(() => void tick(), ms);
    timer.unref();
  }

  // The first sweep right after start: offers that lapsed while the app was down pass on now.
  schedule(0);

  return {
    runOnce,
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      timer = undefined;
      await chain;
    },
  };
}
