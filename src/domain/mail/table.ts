import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { accounts } from '../accounts/table';
import { events } from '../events/table';
import { registrations } from '../registration/table';

/**
 * A message (bericht) an organiser wrote to a group of an event's registrants: "alle
 * bevestigden", one workshop, the waiting list. One row per message; each recipient's
 * mail is an outbox row with `message_id` pointing here, so the message's page can say
 * how many were delivered, are waiting or failed.
 */
export const mailMessages = pgTable(
  'mail_messages',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    accountId: uuid('account_id').references(() => accounts.id, { onDelete: 'set null' }),
    authorName: text('author_name').notNull(),
    /** The group as chosen (statuses, workshop, round), to show and to repeat. */
    recipientGroup: jsonb('recipient_group').$type<Record<string, unknown>>().notNull(),
    subject: text('subject').notNull(),
    /** What the organiser wrote (Markdown); each mail is rendered from it. */
    body: text('body').notNull(),
    recipientCount: integer('recipient_count').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('mail_messages_event_idx').on(t.eventId, t.createdAt)],
);

/*
 * The mail outbox (transactional outbox, DESIGN.md rule 3). A use case writes a row in its
 * own transaction, already rendered (subject, text, HTML, calendar), so the mail commits
 * or rolls back with what it reports. The worker (src/worker/outbox.ts) only delivers:
 * at least once, and never twice for one dedupe key, because the key is unique here and
 * the SMTP Message-ID is derived from it.
 *
 * Status: queued → sending → sent, or back to queued with a later next_attempt_at after a
 * failed attempt, and failed after the last attempt. While a row is `sending`,
 * next_attempt_at is the end of the sender's lease: a row whose sender crashed is claimed
 * again after it.
 */

export const mailKinds = [
  'confirmation',
  'waitlisted',
  'pending',
  'offer',
  'offer_expired',
  'refused',
  'cancelled',
  'event_changed',
  /** An invitation to a staff account of an organiser (the back office). */
  'invite',
  /** A one-time link to set a new password for a staff account. */
  'password_reset',
  /** A message an organiser wrote to a group of registrants (mail_messages). */
  'message',
] as const;
export type MailKind = (typeof mailKinds)[number];

export const mailStatuses = ['queued', 'sending', 'sent', 'failed'] as const;
export type MailStatus = (typeof mailStatuses)[number];

export type MailLanguage = 'nl' | 'en';

export const mailOutbox = pgTable(
  'mail_outbox',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    /** What this mail is about, e.g. `confirmation:<registration id>`: queued once, sent once. */
    dedupeKey: text('dedupe_key').notNull(),
    eventId: uuid('event_id').references(() => events.id, { onDelete: 'set null' }),
    registrationId: uuid('registration_id').references(() => registrations.id, { onDelete: 'set null' }),
    /** The organiser's message this mail is one of (kind `message`). */
    messageId: uuid('message_id').references(() => mailMessages.id, { onDelete: 'set null' }),
    toAddress: text('to_address').notNull(),
    /** The organiser's contact address, so a reply reaches a person. */
    replyTo: text('reply_to'),
    language: text('language').$type<MailLanguage>().notNull(),
    kind: text('kind').$type<MailKind>().notNull(),
    subject: text('subject').notNull(),
    textBody: text('text_body').notNull(),
    htmlBody: text('html_body').notNull(),
    /** An iCalendar invitation (METHOD:REQUEST or CANCEL) attached to the mail. */
    ics: text('ics'),
    status: text('status').$type<MailStatus>().notNull().default('queued'),
    /** Delivery attempts started (counted when a sender claims the row). */
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('mail_outbox_dedupe_key_idx').on(t.dedupeKey),
    // What the worker looks for: due rows that are not done yet.
    index('mail_outbox_due_idx')
      .on(t.nextAttemptAt)
      .where(sql`${t.status} in ('queued', 'sending')`),
    index('mail_outbox_registration_idx').on(t.registrationId),
    index('mail_outbox_event_idx').on(t.eventId, t.createdAt),
    index('mail_outbox_message_idx').on(t.messageId),
  ],
);

export type MailRow = typeof mailOutbox.$inferSelect;
