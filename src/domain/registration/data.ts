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
