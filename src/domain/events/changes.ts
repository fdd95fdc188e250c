import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';

/*
 * "This event changed": sent inside every transaction that changes what a public page of
 * the event shows (the event itself, its registrations). PostgreSQL delivers a NOTIFY
 * only when the transaction commits, so a page cache never drops a page for a change
 * that was rolled back, and every app instance hears it.
 */
export const EVENT_CHANGED = 'bijeen_event_changed';

export async function notifyEventChanged(tx: Db, eventId: string): Promise<void> {
  await tx.execute(sql`SELECT pg_notify(${EVENT_CHANGED}, ${eventId})`);
}
