import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { bigserial, boolean, check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { accounts } from '../accounts/table';
import { events, programmeItems, workshops } from '../events/table';

/*
 * Registration (aanmelding) and the workshop chosen per round. The foundation needs these
 * to show live availability ("VOL", "vol, wachtlijst open"); the registration engine
 * (issue 3) owns the rules that write them.
 */

/**
 * A registration's status. Text with a CHECK, not a PostgreSQL enum: a new value in an
 * enum cannot be used in the transaction that adds it, and our migrations run in one
 * (docs/decisions/011).
 * - confirmed: has a place; pending: holds a place, awaiting approval;
 * - offered: a freed place is offered until `offerExpiresAt`, and held until then;
 * - waitlisted: on the event's waiting list;
 * - refused, cancelled, expired (an offer that was not accepted in time): no place.
 */
export const REGISTRATION_STATUSES = ['confirmed', 'waitlisted', 'pending', 'offered', 'refused', 'cancelled', 'expired'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];
/** A workshop choice's status: a seat (confirmed, or held while pending), its waiting list, or gone. */
export const CHOICE_STATUSES = ['confirmed', 'waitlisted', 'pending', 'refused', 'cancelled'] as const;
export type ChoiceStatus = (typeof CHOICE_STATUSES)[number];

const oneOf = (column: string, values: readonly string[]) => sql.raw(`${column} in (${values.map((v) => `'${v}'`).join(', ')})`);

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
    status: text('status', { enum: REGISTRATION_STATUSES }).notNull(),
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
    /** While offered: the moment the offer lapses and passes to the next on the list. */
    offerExpiresAt: timestamp('offer_expires_at', { withTimezone: true }),
    /** When refused: the organiser's reason, as mailed and shown on the personal page. */
    refusalReason: text('refusal_reason'),
  },
  (t) => [
    index('registrations_event_status_idx').on(t.eventId, t.status, t.arrival),
    uniqueIndex('registrations_token_idx').on(t.token),
    uniqueIndex('registrations_idempotency_idx').on(t.eventId, t.idempotencyKey),
    // One active registration per e-mail address per event; the service checks first and
    // offers to re-send the personal link, this index is the backstop.
    uniqueIndex('registrations_active_email_idx')
      .on(t.eventId, sql`lower(${t.email})`)
      .where(sql`${t.status} in ('confirmed', 'pending', 'offered', 'waitlisted')`),
    index('registrations_offer_expiry_idx').on(t.offerExpiresAt).where(sql`${t.status} = 'offered'`),
    check('registrations_status_check', oneOf('status', REGISTRATION_STATUSES)),
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
    status: text('status', { enum: CHOICE_STATUSES }).notNull(),
    position: integer('position'),
    /** Set when this choice moved up from the workshop's waiting list. */
    promoted: boolean('promoted').notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.registrationId, t.roundId] }),
    index('registration_choices_workshop_idx').on(t.workshopId, t.roundId, t.status),
    check('registration_choices_status_check', oneOf('status', CHOICE_STATUSES)),
  ],
);

/**
 * A note (notitie) on a registration, by the organiser's staff: "belde af, komt volgend
 * jaar", "rolstoel: ingang achterzijde". Only for the event's organisers, never shown to
 * the registrant or exported. The author's name is copied in, so it stays after the
 * account is removed.
 */
export const registrationNotes = pgTable(
  'registration_notes',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    registrationId: uuid('registration_id')
      .notNull()
      .references(() => registrations.id, { onDelete: 'cascade' }),
    accountId: uuid('account_id').references(() => accounts.id, { onDelete: 'set null' }),
    authorName: text('author_name').notNull(),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('registration_notes_registration_idx').on(t.registrationId, t.createdAt)],
);
