import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { organisers } from '../organisers/table';
import type { FileLinks } from '../files/rules';
import type { Audience, OrganisationLimits, Question, Section } from './document';

/*
 * The event model. What the registration engine counts or locks on (capacity, rounds,
 * workshops, their capacity, the window) lives in columns and rows of its own; what is
 * only ever shown as a whole (text sections, the audience list, the questions of the
 * form, organisation-limit settings) lives in typed jsonb. See docs/decisions/003.
 */

export const eventStatus = pgEnum('event_status', ['draft', 'published', 'cancelled']);
export const eventFormat = pgEnum('event_format', ['on_site', 'online', 'hybrid']);
export const vatCategory = pgEnum('vat_category', ['standard', 'reduced', 'exempt']);
export const programmeItemKind = pgEnum('programme_item_kind', ['item', 'round']);
export const contactPurpose = pgEnum('contact_purpose', ['content', 'practical', 'general']);
export const organiserRole = pgEnum('organiser_role', ['organiser', 'co_organiser']);

const ts = (name: string) => timestamp(name, { withTimezone: true });
const eventRef = () =>
  uuid('event_id')
    .notNull()
    .references(() => events.id, { onDelete: 'cascade' });

export const events = pgTable(
  'events',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    slug: text('slug').notNull(),
    title: text('title').notNull(),
    subtitle: text('subtitle'),
    summary: text('summary').notNull(),
    status: eventStatus('status').notNull().default('draft'),
    format: eventFormat('format').notNull(),
    /** Text sections (heading + Markdown), shown in order. */
    sections: jsonb('sections').$type<Section[]>().notNull().default([]),
    /** "Voor wie?": an intro and a list of audiences. */
    audience: jsonb('audience').$type<Audience>().notNull(),
    /** The stored files the event shows (speaker photos, report attachments), checked on save: files/service.ts. */
    fileLinks: jsonb('file_links').$type<FileLinks>().notNull().default({ speakerPhotos: [], reportAttachments: [] }),
    /** Part of a series or network, e.g. "Leernetwerk Leefbaarheid en Veiligheid". */
    series: text('series'),
    // Registration settings. Null capacity = no overall limit.
    registrationMode: text('registration_mode').$type<'form' | 'none'>().notNull().default('form'),
    registrationOpensAt: ts('registration_opens_at'),
    registrationClosesAt: ts('registration_closes_at'),
    capacity: integer('capacity'),
    waitlistEnabled: boolean('waitlist_enabled').notNull().default(true),
    approvalRequired: boolean('approval_required').notNull().default(false),
    cancellableUntil: ts('cancellable_until'),
    /** Hours a freed place is offered to the next on the waiting list; null: they get it at once. */
    offerHours: integer('offer_hours'),
    organisationLimits: jsonb('organisation_limits').$type<OrganisationLimits>().notNull().default({}),
    questions: jsonb('questions').$type<Question[]>().notNull().default([]),
    // Price per person excl. btw; null = free of charge.
    priceCents: integer('price_cents'),
    vatCategory: vatCategory('vat_category'),
    priceIncludes: text('price_includes'),
    // Denormalised span of the meetings, kept by the service, so the agenda can sort and
    // split upcoming/past without joining every meeting.
    startsAt: ts('starts_at').notNull(),
    endsAt: ts('ends_at').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('events_slug_idx').on(t.slug), index('events_status_starts_idx').on(t.status, t.startsAt)],
);

/** Organisers of an event: one main organiser and any co-organisers, in display order. */
export const eventOrganisers = pgTable(
  'event_organisers',
  {
    eventId: eventRef(),
    organiserId: uuid('organiser_id')
      .notNull()
      .references(() => organisers.id, { onDelete: 'restrict' }),
    role: organiserRole('role').notNull(),
    position: integer('position').notNull(),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.organiserId] }), index('event_organisers_org_idx').on(t.organiserId)],
);

/** Venue (locatie) of an event's meetings. */
export const venues = pgTable(
  'venues',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    eventId: eventRef(),
    key: text('key').notNull(),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    street: text('street'),
    postcode: text('postcode'),
    city: text('city').notNull(),
    /** Optional precise map position; without it the map link searches the address. */
    latitude: text('latitude'),
    longitude: text('longitude'),
    directions: text('directions'),
  },
  (t) => [uniqueIndex('venues_event_key_idx').on(t.eventId, t.key)],
);

