import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { eventOrganisers, events } from '../events/table';
import { registrations, type RegistrationStatus } from '../registration/table';

/*
 * The back office's view of events: an account sees the events of its organiser, as main
 * organiser or co-organiser, and nothing else. Every query here takes the organiser, so
 * another organiser's event is simply not found.
 */

export interface AccountEvent {
  id: string;
  slug: string;
  title: string;
  status: 'draft' | 'published' | 'cancelled';
  startsAt: Date;
  endsAt: Date;
  capacity: number | null;
  /** How this organiser takes part: main organiser or co-organiser. */
  organiserRole: 'organiser' | 'co_organiser';
  counts: Record<RegistrationStatus, number>;
}

const count = (status: RegistrationStatus) =>
  sql<number>`(select count(*) from ${registrations} r where r.event_id = ${events.id} and r.status = ${status})`.mapWith(Number);

const columns = {
  id: events.id,
  slug: events.slug,
  title: events.title,
  status: events.status,
  startsAt: events.startsAt,
  endsAt: events.endsAt,
  capacity: events.capacity,
  organiserRole: eventOrganisers.role,
  confirmed: count('confirmed'),
  waitlisted: count('waitlisted'),
  pending: count('pending'),
  offered: count('offered'),
  refused: count('refused'),
  cancelled: count('cancelled'),
  expired: count('expired'),
};

type Row = Omit<AccountEvent, 'counts'> & Record<RegistrationStatus, number>;

function eventOf(r: Row): AccountEvent {
  const { confirmed, waitlisted, pending, offered, refused, cancelled, expired, ...rest } = r;
  return { ...rest, counts: { confirmed, waitlisted, pending, offered, refused, cancelled, expired } };
}

/** The events an organiser runs or co-organises, newest first. */
export async function listOrganiserEvents(db: Db, organiserId: string): Promise<AccountEvent[]> {
  const rows = await db
    .select(columns)
    .from(events)
    .innerJoin(eventOrganisers, eq(eventOrganisers.eventId, events.id))
    .where(eq(eventOrganisers.organiserId, organiserId))
    .orderBy(desc(events.startsAt));
  return (rows as Row[]).map(eventOf);
}

/** One event of the organiser, or null when there is none with this slug that it (co-)organises. */
export async function getOrganiserEvent(db: Db, organiserId: string, slug: string): Promise<AccountEvent | null> {
  const [row] = await db
    .select(columns)
    .from(events)
    .innerJoin(eventOrganisers, eq(eventOrganisers.eventId, events.id))
    .where(and(eq(eventOrganisers.organiserId, organiserId), eq(events.slug, slug)))
    .limit(1);
  return row ? eventOf(row as Row) : null;
}
