import { sql } from 'drizzle-orm';
import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { accounts } from '../accounts/table';
import { events } from '../events/table';
import { organisers } from '../organisers/table';

/*
 * The audit log (logboek): who changed what and when, per event. An entry is written in
 * the same transaction as the change it records (DESIGN.md rule 3), so a change and its
 * entry commit or roll back together. The actor's name is copied in, so the log still
 * says who it was after the account is removed. Entries are never updated.
 */
export const auditEntries = pgTable(
  'audit_entries',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    /** The event the change is about; null for a change of the organiser as a whole. */
    eventId: uuid('event_id').references(() => events.id, { onDelete: 'cascade' }),
    organiserId: uuid('organiser_id')
      .notNull()
      .references(() => organisers.id, { onDelete: 'cascade' }),
    /** The account that made the change; null for an API token, a registrant or the system. */
    accountId: uuid('account_id').references(() => accounts.id, { onDelete: 'set null' }),
    /** Who it was, as shown: an account's name, "API-token …", "deelnemer", "systeem". */
    actor: text('actor').notNull(),
    /** A stable code, e.g. `event.published`, `registration.approved` (see audit/service.ts). */
    action: text('action').notNull(),
    /** One Dutch sentence for the log page, e.g. "Aanmelding van Fictieve Deelnemer goedgekeurd". */
    summary: text('summary').notNull(),
    /** What changed, for the detail view: field names, old and new values, ids. */
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    /** The registration it is about, when it is about one. No foreign key: the entry outlives it. */
    registrationId: uuid('registration_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('audit_entries_event_idx').on(t.eventId, t.createdAt), index('audit_entries_organiser_idx').on(t.organiserId, t.createdAt)],
);

export type AuditEntryRow = typeof auditEntries.$inferSelect;
