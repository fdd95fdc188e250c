import { createHash } from 'node:crypto';
import { and, count, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { FieldProblem } from '../../kernel/errors';
import { accountActor, recordAudit } from '../audit/service';
import { loadRegistrationTable, type ListRow } from '../registration/back-office';
import { events } from '../events/table';
import { registrations } from '../registration/table';
import {
  deliveryCounts,
  deliveryOf,
  EMPTY_RECIPIENT_GROUP,
  messageIdFromKey,
  messageProblems,
  oneLineSubject,
  recipientGroupLabel,
  recipientGroupOf,
  selectRecipients,
  type DeliveryCounts,
  type MessageInput,
  type OutboxFilter,
  type RecipientGroup,
} from './rules';
import { loadEventContext, personalUrl, queueMails, type MailToQueue } from './service';
import { mailMessages, mailOutbox } from './table';
import { render, type MessageMailData, type RenderedMail } from './templates';

/*
 * Messages to participants (berichten): an organiser writes a subject and a Markdown text
 * to a group of an event's registrants. `sendMessage` writes, in one transaction, the
 * message (mail_messages), one outbox mail per recipient (kind `message`, rendered in the
 * recipient's language with their personal link) and an audit entry; the worker delivers.
 * The group is resolved from the same rows and statuses as the registrations table
 * (registration/back-office.ts). A form's idempotency key decides the message's id, so a
 * double submit finds the first message and sends nothing twice.
 */

export type { MessageInput, RecipientGroup };

/** How many names a preview shows. */
export const PREVIEW_NAMES = 5;

interface Prepared {
  eventId: string;
  recipientGroup: RecipientGroup;
  label: string;
  subject: string;
  body: string;
  recipients: ListRow[];
  mails: MailToQueue<'message'>[];
}

/** Validate, resolve the group and render every recipient's mail, in the caller's transaction or db. */
async function prepare(
  tx: Db,
  slug: string,
  input: MessageInput,
  opts: { baseUrl: string; now: Date; messageId: string },
): Promise<{ kind: 'invalid'; problems: FieldProblem[] } | ({ kind: 'ok' } & Prepared)> {
  const { doc, rows } = await loadRegistrationTable(tx, slug, { inTransaction: true });
  const problems = messageProblems(input, doc);
  if (problems.length) return { kind: 'invalid', problems };
  const recipientGroup = input.recipientGroup!;
  const recipients = selectRecipients(recipientGroup, rows);
  if (recipients.length === 0) return { kind: 'invalid', problems: [EMPTY_RECIPIENT_GROUP] };
  const eventId = doc.id!;
  const subject = oneLineSubject(input.subject);
  const body = input.body.trim();
  const personal = await tx
    .select({ id: registrations.id, token: registrations.token, language: registrations.language })
    .from(registrations)
    .where(
      inArray(
        registrations.id,
        recipients.map((r) => r.id),
      ),
    );
  const byId = new Map(personal.map((p) => [p.id, p]));
  const ctx = await loadEventContext(tx, eventId, opts.baseUrl);
  const mails = recipients.map((r): MailToQueue<'message'> => {
    const p = byId.get(r.id)!;
    const data: MessageMailData = {
      name: r.name,
      // Join links only where a registrant's own mails give them: not in a message.
      event: { ...ctx.info, meetings: ctx.info.meetings.map((m) => ({ ...m, joinUrl: null })) },
      personalUrl: personalUrl(opts.baseUrl, p.token),
      choices: [],
      calendarAttached: false,
      subject,
      body,
    };
    return {
      dedupeKey: `message:${opts.messageId}:${r.id}`,
      to: r.email,
      language: p.language,
      kind: 'message',
      data,
      eventId,
      registrationId: r.id,
      messageId: opts.messageId,
      replyTo: ctx.info.contact?.email ?? null,
      now: opts.now,
    };
  });
  return { kind: 'ok', eventId, recipientGroup, label: recipientGroupLabel(recipientGroup, doc), subject, body, recipients, mails };
}

export type PreviewResult =
  | { kind: 'invalid'; problems: FieldProblem[] }
  | {
      kind: 'preview';
      recipients: number;
      /** The first few recipients' names, in arrival order. */
      names: string[];
      recipientGroupLabel: string;
      /** The mail as the first recipient gets it. */
      mail: RenderedMail & { to: string; language: 'nl' | 'en' };
    };

/** What a message would be: how many it reaches, the first names, the first recipient's mail. Writes nothing. */
export async function previewMessage(db: Db, slug: string, input: MessageInput, opts: { baseUrl: string; now: Date }): Promise<PreviewResult> {
  const p = await prepare(db, slug, input, { ...opts, messageId: '00000000-0000-0000-0000-000000000000' });
  if (p.kind === 'invalid') return p;
  const first = p.mails[0]!;
  return {
    kind: 'preview',
    recipients: p.recipients.length,
    names: p.recipients.slice(0, PREVIEW_NAMES).map((r) => r.name),
    recipientGroupLabel: p.label,
    mail: { ...render('message', first.language, first.data), to: first.to, language: first.language },
  };
}

export interface SendMessageOptions {
  slug: string;
  /** The acting account and its organiser (the audit log's). */
  account: { id: string; name: string; organiserId: string };
  input: MessageInput;
  /** From the form (a hidden field): the same key is the same message. */
  idempotencyKey: string;
  now: Date;
  baseUrl: string;
}

export type SendResult =
  | { kind: 'invalid'; problems: FieldProblem[] }
  /** `repeated`: this key was sent before (a double submit); nothing was sent again. */
  | { kind: 'sent'; messageId: string; recipients: number; repeated: boolean };

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** Send a message to a group: the message, its mails and the audit entry in one transaction. */
export async function sendMessage(db: Db, opts: SendMessageOptions): Promise<SendResult> {
  const key = opts.idempotencyKey.trim().slice(0, 200);
  if (!key) throw new Error('sendMessage needs an idempotency key');
  return db.transaction(async (tx) => {
    const [event] = await loadEventId(tx, opts.slug);
    if (!event) return { kind: 'invalid' as const, problems: [{ path: 'group', message: 'Dit evenement bestaat niet.' }] };
    const messageId = messageIdFromKey(event.id, key, sha256);
    const earlier = await findMessage(tx, event.id, messageId);
    if (earlier) return { kind: 'sent' as const, messageId, recipients: earlier.recipientCount, repeated: true };
    const p = await prepare(tx, opts.slug, opts.input, { baseUrl: opts.baseUrl, now: opts.now, messageId });
    if (p.kind === 'invalid') return p;
    const inserted = await tx
      .insert(mailMessages)
      .values({
        id: messageId,
        eventId: p.eventId,
        accountId: opts.account.id,
        authorName: opts.account.name,
        recipientGroup: { ...p.recipientGroup },
        subject: p.subject,
        body: p.body,
        recipientCount: p.recipients.length,
        createdAt: opts.now,
      })
      .onConflictDoNothing({ target: mailMessages.id })
      .returning({ id: mailMessages.id });
    // A concurrent submit of the same form got there first (it waited for its commit).
    if (inserted.length === 0) {
      const first = (await findMessage(tx, event.id, messageId))!;
      return { kind: 'sent' as const, messageId, recipients: first.recipientCount, repeated: true };
    }
    await queueMails(tx, p.mails);
    const n = p.recipients.length;
    await recordAudit(
      tx,
      {
        organiserId: opts.account.organiserId,
        eventId: p.eventId,
        actor: accountActor(opts.account),
        action: 'message.sent',
        summary: `Bericht ‘${p.subject}’ verstuurd aan ${n} ${n === 1 ? 'deelnemer' : 'deelnemers'}: ${p.label.charAt(0).toLowerCase()}${p.label.slice(1)}`,
        details: { messageId, recipientGroup: p.recipientGroup, recipients: n },
      },
      opts.now,
    );
    return { kind: 'sent' as const, messageId, recipients: n, repeated: false };
  });
}

async function loadEventId(tx: Db, slug: string) {
  return tx.select({ id: events.id }).from(events).where(eq(events.slug, slug)).limit(1);
}

async function findMessage(db: Db, eventId: string, messageId: string) {
  const [m] = await db
    .select()
    .from(mailMessages)
    .where(and(eq(mailMessages.id, messageId), eq(mailMessages.eventId, eventId)))
    .limit(1);
  return m ?? null;
}

// ---------------------------------------------------------------------------------------
// Reading messages back.

export interface MessageSummary {
  id: string;
  createdAt: Date;
  authorName: string;
  recipientGroup: RecipientGroup | null;
  subject: string;
  recipientCount: number;
  delivery: DeliveryCounts;
}

async function countsByMessage(db: Db, ids: string[]): Promise<Map<string, DeliveryCounts>> {
  const out = new Map<string, DeliveryCounts>();
  if (ids.length === 0) return out;
  const rows = await db
    .select({ messageId: mailOutbox.messageId, status: mailOutbox.status, n: count() })
    .from(mailOutbox)
    .where(inArray(mailOutbox.messageId, ids))
    .groupBy(mailOutbox.messageId, mailOutbox.status);
  for (const id of ids) out.set(id, deliveryCounts(rows.filter((r) => r.messageId === id).map((r) => ({ status: r.status, n: Number(r.n) }))));
  return out;
}

/** The messages of an event, newest first, with how many of their mails were delivered, wait or failed. */
export async function listMessages(db: Db, eventId: string): Promise<MessageSummary[]> {
  const rows = await db.select().from(mailMessages).where(eq(mailMessages.eventId, eventId)).orderBy(desc(mailMessages.createdAt), desc(mailMessages.id));
  const counts = await countsByMessage(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    createdAt: r.createdAt,
    authorName: r.authorName,
    recipientGroup: recipientGroupOf(r.recipientGroup),
    subject: r.subject,
    recipientCount: r.recipientCount,
    delivery: counts.get(r.id)!,
  }));
}

