import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { HOLDING } from './rules';
import { registrationChoices, registrations } from './table';

type RegistrationRow = typeof registrations.$inferSelect;

/** Place on the event's waiting list (1 = next), in arrival order; null when not waiting. */
export async function waitlistPosition(db: Db, r: RegistrationRow): Promise<number | null> {
  if (r.status !== 'waitlisted') return null;
  const [p] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(registrations)
    .where(and(eq(registrations.eventId, r.eventId), eq(registrations.status, 'waitlisted'), sql`${registrations.arrival} <= ${r.arrival}`));
  return p?.n ?? null;
}

/** Place on one workshop's waiting list in one round, among people who hold an event place. */
export async function workshopWaitlistPosition(db: Db, r: RegistrationRow, roundId: string, workshopId: string): Promise<number | null> {
  const [p] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(registrationChoices)
    .innerJoin(registrations, eq(registrations.id, registrationChoices.registrationId))
    .where(
      and(
        eq(registrationChoices.workshopId, workshopId),
        eq(registrationChoices.roundId, roundId),
        eq(registrationChoices.status, 'waitlisted'),
        inArray(registrations.status, [...HOLDING]),
        sql`${registrations.arrival} <= ${r.arrival}`,
      ),
    );
  return p?.n ?? null;
}

/**
 * Places on the event's waiting list (1 = next) of several registrations, counted in one
 * query: a batch of registrations and its mails need them all at once.
 */
export async function waitlistPositions(db: Db, eventId: string, ids: string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const rows = (
    (await db.execute(sql`
      SELECT id, position FROM (
        SELECT id, row_number() OVER (ORDER BY arrival) AS position
        FROM ${registrations} WHERE event_id = ${eventId} AND status = 'waitlisted'
      ) w WHERE id IN (${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)})`)) as unknown as { rows: { id: string; position: number | string }[] }
  ).rows;
  return new Map(rows.map((r) => [r.id, Number(r.position)]));
}

/**
 * Places on workshop waiting lists (per round, among people who hold an event place) of
 * several registrations' choices, keyed `<registration id>/<round id>`.
 */
export async function workshopWaitlistPositions(db: Db, eventId: string, ids: string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const rows = (
    (await db.execute(sql`
      SELECT registration_id, round_id, position FROM (
        SELECT rc.registration_id, rc.round_id,
               row_number() OVER (PARTITION BY rc.round_id, rc.workshop_id ORDER BY g.arrival) AS position
        FROM ${registrationChoices} rc JOIN ${registrations} g ON g.id = rc.registration_id
        WHERE g.event_id = ${eventId} AND rc.status = 'waitlisted' AND g.status IN (${sql.join(HOLDING.map((h) => sql`${h}`), sql`, `)})
      ) w WHERE registration_id IN (${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)})`)) as unknown as {
      rows: { registration_id: string; round_id: string; position: number | string }[];
    }
  ).rows;
  return new Map(rows.map((r) => [`${r.registration_id}/${r.round_id}`, Number(r.position)]));
}
