import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
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

export const registrations = pgTable(
  'registrations',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    status: registrationStatus('status').notNull(),
    name: text('name').notNull(),
    email: text('email').notNull(),
    organisationName: text('organisation_name'),
    organisationKind: text('organisation_kind'),
    role: text('role'),
    domain: text('domain'),
    answers: jsonb('answers').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('registrations_event_status_idx').on(t.eventId, t.status)],
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
  },
  (t) => [
    primaryKey({ columns: [t.registrationId, t.roundId] }),
    index('registration_choices_workshop_idx').on(t.workshopId, t.roundId, t.status),
  ],
);
