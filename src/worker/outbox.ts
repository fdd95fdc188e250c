import { createHash } from 'node:crypto';
import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { Database, Db } from '../db/client';
import { systemClock, type Clock } from '../kernel/clock';
import { MAIL_QUEUED } from '../domain/mail/service';
import { mailOutbox, type MailRow } from '../domain/mail/table';
import type { MailTransport } from './transport';

/*
 * The outbox worker: delivers queued mail at least once, never inside a transaction.
 *
 * 1. Claim due rows in one statement (UPDATE … WHERE id IN (SELECT … FOR UPDATE SKIP
 *    LOCKED)): several workers, in one process or many, never claim the same row. Claiming
 *    counts the attempt and sets a lease (next_attempt_at = now + lease).
 * 2. Send each, outside any transaction.
 * 3. Mark it sent; or, on failure, queue it again with exponential back-off and jitter,
 *    until the last attempt marks it failed.
 *
 * A worker that dies between 1 and 3 leaves its rows in `sending`; when the lease ends
 * another claim takes them again (at least once). The Message-ID comes from the dedupe key,
 * so the rare second copy is recognisable to the receiver, and a local copy overwrites.
 */

export interface OutboxWorkerOptions {
  db: Db;
  transport: MailTransport;
  logger: Pick<Logger, 'info' | 'warn' | 'error'>;
  /** The sender address, e.g. `bijeen <noreply@bijeen.example>` (MAIL_FROM). */
  from: string;
  clock?: Clock;
  /** How often to look for due mail. */
  pollMs?: number;
  /** false: no background loop; the caller calls runOnce() (tests, one-off runs). */
  start?: boolean;
  /** Wake up as soon as a transaction that queued mail commits (NOTIFY). */
  listen?: Database['listen'];
  batchSize?: number;
  /** After this many attempts a mail is marked failed (default 30: about a day of retrying). */
  maxAttempts?: number;
  /** How long a claimed row is ours before another worker may take it again. */
  leaseMs?: number;
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  /** For the jitter; tests may fix it. */
  random?: () => number;
}

export interface RunResult {
  claimed: number;
  sent: number;
  /** Failed this time, queued again for later. */
  retrying: number;
  /** Failed for the last time. */
  failed: number;
}

export interface OutboxWorker {
  /** One round: claim a batch of due mail and deliver it. Rounds of one worker never overlap. */
  runOnce(): Promise<RunResult>;
  /** Look now instead of at the next poll. */
  wake(): void;
  /** Stop polling, finish the mail being sent, give back the rest of the batch. */
  stop(): Promise<void>;
}

/** `<hash@domain>`: the same dedupe key always gives the same Message-ID. */
export function messageIdOf(dedupeKey: string, from: string): string {
  const domain = /@([A-Za-z0-9.-]+)>?\s*$/.exec(from)?.[1] ?? 'bijeen.invalid';
  return `<${createHash('sha256').update(dedupeKey).digest('hex').slice(0, 40)}@${domain}>`;
}

/** Delay before attempt n+1 after n failed attempts: base · 2^(n−1), capped, ±20 % jitter. */
export function backoffMs(attempts: number, baseMs: number, maxMs: number, random: () => number): number {
  const plain = Math.min(maxMs, baseMs * 2 ** Math.max(0, Math.min(attempts - 1, 30)));
  return Math.round(plain * (0.8 + 0.4 * random()));
}

/** A mail server's "no such recipient": retrying will not help. */
function isPermanent(err: unknown): boolean {
  const e = err as { responseCode?: unknown; command?: unknown };
  return typeof e?.responseCode === 'number' && e.responseCode >= 500 && e.responseCode < 600 && /^RCPT/i.test(String(e.command ?? ''));
}

function describe(err: unknown): string {
  const e = err as { code?: unknown; message?: unknown };
  const text = [e?.code, e?.message ?? String(err)].filter((x) => x !== undefined && x !== null && x !== '').join(': ');
  return text.slice(0, 2000);
}

const MAX_BATCHES_PER_ROUND = 50;