export interface MessageRecipient {
  mailId: string;
  registrationId: string | null;
  name: string | null;
  to: string;
  delivery: OutboxFilter;
  attempts: number;
  lastError: string | null;
  sentAt: Date | null;
}

export interface MessageDetail extends MessageSummary {
  body: string;
  recipients: MessageRecipient[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One message of an event with its recipients and each mail's state; null when the event has no such message. */
export async function getMessage(db: Db, eventId: string, messageId: string): Promise<MessageDetail | null> {
  if (!UUID.test(messageId)) return null;
  const m = await findMessage(db, eventId, messageId);
  if (!m) return null;
  const mails = await db
    .select({
      mailId: mailOutbox.id,
      registrationId: mailOutbox.registrationId,
      name: registrations.name,
      to: mailOutbox.toAddress,
      status: mailOutbox.status,
      attempts: mailOutbox.attempts,
      lastError: mailOutbox.lastError,
      sentAt: mailOutbox.sentAt,
    })
    .from(mailOutbox)
    .leftJoin(registrations, eq(registrations.id, mailOutbox.registrationId))
    .where(eq(mailOutbox.messageId, m.id))
    .orderBy(sql`${registrations.arrival} asc nulls last`, mailOutbox.toAddress);
  const recipients = mails.map(({ status, ...r }) => ({ ...r, delivery: deliveryOf(status) }));
  return {
    id: m.id,
    createdAt: m.createdAt,
    authorName: m.authorName,
    recipientGroup: recipientGroupOf(m.recipientGroup),
    subject: m.subject,
    recipientCount: m.recipientCount,
    body: m.body,
    delivery: deliveryCounts(mails.map((r) => ({ status: r.status, n: 1 }))),
    recipients,
  };
}
