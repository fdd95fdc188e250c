import type { Logger } from 'pino';
import type { Db } from '../db/client';
import { systemClock, type Clock } from '../kernel/clock';
import { sweepExpiredAccess, type AccessSweep } from '../domain/accounts/service';
import { sweepUnusedFiles } from '../domain/files/service';
import { startPeriodic, type Periodic } from './periodic';

/*
 * Housekeeping: forgets, every hour, what can no longer be used: ended login sessions and
 * invitation and password-reset links past their end (sweepExpiredAccess), and uploaded
 * files that no event names any more, a week after their upload (sweepUnusedFiles).
 * Personal data only where needed: an unanswered invitation keeps an e-mail address, and
 * nothing needs it once the link has lapsed; a replaced speaker's photo is a face.
 * Runs in every instance; two sweeps at once delete each row once between them.
 */

export interface HousekeepingResult extends AccessSweep {
  files: number;
}

export interface HousekeepingOptions {
  db: Db;
  logger: Pick<Logger, 'info' | 'error'>;
  clock?: Clock;
  /** Time between the end of one sweep and the start of the next; an hour by default. */
  intervalMs?: number;
}

export function startHousekeeping(opts: HousekeepingOptions): Periodic<HousekeepingResult> {
  const clock = opts.clock ?? systemClock;
  return startPeriodic({
    intervalMs: opts.intervalMs,
    defaultIntervalMs: 60 * 60_000,
    run: async () => {
      const now = clock();
      const swept = { ...(await sweepExpiredAccess(opts.db, now)), files: await sweepUnusedFiles(opts.db, now) };
      if (Object.values(swept).some((n) => n > 0)) opts.logger.info(swept, 'housekeeping: ended sessions, lapsed links and unused files removed');
      return swept;
    },
    onError: (err) => opts.logger.error({ error: (err as Error)?.message ?? String(err) }, 'housekeeping failed; trying again later'),
  });
}
