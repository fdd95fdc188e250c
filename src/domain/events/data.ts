import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { SLUG_PATTERN } from '../../kernel/text';
import { organisers } from '../organisers/table';
import { HOLDING } from '../registration/rules';
import { registrationChoices, registrations } from '../registration/table';
import {
  contacts,
  eventOrganisers,
  events,
  meetings,
  programmeItems,
  reports,
  speakers,
  venues,
  workshopRounds,
  workshops,
} from './table';

/** Everything stored about one event, as rows. `service.ts` turns it into a document. */
export interface EventRows {
  event: typeof events.$inferSelect;
  organisers: (typeof organisers.$inferSelect & { role: 'organiser' | 'co_organiser' })[];
  venues: (typeof venues.$inferSelect)[];
  meetings: (typeof meetings.$inferSelect)[];
  speakers: (typeof speakers.$inferSelect)[];
  programme: (typeof programmeItems.$inferSelect)[];
  workshops: (typeof workshops.$inferSelect)[];
  workshopRounds: (typeof workshopRounds.$inferSelect)[];
  contacts: (typeof contacts.$inferSelect)[];
  report: typeof reports.$inferSelect | null;
}

/** Only well-formed slugs reach the database (a NUL byte in a URL would be a 500 there). */
export const isSlug = (slug: string) => slug.length <= 100 && SLUG_PATTERN.test(slug);

export async function findEventRowBySlug(db: Db, slug: string) {
  if (!isSlug(slug)) return null;
  const [row] = await db.select().from(events).where(eq(events.slug, slug)).limit(1);
  return row ?? null;
}

/** Drizzle queries run when awaited: all at once on the pool, or one after another. */
async function runAll<T extends readonly PromiseLike<unknown>[]>(queries: T, oneAtATime: boolean): Promise<{ -readonly [K in keyof T]: Awaited<T[K]> }> {
  if (!oneAtATime) return Promise.all(queries) as Promise<{ -readonly [K in keyof T]: Awaited<T[K]> }>;
  const out: unknown[] = [];
  for (const q of queries) out.push(await q);
  return out as { -readonly [K in keyof T]: Awaited<T[K]> };
}

/**
 * Every row of one event. In a transaction pass `inTransaction`: a transaction is one
 * connection, and node-postgres deprecates a second query sent before the first answered.
 */
export async function loadEventRows(db: Db, event: typeof events.$inferSelect, opts: { inTransaction?: boolean } = {}): Promise<EventRows> {
  const id = event.id;
  const [orgs, vs, ms, ss, ps, ws, wrs, cs, rs] = await runAll([
    db
      .select({ organiser: organisers, role: eventOrganisers.role })
      .from(eventOrganisers)
      .innerJoin(organisers, eq(organisers.id, eventOrganisers.organiserId))
      .where(eq(eventOrganisers.eventId, id))
      .orderBy(asc(eventOrganisers.position)),
    db.select().from(venues).where(eq(venues.eventId, id)).orderBy(asc(venues.position)),
    db.select().from(meetings).where(eq(meetings.eventId, id)).orderBy(asc(meetings.position)),
    db.select().from(speakers).where(eq(speakers.eventId, id)).orderBy(asc(speakers.position)),
    db.select().from(programmeItems).where(eq(programmeItems.eventId, id)).orderBy(asc(programmeItems.position)),
    db.select().from(workshops).where(eq(workshops.eventId, id)).orderBy(asc(workshops.position)),
    db.select().from(workshopRounds).where(eq(workshopRounds.eventId, id)),
    db.select().from(contacts).where(eq(contacts.eventId, id)).orderBy(asc(contacts.position)),
    db.select().from(reports).where(eq(reports.eventId, id)).limit(1),
  ] as const, opts.inTransaction ?? false);
  return {
    event,
    organisers: orgs.map((o) => ({ ...o.organiser, role: o.role })),
    venues: vs,
    meetings: ms,
    speakers: ss,
    programme: ps,
    workshops: ws,
    workshopRounds: wrs,
    contacts: cs,
    report: rs[0] ?? null,
  };
}

/** Events for the agenda, with their organisers' names and whether a report is published. */
export async function listEventRows(db: Db, statuses: ('draft' | 'published' | 'cancelled')[]) {
  const rows = await db
    .select({
      event: events,
      reportPublishedAt: reports.publishedAt,
      reportTitle: reports.title,
    })
    .from(events)
    .leftJoin(reports, eq(reports.eventId, events.id))
    .where(inArray(events.status, statuses))
    .orderBy(asc(events.startsAt));
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.event.id);
  const [orgs, ms, vs] = await Promise.all([
    db
      .select({ eventId: eventOrganisers.eventId, name: organisers.name, slug: organisers.slug, position: eventOrganisers.position })
      .from(eventOrganisers)
      .innerJoin(organisers, eq(organisers.id, eventOrganisers.organiserId))
      .where(inArray(eventOrganisers.eventId, ids))
      .orderBy(asc(eventOrganisers.position)),
    db.select().from(meetings).where(inArray(meetings.eventId, ids)).orderBy(asc(meetings.position)),
    db.select().from(venues).where(inArray(venues.eventId, ids)),
  ]);
  return rows.map((r) => ({
    ...r,
    organisers: orgs.filter((o) => o.eventId === r.event.id),
    meetings: ms.filter((m) => m.eventId === r.event.id),
    venues: vs.filter((v) => v.eventId === r.event.id),
  }));
}

/**
 * Seats taken: registrations holding a place at the event (confirmed, awaiting approval,
 * or offered — the registration rules' HOLDING), and held seats per workshop per round.
 */
export async function loadTakenSeats(db: Db, eventId: string) {
  const [eventRow, choiceRows] = await Promise.all([
    db
      .select({
        confirmed: sql<number>`count(*) filter (where ${registrations.status} = 'confirmed')`.mapWith(Number),
        waitlisted: sql<number>`count(*) filter (where ${registrations.status} = 'waitlisted')`.mapWith(Number),
        holding: sql<number>`count(*) filter (where ${inArray(registrations.status, [...HOLDING])})`.mapWith(Number),
      })
      .from(registrations)
      .where(eq(registrations.eventId, eventId)),
    db
      .select({
        workshopId: registrationChoices.workshopId,
        roundId: registrationChoices.roundId,
        taken: sql<number>`count(*)`.mapWith(Number),
      })
      .from(registrationChoices)
      .innerJoin(registrations, eq(registrations.id, registrationChoices.registrationId))
      .where(and(eq(registrations.eventId, eventId), inArray(registrationChoices.status, ['confirmed', 'pending'])))
      .groupBy(registrationChoices.workshopId, registrationChoices.roundId),
  ]);
  return {
    confirmed: eventRow[0]?.confirmed ?? 0,
    waitlisted: eventRow[0]?.waitlisted ?? 0,
    holding: eventRow[0]?.holding ?? 0,
    perWorkshopRound: choiceRows,
  };
}

/** Workshops and rounds that hold active (not cancelled or refused) choices: they may not vanish. */
export async function activeChoiceRefs(db: Db, eventId: string) {
  return db
    .selectDistinct({ workshopId: registrationChoices.workshopId, roundId: registrationChoices.roundId })
    .from(registrationChoices)
    .innerJoin(registrations, eq(registrations.id, registrationChoices.registrationId))
    .where(
      and(
        eq(registrations.eventId, eventId),
        ne(registrationChoices.status, 'cancelled'),
        ne(registrationChoices.status, 'refused'),
      ),
    );
}
