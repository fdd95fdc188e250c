import { and, count, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { accountInvitations } from '../accounts/table';
import { type Actor, recordAudit } from '../audit/service';
import { registrations } from '../registration/table';
import { deliveryCounts, deliveryOf, mayRetry, OUTBOX_FILTER_STATUSES, type DeliveryCounts, type OutboxFilter } from './rules';
import { MAIL_QUEUED } from './service';
import { mailOutbox } from './table';

/*
 * The outbox as the back office reads it: every mail of an event (all kinds), newest
 * first, by delivery (sent, waiting, failed), a page at a time; one mail with its text and
 * HTML; and "try again" for a mail that failed for good (back to the queue, its attempts
 * kept, in the audit log). Without SMTP_URL this is where mail is read (the worker keeps
 * .eml files and marks the rows sent).
 */

export const OUTBOX_PAGE_SIZE = 50;

export interface OutboxListRow {
  id: string;
  toAddress: string;
  /** The registrant's name, when the mail is about a registration that still exists. */
  name: string | null;
  kind: string;
  subject: string;
  status: string;
  delivery: OutboxFilter;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
}

export interface OutboxPage {
  rows: OutboxListRow[];
  /** Of the whole event (all filters). */
  counts: DeliveryCounts;
  /** Matching the filter. */
  total: number;
  page: number;
  pages: number;
}

/** Which mails: those of one event, or those about no event: an organiser's staff invitations. */
export type OutboxScope = { eventId: string } | { organiserId: string };
const scope = (s: OutboxScope): SQL =>
  'eventId' in s
    ? eq(mailOutbox.eventId, s.eventId)
    : and(
        isNull(mailOutbox.eventId),
        eq(mailOutbox.kind, 'invite'),
        sql`${mailOutbox.dedupeKey} in (select 'invite:' || ${accountInvitations.id} from ${accountInvitations} where ${accountInvitations.organiserId} = ${s.organiserId})`,
      )!;

export async function listOutbox(db: Db, where_: OutboxScope, query: { filter: OutboxFilter | ''; page: number }): Promise<OutboxPage> {
  const byStatus = await db.select({ status: mailOutbox.status, n: count() }).from(mailOutbox).where(scope(where_)).groupBy(mailOutbox.status);
  const counts = deliveryCounts(byStatus.map((r) => ({ status: r.status, n: Number(r.n) })));
  const where = query.filter ? and(scope(where_), inArray(mailOutbox.status, [...OUTBOX_FILTER_STATUSES[query.filter]] as ('queued' | 'sending' | 'sent' | 'failed')[])) : scope(where_);
  const total = query.filter ? counts[query.filter] : counts.verzonden + counts.wacht + counts.mislukt;
  const pages = Math.max(1, Math.ceil(total / OUTBOX_PAGE_SIZE));
  const page = Math.min(Math.max(1, query.page), pages);
  const rows = await db
    .select({
      id: mailOutbox.id,
      toAddress: mailOutbox.toAddress,
      name: registrations.name,
      kind: mailOutbox.kind,
      subject: mailOutbox.subject,
      status: mailOutbox.status,
      attempts: mailOutbox.attempts,
      lastError: mailOutbox.lastError,
      createdAt: mailOutbox.createdAt,
      sentAt: mailOutbox.sentAt,
    })
    .from(mailOutbox)
    .leftJoin(registrations, eq(registrations.id, mailOutbox.registrationId))
    .where(where)
    .orderBy(desc(mailOutbox.createdAt), desc(mailOutbox.id))
    .limit(OUTBOX_PAGE_SIZE)
    .offset((page - 1) * OUTBOX_PAGE_SIZE);
  return { rows: rows.map((r) => ({ ...r, delivery: deliveryOf(r.status) })), counts, total, page, pages };
}

export interface OutboxMail extends OutboxListRow {
  replyTo: string | null;
  language: string;
  textBody: string;
  htmlBody: string;
  hasCalendar: boolean;
  registrationId: string | null;
  messageId: string | null;
  nextAttemptAt: Date;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One mail of an event (or, with null, one without an event); null when there is none. */
export async function getOutboxMail(db: Db, where_: OutboxScope, mailId: string): Promise<OutboxMail | null> {
  if (!UUID.test(mailId)) return null;
  const [r] = await db
    .select({ mail: mailOutbox, name: registrations.name })
    .from(mailOutbox)
    .leftJoin(registrations, eq(registrations.id, mailOutbox.registrationId))
    .where(and(eq(mailOutbox.id, mailId), scope(where_)))
    .limit(1);
  if (!r) return null;
  const m = r.mail;
  return {
    id: m.id,
    toAddress: m.toAddress,
    name: r.name,
    kind: m.kind,
    subject: m.subject,
    status: m.status,
    delivery: deliveryOf(m.status),
    attempts: m.attempts,
    lastError: m.lastError,
    createdAt: m.createdAt,
    sentAt: m.sentAt,
    replyTo: m.replyTo,
    language: m.language,
    textBody: m.textBody,
    htmlBody: m.htmlBody,
    hasCalendar: m.ics !== null,
    registrationId: m.registrationId,
    messageId: m.messageId,
    nextAttemptAt: m.nextAttemptAt,
  };
}

export interface RetryOptions {
  scope: OutboxScope;
  /** The acting account's organiser (the audit log's). */
  organiserId: string;
  mailId: string;
  actor: Actor;
  now: Date;
}

/**
 * A failed mail back into the queue, due now, its attempts kept (so the worker's count
 * goes on), with an audit entry. False when the mail is not (or no longer) failed.
 */
export async function retryMail(db: Db, opts: RetryOptions): Promise<boolean> {
  if (!UUID.test(opts.mailId)) return false;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ id: mailOutbox.id, status: mailOutbox.status, to: mailOutbox.toAddress, subject: mailOutbox.subject, registrationId: mailOutbox.registrationId, lastError: mailOutbox.lastError })
      .from(mailOutbox)
      .where(and(eq(mailOutbox.id, opts.mailId), scope(opts.scope)))
      .for('update')
      .limit(1);
    if (!row || !mayRetry(row.status)) return false;
    await tx.update(mailOutbox).set({ status: 'queued', nextAttemptAt: opts.now }).where(eq(mailOutbox.id, row.id));
    await recordAudit(
      tx,
      {
        organiserId: opts.organiserId,
        eventId: 'eventId' in opts.scope ? opts.scope.eventId : null,
        actor: opts.actor,
        action: 'mail.retried',
        summary: `E-mail ‘${row.subject}’ aan ${row.to} opnieuw in de wachtrij gezet`,
        details: { mailId: row.id, lastError: row.lastError },
        registrationId: row.registrationId,
      },
      opts.now,
    );
    await tx.execute(sql`SELECT pg_notify(${MAIL_QUEUED}, '')`);
    return true;
  });
}