export function startOutboxWorker(opts: OutboxWorkerOptions): OutboxWorker {
  const { db, transport, logger, from } = opts;
  const clock = opts.clock ?? systemClock;
  const pollMs = opts.pollMs ?? 5_000;
  const batchSize = opts.batchSize ?? 20;
  const maxAttempts = opts.maxAttempts ?? 30;
  const leaseMs = opts.leaseMs ?? 5 * 60_000;
  const baseMs = opts.backoffBaseMs ?? 30_000;
  const maxMs = opts.backoffMaxMs ?? 60 * 60_000;
  const random = opts.random ?? Math.random;

  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let chain: Promise<unknown> = Promise.resolve();
  let unlisten: Promise<(() => Promise<void>) | undefined> = Promise.resolve(undefined);

  async function claim(now: Date): Promise<MailRow[]> {
    const due = db
      .select({ id: mailOutbox.id })
      .from(mailOutbox)
      .where(and(sql`${mailOutbox.status} in ('queued', 'sending')`, lte(mailOutbox.nextAttemptAt, now)))
      .orderBy(asc(mailOutbox.createdAt), asc(mailOutbox.id))
      .limit(batchSize)
      .for('update', { skipLocked: true });
    const rows = await db
      .update(mailOutbox)
      .set({ status: 'sending', attempts: sql`${mailOutbox.attempts} + 1`, nextAttemptAt: new Date(now.getTime() + leaseMs) })
      .where(inArray(mailOutbox.id, due))
      .returning();
    return rows.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
  }

  async function deliver(row: MailRow): Promise<'sent' | 'retrying' | 'failed'> {
    try {
      await transport.send({
        messageId: messageIdOf(row.dedupeKey, from),
        key: row.dedupeKey,
        createdAt: row.createdAt,
        from,
        to: row.toAddress,
        replyTo: row.replyTo,
        subject: row.subject,
        text: row.textBody,
        html: row.htmlBody,
        language: row.language,
        ics: row.ics,
      });
    } catch (err) {
      const now = clock();
      const giveUp = row.attempts >= maxAttempts || isPermanent(err);
      const next = new Date(now.getTime() + backoffMs(row.attempts, baseMs, maxMs, random));
      // Only while the row is still ours: after a lease ran out, another worker owns it.
      await db
        .update(mailOutbox)
        .set({ status: giveUp ? 'failed' : 'queued', nextAttemptAt: next, lastError: describe(err) })
        .where(and(eq(mailOutbox.id, row.id), eq(mailOutbox.status, 'sending'), eq(mailOutbox.attempts, row.attempts)));
      const log = { mailId: row.id, kind: row.kind, attempts: row.attempts, error: describe(err) };
      if (giveUp) logger.error(log, 'mail not delivered; giving up');
      else logger.warn({ ...log, nextAttemptAt: next.toISOString() }, 'mail not delivered; will retry');
      return giveUp ? 'failed' : 'retrying';
    }
    // Sent is sent, whoever holds the row now.
    await db.update(mailOutbox).set({ status: 'sent', sentAt: clock(), lastError: null }).where(eq(mailOutbox.id, row.id));
    logger.info({ mailId: row.id, kind: row.kind, attempts: row.attempts }, 'mail delivered');
    return 'sent';
  }

  /** Give claimed rows back untouched (on stop), so they need not wait for the lease. */
  async function release(rows: MailRow[]): Promise<void> {
    for (const row of rows)
      await db
        .update(mailOutbox)
        .set({ status: 'queued', attempts: sql`${mailOutbox.attempts} - 1`, nextAttemptAt: clock() })
        .where(and(eq(mailOutbox.id, row.id), eq(mailOutbox.status, 'sending'), eq(mailOutbox.attempts, row.attempts)));
  }

  async function round(): Promise<RunResult> {
    const result: RunResult = { claimed: 0, sent: 0, retrying: 0, failed: 0 };
    if (stopped) return result;
    const rows = await claim(clock());
    result.claimed = rows.length;
    for (let i = 0; i < rows.length; i++) {
      if (stopped) {
        await release(rows.slice(i));
        break;
      }
      result[await deliver(rows[i]!)]++;
    }
    return result;
  }

  function runOnce(): Promise<RunResult> {
    const run = chain.then(round);
    chain = run.catch(() => undefined);
    return run;
  }

  function schedule(ms: number) {
    if (stopped || opts.start === false) return;
    clearTimeout(timer);
    timer = setTimeout(tick, ms);
    timer.unref();
  }

  let ticking = false;
  let wokenWhileTicking = false;
  function wake() {
    if (ticking) wokenWhileTicking = true;
    else schedule(0);
  }

  async function tick() {
    timer = undefined;
    ticking = true;
    wokenWhileTicking = false;
    try {
      for (let i = 0; i < MAX_BATCHES_PER_ROUND && !stopped; i++) {
        const r = await runOnce();
        if (r.claimed < batchSize) break;
      }
    } catch (err) {
      logger.error({ error: describe(err) }, 'mail outbox round failed; trying again later');
    } finally {
      ticking = false;
    }
    schedule(wokenWhileTicking ? 0 : pollMs);
  }

  if (opts.start !== false) {
    if (opts.listen) {
      unlisten = opts.listen(MAIL_QUEUED, wake).catch((err) => {
        logger.warn({ error: describe(err) }, 'mail outbox: no NOTIFY wake-ups, polling only');
        return undefined;
      });
    }
    schedule(0);
  }

  return {
    runOnce,
    wake,
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      timer = undefined;
      await (await unlisten)?.();
      await chain;
    },
  };
}
