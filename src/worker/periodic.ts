/*
 * A job that runs now and then in every app instance (the offer sweeper, housekeeping).
 *
 * One run at a time: the next is planned only when the previous one has finished, so a
 * slow database gets fewer runs rather than a pile of them. A failed run is reported to
 * `onError` and tried again at the next interval; it never takes the process down. The
 * timer is unref'd: it never keeps a process alive that has nothing else to do. The first
 * run starts at once, so what fell due while the app was down is handled on start.
 */

export interface Periodic<T> {
  /** Run now (after a run in progress, never alongside it). Rejects when the run fails. */
  runOnce(): Promise<T | undefined>;
  /** No more runs; waits for one in progress to finish. */
  stop(): Promise<void>;
}

/** A zero or negative interval would run in a busy loop. */
const MIN_INTERVAL_MS = 10;

export function startPeriodic<T>(opts: { run: () => Promise<T>; intervalMs: number | undefined; defaultIntervalMs: number; onError: (err: unknown) => void }): Periodic<T> {
  const intervalMs = Math.max(MIN_INTERVAL_MS, Number.isFinite(opts.intervalMs) ? opts.intervalMs! : opts.defaultIntervalMs);
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let chain: Promise<unknown> = Promise.resolve();

  function runOnce(): Promise<T | undefined> {
    const run = chain.then(() => (stopped ? undefined : opts.run()));
    chain = run.catch(() => undefined);
    return run;
  }

  async function tick() {
    timer = undefined;
    try {
      await runOnce();
    } catch (err) {
      opts.onError(err);
    }
    schedule(intervalMs);
  }

  function schedule(ms: number) {
    if (stopped) return;
    timer = setTimeout(() => void tick(), ms);
    timer.unref();
  }

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
