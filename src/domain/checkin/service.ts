import { and, asc, eq, ilike, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { recordEventAudit, type Actor } from '../audit/service';
import { eventOrganisers, events, meetings } from '../events/table';
import { registrations, type RegistrationStatus } from '../registration/table';
import { checkinCode, checkinRefusal, currentMeeting } from './rules';
import { attendance } from './table';

/*
 * Check-in at the desk (balie): open an event's desk at a meeting with its live counts,
 * find people by name, organisation, e-mail or check-in code, check them in (idempotent)
 * and undo it. Every desk is opened through the organiser (the boundary is in the query);
 * the actions then work inside that event and meeting only.
 */

export interface DeskMeeting {
  id: string;
  key: string;
  title: string | null;
  startsAt: Date;
  endsAt: Date;
  /** Confirmed registrations checked in at this meeting. */
  present: number;
}

export interface Desk {
  event: { id: string; slug: string; title: string; status: 'draft' | 'published' | 'cancelled' };
  meetings: DeskMeeting[];
  /** The meeting checked in at: the one asked for, else the current or next one. Null for an event without meetings. */
  meeting: DeskMeeting | null;
  /** Confirmed registrations: who is expected at every meeting. */
  expected: number;
}

export interface DeskPerson {
  id: string;
  name: string;
  organisation: string | null;
  email: string;
  status: RegistrationStatus;
  /** The check-in code (rules.ts). */
  code: string;
  /** When checked in at the desk's meeting; null when not (yet). */
  checkedInAt: Date | null;
  /** Why this person cannot be checked in (Dutch); null for a confirmed registration. */
  refusal: string | null;
}

/** An event's desk for an organiser that (co-)organises it, or null: another organiser's event is not found. */
export async function openDesk(db: Db, organiserId: string, slug: string, meetingKey: string | undefined, now: Date): Promise<Desk | null> {
  const [event] = await db
    .select({ id: events.id, slug: events.slug, title: events.title, status: events.status })
    .from(events)
    .innerJoin(eventOrganisers, eq(eventOrganisers.eventId, events.id))
    .where(and(eq(eventOrganisers.organiserId, organiserId), eq(events.slug, slug)))
    .limit(1);
  if (!event) return null;
  const list = await db
    .select({
      id: meetings.id,
      key: meetings.key,
      title: meetings.title,
      startsAt: meetings.startsAt,
      endsAt: meetings.endsAt,
      present: sql<number>`(select count(*) from ${attendance} a join ${registrations} r on r.id = a.registration_id
        where a.meeting_id = "meetings"."id" and r.status = 'confirmed')`.mapWith(Number),
    })
    .from(meetings)
    .where(eq(meetings.eventId, event.id))
    .orderBy(asc(meetings.startsAt), asc(meetings.position));
  const [{ expected }] = (await db
    .select({ expected: sql<number>`count(*)`.mapWith(Number) })
    .from(registrations)
    .where(and(eq(registrations.eventId, event.id), eq(registrations.status, 'confirmed')))) as [{ expected: number }];
  const asked = meetingKey ? list.find((m) => m.key === meetingKey) : undefined;
  return { event, meetings: list, meeting: asked ?? currentMeeting(list, now), expected };
}

// Subqueries name the outer table in full: without a join, Drizzle leaves its columns unqualified.
const personColumns = (meetingId: string) => ({
  id: registrations.id,
  name: registrations.name,
  organisation: registrations.organisationName,
  email: registrations.email,
  status: registrations.status,
  token: registrations.token,
  checkedInAt: sql<Date | null>`(select a.checked_in_at from ${attendance} a where a.registration_id = "registrations"."id" and a.meeting_id = ${meetingId})`.mapWith(
    (v: unknown) => (v === null || v === undefined ? null : new Date(v as string)),
  ),
});

type PersonRow = { id: string; name: string; organisation: string | null; email: string; status: RegistrationStatus; token: string; checkedInAt: Date | null };

const personOf = ({ token, ...r }: PersonRow): DeskPerson => ({ ...r, code: checkinCode(token), refusal: checkinRefusal(r.status) });

/** At most this many people per search: the desk narrows down rather than scrolls. */
export const SEARCH_LIMIT = 25;

const STATUS_ORDER = sql`case ${registrations.status} when 'confirmed' then 0 when 'pending' then 1 when 'offered' then 2 when 'waitlisted' then 3 else 4 end`;

/** People of the event whose name, organisation or e-mail address contains the words typed, confirmed first. */
export async function searchPeople(db: Db, eventId: string, meetingId: string, query: string): Promise<{ people: DeskPerson[]; more: boolean }> {
  const words = query.trim().split(/\s+/).filter(Boolean).slice(0, 5);
  if (words.length === 0) return { people: [], more: false };
  const like = (w: string) => `%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const rows = await db
    .select(personColumns(meetingId))
    .from(registrations)
    .where(
      and(
        eq(registrations.eventId, eventId),
        ...words.map((w) => or(ilike(registrations.name, like(w)), ilike(registrations.organisationName, like(w)), ilike(registrations.email, like(w)))),
      ),
    )
    .orderBy(STATUS_ORDER, asc(registrations.name), asc(registrations.arrival))
    .limit(SEARCH_LIMIT + 1);
  return { people: rows.slice(0, SEARCH_LIMIT).map(personOf), more: rows.length > SEARCH_LIMIT };
}

/**
 * The registration of this event with this check-in code, or null (also for a code of
 * another event). The code is derived, not stored: the event's tokens are hashed here,
 * a few milliseconds for thousands of registrations.
 */
export async function findByCode(db: Db, eventId: string, meetingId: string, code: string): Promise<DeskPerson | null> {
  const tokens = await db.select({ id: registrations.id, token: registrations.token }).from(registrations).where(eq(registrations.eventId, eventId));
  const hit = tokens.find((t) => checkinCode(t.token) === code);
  if (!hit) return null;
  return getPerson(db, eventId, meetingId, hit.id);
}

export async function getPerson(db: Db, eventId: string, meetingId: string, registrationId: string): Promise<DeskPerson | null> {
  const [row] = await db
    .select(personColumns(meetingId))
    .from(registrations)
    .where(and(eq(registrations.id, registrationId), eq(registrations.eventId, eventId)));
  return row ? personOf(row) : null;
}

export type CheckinResult =
  | { kind: 'checked_in'; person: DeskPerson; at: Date }
  /** Checked in before: nothing changes, the first time stands. */
  | { kind: 'already'; person: DeskPerson; at: Date }
  | { kind: 'refused'; person: DeskPerson; reason: string }
  | { kind: 'not_found' };

export interface CheckinInput {
  eventId: string;
  meetingId: string;
  registrationId: string;
  /** Who is at the desk: the attendance row keeps its account, the log its name. */
  actor: Actor;
  now: Date;
}

/** How the log names a meeting: its title, else "Bijeenkomst 2" (in date order) — or nothing for an event of one meeting. */
async function meetingLabel(tx: Db, eventId: string, meetingId: string): Promise<string | null> {
  const list = await tx
    .select({ id: meetings.id, title: meetings.title })
    .from(meetings)
    .where(eq(meetings.eventId, eventId))
    .orderBy(asc(meetings.startsAt), asc(meetings.position));
  const i = list.findIndex((m) => m.id === meetingId);
  if (i < 0) return null;
  return list[i]!.title ?? (list.length > 1 ? `Bijeenkomst ${i + 1}` : null);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Check a registration in at a meeting of its event. Idempotent: a second time says when the first was. */
export async function checkIn(db: Db, input: CheckinInput): Promise<CheckinResult> {
  if (!UUID.test(input.registrationId) || !UUID.test(input.meetingId)) return { kind: 'not_found' };
  return db.transaction(async (tx) => {
    const [meeting] = await tx
      .select({ id: meetings.id })
      .from(meetings)
      .where(and(eq(meetings.id, input.meetingId), eq(meetings.eventId, input.eventId)));
    if (!meeting) return { kind: 'not_found' } as const;
    // Shared lock: a cancellation of this registration waits for the check-in, or goes first.
    const [reg] = await tx
      .select({ id: registrations.id, status: registrations.status })
      .from(registrations)
      .where(and(eq(registrations.id, input.registrationId), eq(registrations.eventId, input.eventId)))
      .for('share');
    if (!reg) return { kind: 'not_found' } as const;
    const person = (await getPerson(tx, input.eventId, input.meetingId, reg.id))!;
    if (person.refusal) return { kind: 'refused', person, reason: person.refusal } as const;
    const inserted = await tx
      .insert(attendance)
      .values({ registrationId: reg.id, meetingId: meeting.id, checkedInAt: input.now, checkedInBy: input.actor.accountId })
      .onConflictDoNothing()
      .returning({ at: attendance.checkedInAt });
    if (inserted[0]) {
      const label = await meetingLabel(tx, input.eventId, meeting.id);
      await recordEventAudit(
        tx,
        {
          eventId: input.eventId,
          actor: input.actor,
          action: 'checkin.checked_in',
          summary: label ? `${person.name} ingecheckt bij ${label}` : `${person.name} ingecheckt`,
          details: { meetingId: meeting.id, ...(label ? { meeting: label } : {}) },
          registrationId: reg.id,
        },
        input.now,
      );
    }
    if (inserted[0]) return { kind: 'checked_in', person: { ...person, checkedInAt: inserted[0].at }, at: inserted[0].at } as const;
    return { kind: 'already', person, at: person.checkedInAt! } as const;
  });
}

export type UndoResult = { kind: 'undone'; person: DeskPerson } | { kind: 'not_checked_in'; person: DeskPerson } | { kind: 'not_found' };

/** Undo a check-in at a meeting (a mistake at the desk), with its log entry in the same transaction. */
export async function undoCheckIn(db: Db, input: CheckinInput): Promise<UndoResult> {
  if (!UUID.test(input.registrationId) || !UUID.test(input.meetingId)) return { kind: 'not_found' };
  return db.transaction(async (tx) => {
    const person = await getPerson(tx, input.eventId, input.meetingId, input.registrationId);
    if (!person) return { kind: 'not_found' } as const;
    const deleted = await tx
      .delete(attendance)
      .where(and(eq(attendance.registrationId, person.id), eq(attendance.meetingId, input.meetingId)))
      .returning({ id: attendance.registrationId });
    if (!deleted.length) return { kind: 'not_checked_in', person } as const;
    const label = await meetingLabel(tx, input.eventId, input.meetingId);
    await recordEventAudit(
      tx,
      {
        eventId: input.eventId,
        actor: input.actor,
        action: 'checkin.undone',
        summary: label ? `Inchecken van ${person.name} bij ${label} ongedaan gemaakt` : `Inchecken van ${person.name} ongedaan gemaakt`,
        details: { meetingId: input.meetingId, ...(label ? { meeting: label } : {}) },
        registrationId: person.id,
      },
      input.now,
    );
    return { kind: 'undone', person: { ...person, checkedInAt: null } } as const;
  });
}

/** Per registration of an event, the meetings it was checked in at (for a course's certificates, later). */
export async function attendanceOf(db: Db, eventId: string): Promise<Map<string, string[]>> {
  const rows = await db
    .select({ registrationId: attendance.registrationId, meetingId: attendance.meetingId })
    .from(attendance)
    .innerJoin(meetings, eq(meetings.id, attendance.meetingId))
    .where(eq(meetings.eventId, eventId))
    .orderBy(asc(meetings.startsAt));
  const out = new Map<string, string[]>();
  for (const r of rows) out.set(r.registrationId, [...(out.get(r.registrationId) ?? []), r.meetingId]);
  return out;
}
