import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { bigserial, boolean, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { events, programmeItems, workshops } from '../events/table';

/*
 * Registration (aanmelding) and the workshop chosen per round. The foundation needs these
 * to show live availability ("VOL", "vol, wachtlijst open"); the registration engine
 * (issue 3) owns the rules that write them.
 */

export const registrationStatus = pgEnum('registration_status', [
  'confirmed',
  'waitlisted',
  'pending',
  'refused',
  'cancelled',
]);

export interface BillingDetails {
  organisationName: string;
  street: string;
  postcode: string;
  city: string;
  invoiceEmail: string;
  purchaseOrder?: string | undefined;
  kvkOrOin?: string | undefined;
}

export interface Consents {
  privacy: boolean;
  photos: boolean;
  mailingList: boolean;
}

export const registrations = pgTable(
  'registrations',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    /** Arrival order across the whole system: waiting lists are first come, first served. */
    arrival: bigserial('arrival', { mode: 'number' }).notNull(),
    status: registrationStatus('status').notNull(),
    name: text('name').notNull(),
    email: text('email').notNull(),
    organisationName: text('organisation_name'),
    /** The organisation as it is recognised for limits (see registration/rules.ts). */
    organisationKey: text('organisation_key'),
    organisationKind: text('organisation_kind'),
    role: text('role'),
    domain: text('domain'),
    answers: jsonb('answers').$type<Record<string, unknown>>().notNull().default({}),
    consents: jsonb('consents').$type<Consents>().notNull().default({ privacy: true, photos: false, mailingList: false }),
    billing: jsonb('billing').$type<BillingDetails>(),
    language: text('language').$type<'nl' | 'en'>().notNull().default('nl'),
    /**
     * The personal link's token (32 random bytes). Kept, not hashed, so a double submit
     * and "send my link again" can give the same link (as pretix keeps its order secret).
     */
    token: text('token')
      .notNull()
      .$defaultFn(() => randomBytes(32).toString('base64url')),
    /** The client's idempotency key: a double submit finds the first registration. */
    idempotencyKey: text('idempotency_key'),
    /** Why a waitlisted registration waits: event_full, organisation_full, organisations_full, domain_full. */
    waitReason: text('wait_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
  },
  (t) => [
    index('registrations_event_status_idx').on(t.eventId, t.status, t.arrival),
    uniqueIndex('registrations_token_idx').on(t.token),
    uniqueIndex('registrations_idempotency_idx').on(t.eventId, t.idempotencyKey),
    // One active registration per e-mail address per event; the service checks first and
    // offers to re-send the personal link, this index is the backstop.
    uniqueIndex('registrations_active_email_idx')
      .on(t.eventId, sql`lower(${t.email})`)
      .where(sql`${t.status} in ('confirmed', 'pending', 'waitlisted')`),
  ],
);

export const registrationChoices = pgTable(
  'registration_choices',
  {
    registrationId: uuid('registration_id')
      .notNull()
      .references(() => registrations.id, { onDelete: 'cascade' }),
    roundId: uuid('round_id')
      .notNull()
      .references(() => programmeItems.id, { onDelete: 'cascade' }),
    workshopId: uuid('workshop_id')
      .notNull()
      .references(() => workshops.id, { onDelete: 'cascade' }),
    status: registrationStatus('status').notNull(),
    position: integer('position'),
    /** Set when this choice moved up from the workshop's waiting list. */
    promoted: boolean('promoted').notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.registrationId, t.roundId] }),
    index('registration_choices_workshop_idx').on(t.workshopId, t.roundId, t.status),
  ],
);