/** Meeting (bijeenkomst): one dated meeting of an event; a course has several. */
export const meetings = pgTable(
  'meetings',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    eventId: eventRef(),
    key: text('key').notNull(),
    position: integer('position').notNull(),
    title: text('title'),
    startsAt: ts('starts_at').notNull(),
    endsAt: ts('ends_at').notNull(),
    venueId: uuid('venue_id').references(() => venues.id, { onDelete: 'set null' }),
    online: boolean('online').notNull().default(false),
    /** The stream or meeting link: only for registrants, never on a public page. */
    joinUrl: text('join_url'),
    topics: jsonb('topics').$type<string[]>().notNull().default([]),
  },
  (t) => [uniqueIndex('meetings_event_key_idx').on(t.eventId, t.key), index('meetings_event_idx').on(t.eventId, t.startsAt)],
);

export const speakers = pgTable(
  'speakers',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    eventId: eventRef(),
    key: text('key').notNull(),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    role: text('role'),
    organisation: text('organisation'),
    bio: text('bio'),
  },
  (t) => [uniqueIndex('speakers_event_key_idx').on(t.eventId, t.key)],
);

/**
 * ProgrammeItem (programma-onderdeel): a timed item of the programme. An item of kind
 * `round` is a Round (ronde): a time slot of parallel workshops.
 */
export const programmeItems = pgTable(
  'programme_items',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    eventId: eventRef(),
    key: text('key').notNull(),
    position: integer('position').notNull(),
    kind: programmeItemKind('kind').notNull(),
    startsAt: ts('starts_at').notNull(),
    endsAt: ts('ends_at'),
    title: text('title').notNull(),
    subtitle: text('subtitle'),
    description: text('description'),
    speakerKeys: jsonb('speaker_keys').$type<string[]>().notNull().default([]),
  },
  (t) => [uniqueIndex('programme_items_event_key_idx').on(t.eventId, t.key), index('programme_items_event_idx').on(t.eventId)],
);

/** Workshop (deelsessie): a parallel session offered in one or more rounds. */
export const workshops = pgTable(
  'workshops',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    eventId: eventRef(),
    key: text('key').notNull(),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    description: text('description'),
    /** "Met bijdragen van": name – organisation. */
    contributors: jsonb('contributors').$type<{ name: string; organisation?: string | undefined }[]>().notNull().default([]),
    /** Seats per round in which it runs; null = only the event's capacity limits it. */
    capacity: integer('capacity'),
    contactName: text('contact_name'),
    contactEmail: text('contact_email'),
    contactPhone: text('contact_phone'),
  },
  (t) => [uniqueIndex('workshops_event_key_idx').on(t.eventId, t.key)],
);

/**
 * The rounds a workshop runs in. Each (workshop, round) pair has its own seats: the same
 * workshop in round 1 and round 2 is two groups of people.
 */
export const workshopRounds = pgTable(
  'workshop_rounds',
  {
    workshopId: uuid('workshop_id')
      .notNull()
      .references(() => workshops.id, { onDelete: 'cascade' }),
    roundId: uuid('round_id')
      .notNull()
      .references(() => programmeItems.id, { onDelete: 'cascade' }),
    eventId: eventRef(),
  },
  (t) => [primaryKey({ columns: [t.workshopId, t.roundId] }), index('workshop_rounds_round_idx').on(t.roundId)],
);

export const contacts = pgTable('contacts', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  eventId: eventRef(),
  position: integer('position').notNull(),
  purpose: contactPurpose('purpose').notNull(),
  name: text('name').notNull(),
  role: text('role'),
  email: text('email'),
  phone: text('phone'),
});

/** Report (verslag): published on the event after it took place. One per event. */
export const reports = pgTable('reports', {
  eventId: uuid('event_id')
    .primaryKey()
    .references(() => events.id, { onDelete: 'cascade' }),
  title: text('title').notNull(),
  summary: text('summary'),
  body: text('body').notNull(),
  attendance: integer('attendance'),
  /** Attendance as the organiser words it, e.g. "ruim 70". */
  attendanceLabel: text('attendance_label'),
  publishedAt: ts('published_at'),
});
